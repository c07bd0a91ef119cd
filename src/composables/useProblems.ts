import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { DomainError, type Problem } from '@/domain/problem'

/** Shows problems from the domain as translated messages. */
export function useProblems() {
  const { t } = useI18n()
  const text = (p: Problem) => t(p.key, p.params ?? {})
  function show(problems: Problem[]) {
    if (problems.length > 0) ElMessage({ type: 'error', message: problems.map(text).join('；'), showClose: true, duration: 6000 })
  }
  /** Runs an action; a DomainError becomes a message, other errors are rethrown. */
  async function guard<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action()
    } catch (e) {
      if (e instanceof DomainError) {
        show(e.problems)
        return undefined
      }
      throw e
    }
  }
  return { text, show, guard }
}

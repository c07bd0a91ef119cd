import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { DomainError, type Problem } from '@/domain/problem'
import { journalSettled } from '@/db/journal/journal'

/** Shows problems from the domain as translated messages. */
export function useProblems() {
  const { t } = useI18n()
  const text = (p: Problem) => t(p.key, p.params ?? {})
  function show(problems: Problem[]) {
    if (problems.length > 0)
      ElMessage({ type: 'error', message: problems.map(text).join('；'), showClose: true, duration: 6000 })
  }
  /**
   * Runs an action; a DomainError becomes a message, other errors are rethrown.
   * Resolves once what it saved is in the journal too, so "saved" means two copies.
   */
  async function guard<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await action()
      await journalSettled()
      return result
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

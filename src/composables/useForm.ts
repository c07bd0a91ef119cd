import { reactive, ref, type UnwrapNestedRefs } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import type { z } from 'zod'
import type { Problem } from '@/domain/problem'
import { parseForm } from '@/domain/validate'
import { useProblems } from './useProblems'

export interface FormOptions<F> {
  /** Shapes the fields into what the schema reads (e.g. '' → undefined) */
  prepare?: (form: F) => unknown
  /**
   * Also says a refusal in one message, for forms whose button sits far from
   * the fields: 'problems' lists each problem (after its field's label, when
   * `labels` names it: "提出人：此项必填"); 'fix' asks to fix what is marked.
   */
  announce?: 'problems' | 'fix'
  /** Field name → i18n key of its label, for an announced refusal */
  labels?: Record<string, string>
}

/**
 * The one form: its fields, its errors by field in the user's language, and
 * submit. `submit(save)` parses the fields with the domain schema; when a
 * field is wrong it fills `errors` and saves nothing; otherwise it runs `save`
 * with the parsed data, turning a DomainError into a message. The repository
 * parses again: this only puts each message next to its field.
 *
 * `errors` holds each problem under its full path ('escalation.to',
 * '0.title') and under its top-level field ('escalation'), as el-form-item's
 * `:error` wants; the first problem of a field wins.
 */
export function useForm<F extends object, S extends z.ZodType>(
  schema: S | (() => S),
  blank: () => F,
  options: FormOptions<F> = {},
) {
  const { t } = useI18n()
  const problems = useProblems()
  const prepare = options.prepare ?? ((f: F) => ({ ...f }))
  const form = reactive(blank()) as UnwrapNestedRefs<F>
  /** Field name (and full path) → translated problem */
  const errors = ref<Record<string, string>>({})
  /** True while a save is on its way */
  const submitting = ref(false)

  /** Marks fields as refused (also for rules the schema cannot see, such as who decided). */
  function refuse(fields: Record<string, Problem>) {
    const next: Record<string, string> = {}
    for (const [path, p] of Object.entries(fields)) {
      next[path] ??= problems.text(p)
      next[path.split('.')[0]!] ??= problems.text(p)
    }
    errors.value = next
    if (options.announce === 'fix') ElMessage.error(t('validation.fixErrors'))
    else if (options.announce === 'problems') {
      const lines = Object.entries(fields).map(([path, p]) => {
        const label = options.labels?.[path.split('.')[0]!]
        return `${label ? `${t(label)}：` : ''}${problems.text(p)}`
      })
      ElMessage({ type: 'error', message: [...new Set(lines)].join('；'), showClose: true, duration: 6000 })
    }
  }

  /**
   * Parses `input` with `schema` into the same `errors`; for a form whose
   * choices send it to different schemas (a triage decision, a stage kind).
   */
  function parse<T extends z.ZodType>(other: T, input: unknown): z.infer<T> | undefined {
    const parsed = parseForm(other, input)
    if (!parsed.ok) {
      refuse(parsed.fields)
      return undefined
    }
    errors.value = {}
    return parsed.data
  }

  /** The parsed fields, or undefined with `errors` filled in. */
  function check(): z.infer<S> | undefined {
    return parse(typeof schema === 'function' ? schema() : schema, prepare(form as F))
  }

  /** Parses, then saves; resolves to what `save` returned, or undefined when refused. */
  async function submit<T>(save: (data: z.infer<S>) => Promise<T>): Promise<T | undefined> {
    const data = check()
    if (data === undefined) return undefined
    submitting.value = true
    try {
      return await problems.guard(() => save(data))
    } finally {
      submitting.value = false
    }
  }

  /** Back to the blank form, without errors. */
  function reset(to: Partial<F> = {}) {
    Object.assign(form, blank(), to)
    errors.value = {}
  }

  return { form, errors, submitting, check, parse, refuse, submit, reset }
}

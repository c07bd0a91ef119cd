import { reactive, ref, type UnwrapNestedRefs } from 'vue'
import type { z } from 'zod'
import { parseForm } from '@/domain/validate'
import { useProblems } from './useProblems'

/**
 * One form: its fields, its errors by field in the user's language, and
 * submit. `submit(save)` parses the fields with the domain schema; when a
 * field is wrong it fills `errors` (keyed by the top-level field name, as
 * el-form-item's `:error` wants) and saves nothing; otherwise it runs `save`
 * with the parsed data, turning a DomainError into a message. The
 * repository parses again: this only puts each message next to its field.
 */
export function useForm<F extends object, S extends z.ZodType>(
  schema: S | (() => S),
  blank: () => F,
  /** Shapes the fields into what the schema reads (e.g. '' → undefined) */
  prepare: (form: F) => unknown = (form) => ({ ...form }),
) {
  const problems = useProblems()
  const form = reactive(blank()) as UnwrapNestedRefs<F>
  /** Field name → translated problem */
  const errors = ref<Record<string, string>>({})
  /** True while a save is on its way */
  const submitting = ref(false)

  /** The parsed data, or undefined with `errors` filled in. */
  function check(): z.infer<S> | undefined {
    const parsed = parseForm(typeof schema === 'function' ? schema() : schema, prepare(form as F))
    if (!parsed.ok) {
      errors.value = {}
      for (const [path, p] of Object.entries(parsed.fields)) {
        const field = path.split('.')[0]!
        errors.value[field] ??= problems.text(p)
      }
      return undefined
    }
    errors.value = {}
    return parsed.data
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

  return { form, errors, submitting, check, submit, reset }
}

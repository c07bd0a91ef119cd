import type { z } from 'zod'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { parseForm } from '@/domain/validate'

/**
 * Checks a form before it goes to the repository and names each bad field
 * ("提出人：此项必填"), which a bare "此项必填" toast would not. The
 * repository validates again; this only makes the message clear.
 */
export function useFieldCheck() {
  const { t } = useI18n()
  return function check(schema: z.ZodType, input: unknown, labels: Record<string, string>): boolean {
    const r = parseForm(schema, input)
    if (r.ok) return true
    const lines = Object.entries(r.fields).map(
      ([field, p]) => `${labels[field] ? `${t(labels[field])}：` : ''}${t(p.key, p.params ?? {})}`,
    )
    ElMessage({ type: 'error', message: lines.join('；'), showClose: true, duration: 6000 })
    return false
  }
}

import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { z } from 'zod'
import type { Matter } from '@/domain/matter'
import type { StageDef } from '@/domain/template'
import { parseForm } from '@/domain/validate'
import { recordStage } from '@/db/matters.repo'
import { useProblems } from '@/composables/useProblems'

/**
 * The save path shared by the stage forms: check the input, ask once (a
 * record is never edited afterwards), then append it. Field errors land in
 * `errors` keyed by field name.
 */
export function useRecord(matter: () => Matter, stage: () => StageDef, today: () => string) {
  const { t } = useI18n()
  const problems = useProblems()
  const errors = ref<Record<string, string>>({})
  const saving = ref(false)

  async function save(schema: z.ZodType, input: unknown, resultText: (verdict?: string) => string): Promise<boolean> {
    const parsed = parseForm(schema, input)
    if (!parsed.ok) {
      errors.value = Object.fromEntries(
        Object.entries(parsed.fields).map(([k, p]) => [k.split('.')[0]!, problems.text(p)]),
      )
      ElMessage.error(t('validation.fixErrors'))
      return false
    }
    errors.value = {}
    try {
      await ElMessageBox.confirm(t('matters.confirmRecord'), t('matters.confirmTitle'), {
        type: 'warning',
        confirmButtonText: t('common.save'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return false
    }
    saving.value = true
    try {
      const attempt = await problems.guard(() => recordStage(matter().id, stage().id, parsed.data, today()))
      if (!attempt) return false
      ElMessage.success(t('matters.recorded', { stage: stage().name, result: resultText(attempt.verdict) }))
      return true
    } finally {
      saving.value = false
    }
  }
  return { errors, saving, save }
}

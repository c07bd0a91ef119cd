import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { z } from 'zod'
import type { Matter } from '@/domain/matter'
import type { StageDef } from '@/domain/template'
import { recordStage } from '@/db/matters.repo'
import { useForm, type FormOptions } from '@/composables/useForm'

/**
 * The stage forms' one form (useForm) with their save path: check the
 * fields, ask once (a record is never edited afterwards), then append it.
 */
export function useRecord<F extends object, S extends z.ZodType>(
  at: { matter: () => Matter; stage: () => StageDef; today: () => string },
  schema: S,
  blank: () => F,
  prepare: FormOptions<F>['prepare'],
) {
  const { t } = useI18n()
  const { form, errors, submitting, check, submit } = useForm(schema, blank, { prepare, announce: 'fix' })

  /** Resolves to true once the record is kept. */
  async function save(resultText: (verdict?: string) => string): Promise<boolean> {
    if (!check()) return false
    try {
      await ElMessageBox.confirm(t('matters.confirmRecord'), t('matters.confirmTitle'), {
        type: 'warning',
        confirmButtonText: t('common.save'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return false
    }
    const attempt = await submit((data) => recordStage(at.matter().id, at.stage().id, data, at.today()))
    if (!attempt) return false
    ElMessage.success(t('matters.recorded', { stage: at.stage().name, result: resultText(attempt.verdict) }))
    return true
  }
  return { form, errors, saving: submitting, save }
}

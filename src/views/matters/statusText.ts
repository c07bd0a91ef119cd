import { useI18n } from 'vue-i18n'
import type { StageProgress } from '@/domain/matter'

/** A stage's status in words: a notice or filing is 已完成, not 已通过. */
export function useStatusText() {
  const { t } = useI18n()
  return (p: StageProgress) =>
    p.status === 'passed' && p.stage.kind !== 'meeting' ? t('matters.done') : t(`matters.statuses.${p.status}`)
}

import { useI18n } from 'vue-i18n'
import type { HandlingType } from '@/domain/request'
import { useCommunityStore } from '@/stores/community'

/**
 * The name a handling type shows under: the community's own name when it set
 * one in settings (Kenli: 待办件), else the standard name in the console's language.
 */
export function useHandlingName(): (h: HandlingType | string) => string {
  const { t } = useI18n()
  const community = useCommunityStore()
  return (h) => community.current?.handlingNames?.[h as HandlingType]?.trim() || t(`intake.handlingTypes.${h}`)
}

import { useI18n } from 'vue-i18n'
import { ruleKey } from '@/domain/stage-rules'
import type { Rule } from '@/domain/vote'

/** A rule in words: 应到人数过半数, 实到人数三分之二以上 … */
export function useRuleText() {
  const { t } = useI18n()
  return (rule: Rule | undefined) => {
    if (!rule) return ''
    const k = ruleKey(rule)
    return t(k.key, k.params)
  }
}

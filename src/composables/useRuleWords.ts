import { useI18n } from 'vue-i18n'
import { ruleInWords, type Rule, type RuleUse } from '@/domain/rules'

/** The rule in words for screens and the projector (the PDFs call ruleInWords with the Chinese messages). */
export function useRuleWords() {
  const { t } = useI18n()
  return (rule: Rule | undefined, use: RuleUse): string => (rule ? ruleInWords(t, rule, use) : '')
}

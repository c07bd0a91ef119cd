// A rule in words, the same on the screens, the projector and the PDFs:
// 全体成员三分之二以上出席 · 应到人数过半数同意 · 走访到的户数超过80%同意.
// One set of i18n keys (rules.*); the caller passes its translator.
import type { Rule, RuleUse } from './rule'

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** A fraction as people write it: 80/100 → 80%, 3/4 → 3/4. */
function fractionText(num: number, den: number): string {
  return den === 100 ? `${num}%` : `${num}/${den}`
}

export function ruleInWords(t: Translate, rule: Rule, use: RuleUse): string {
  const th = rule.threshold
  const share =
    th.kind === 'fraction'
      ? t(th.strict ? 'rules.share.moreThan' : 'rules.share.atLeast', { share: fractionText(th.num, th.den) })
      : t(`rules.share.${th.kind}`)
  // 本村三分之二以上的户派代表参加: households send a representative, they do not attend.
  if (use === 'quorum' && rule.base === 'households') return t('rules.use.quorumHouseholds', { share })
  return t(`rules.use.${use}`, { base: t(`rules.base.${rule.base}`), share })
}

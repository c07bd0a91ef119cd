import type { Rule } from '@/domain/vote'

type T = (key: string, params?: Record<string, unknown>) => string

/** A rule in words, e.g. “全体成员的三分之二以上出席”. */
export function ruleText(t: T, rule: Rule, use: 'quorum' | 'passing'): string {
  const th = rule.threshold
  const share =
    th.kind === 'half'
      ? t('bodies.threshold.half')
      : th.kind === 'twoThirds'
        ? t('bodies.threshold.twoThirds')
        : t(th.strict ? 'bodies.threshold.moreThan' : 'bodies.threshold.atLeast', { num: th.num, den: th.den })
  return t(`bodies.ruleText.${use}`, { base: t(`bodies.base.${rule.base}`), share })
}

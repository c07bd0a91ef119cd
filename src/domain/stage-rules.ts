// Quorum and passing rules applied to the numbers of one sitting of a body.
// Plain functions over the shared Rule type (vote.ts) so they can be merged
// with the general evaluator later; every answer carries the numbers used,
// because the registration form and the minutes print them.
import type { Rule, Threshold } from './vote'

/** The headcounts a rule can be based on: 应到 · 实到 · 全体成员 */
export interface Headcount {
  expected: number
  present: number
  /** All members of the body; equals `expected` when nobody was excused */
  members: number
}

export interface StageCounts {
  for: number
  against: number
  abstain: number
}

/** The outcome of one rule: whether it held, and the figures behind it. */
export interface RuleCheck {
  ok: boolean
  /** The number compared (present people, or votes for) */
  value: number
  /** The base it was measured against */
  base: number
  /** The smallest value that would have held */
  needed: number
}

/** The smallest count that meets `threshold` of `base`. */
export function neededFor(threshold: Threshold, base: number): number {
  switch (threshold.kind) {
    case 'half':
      // strictly more than half: 10 → 6, 9 → 5
      return Math.floor(base / 2) + 1
    case 'twoThirds':
      // at least two thirds: 9 → 6, 10 → 7
      return Math.ceil((base * 2) / 3)
    case 'fraction': {
      const exact = (base * threshold.num) / threshold.den
      return threshold.strict ? Math.floor(exact) + 1 : Math.ceil(exact)
    }
  }
}

function check(rule: Rule, value: number, head: Headcount): RuleCheck {
  const base = head[rule.base]
  const needed = neededFor(rule.threshold, base)
  return { ok: base > 0 && value >= needed, value, base, needed }
}

/** Whether enough people were present for the body to sit at all. */
export function quorumMet(rule: Rule, head: Headcount): RuleCheck {
  return check(rule, head.present, head)
}

/** Whether the votes for carry the motion under the passing rule. */
export function passes(rule: Rule, counts: StageCounts, head: Headcount): RuleCheck {
  return check(rule, counts.for, head)
}

export type StageVerdict = 'passed' | 'failed' | 'noQuorum'

/** A sitting passes only with a quorum and enough votes for. */
export function judgeSitting(
  quorumRule: Rule,
  passingRule: Rule,
  counts: StageCounts,
  head: Headcount,
): { verdict: StageVerdict; quorum: RuleCheck; passing: RuleCheck } {
  const quorum = quorumMet(quorumRule, head)
  const passing = passes(passingRule, counts, head)
  const verdict: StageVerdict = !quorum.ok ? 'noQuorum' : passing.ok ? 'passed' : 'failed'
  return { verdict, quorum, passing }
}

/** Rules described as i18n keys with parameters, e.g. 应到人数的过半数. */
export function ruleKey(rule: Rule): { key: string; params: Record<string, string | number> } {
  const t = rule.threshold
  const params: Record<string, string | number> = {}
  if (t.kind === 'fraction') {
    params.num = t.num
    params.den = t.den
  }
  const kind = t.kind === 'fraction' ? (t.strict ? 'fractionStrict' : 'fraction') : t.kind
  return { key: `rules.${rule.base}.${kind}`, params }
}

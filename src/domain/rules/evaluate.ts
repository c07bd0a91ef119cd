// The one evaluator: whether a count meets a rule, with the numbers behind
// the answer, because the screens, the projector and the minutes print them.
import type { Rule, RuleBase, Threshold } from './rule'

/** The numbers a rule can be counted against; a rule reads the one its base names. */
export type Bases = Partial<Record<RuleBase, number>>

/** The outcome of one rule: whether it held, and the figures behind it. */
export interface RuleCheck {
  met: boolean
  /** The number compared (people present, votes for, households agreeing) */
  value: number
  /** The base it was measured against */
  base: number
  /** The smallest value that meets the rule against this base */
  needed: number
}

/** Whether `n` out of `of` meets the threshold, in whole numbers (no rounding). */
function meets(n: number, of: number, t: Threshold): boolean {
  switch (t.kind) {
    case 'half':
      return n * 2 > of
    case 'twoThirds':
      return n * 3 >= of * 2
    case 'fraction':
      return t.strict ? n * t.den > of * t.num : n * t.den >= of * t.num
  }
}

/** The smallest count that meets the threshold against `of`: ⅔ of 31 → 21, more than half of 36 → 19. */
export function needed(t: Threshold, of: number): number {
  if (of <= 0) return 1
  switch (t.kind) {
    case 'half':
      return Math.floor(of / 2) + 1
    case 'twoThirds':
      return Math.ceil((of * 2) / 3)
    case 'fraction': {
      // integer arithmetic: the least n with n·den ≥ of·num (or >)
      const q = Math.floor((of * t.num) / t.den)
      return meets(q, of, t) ? q : q + 1
    }
  }
}

/**
 * Applies a rule to a value. A missing base counts as zero, and nothing is met
 * against a base of zero. A quorum rule written against 'present' (older data)
 * is read against 'expected', never against those present.
 */
export function evaluate(rule: Rule, value: number, bases: Bases, use?: 'quorum'): RuleCheck {
  const key = use === 'quorum' && rule.base === 'present' ? 'expected' : rule.base
  const base = bases[key] ?? 0
  const need = needed(rule.threshold, base)
  return { met: base > 0 && value >= need, value, base, needed: need }
}

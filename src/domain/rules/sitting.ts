// A sitting recorded after the fact (a stage of a major matter): the secretary
// types the numbers, the same evaluator judges them.
import type { RuleCheck } from './evaluate'
import { passingCheck, quorumCheck, type Headcount } from './headcount'
import type { Rule } from './rule'

export interface SittingCounts {
  for: number
  against: number
  abstain: number
}

export type SittingVerdict = 'passed' | 'failed' | 'noQuorum'

/** A sitting passes only with a quorum and enough votes for. */
export function judgeSitting(
  quorumRule: Rule,
  passingRule: Rule,
  counts: SittingCounts,
  head: Headcount,
): { verdict: SittingVerdict; quorum: RuleCheck; passing: RuleCheck } {
  const quorum = quorumCheck(quorumRule, head)
  const passing = passingCheck(passingRule, counts.for, head)
  const verdict: SittingVerdict = !quorum.met ? 'noQuorum' : passing.met ? 'passed' : 'failed'
  return { verdict, quorum, passing }
}

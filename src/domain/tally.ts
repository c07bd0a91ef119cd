// Closing a vote: check the counts against who may vote, then apply the
// body's passing rule. Every refusal is a Problem the console shows in Chinese.
import { problem, type Problem } from './problem'
import { passes, quorum, type Headcount } from './quorum'
import type { Counts, Rule, Vote, VoteMethod, VoteResult } from './vote'

export const ZERO_COUNTS: Counts = { for: 0, against: 0, abstain: 0, invalid: 0 }

export function totalOf(c: Counts): number {
  return c.for + c.against + c.abstain + c.invalid
}

function countProblems(c: Counts): Problem[] {
  const ok = [c.for, c.against, c.abstain, c.invalid].every((n) => Number.isInteger(n) && n >= 0)
  return ok ? [] : [problem('deliberation.error.countsNotWhole')]
}

export function sameCounts(a: Counts, b: Counts): boolean {
  return a.for === b.for && a.against === b.against && a.abstain === b.abstain && a.invalid === b.invalid
}

/** Counts from a roll-call: each person's recorded choice. */
export function rollCallCounts(rows: NonNullable<Vote['rollCall']>): Counts {
  const c = { ...ZERO_COUNTS }
  for (const r of rows) c[r.choice] += 1
  return c
}

/**
 * The counts a vote closes with. Paper ballots need two tellers' counts that
 * agree: a mismatch is refused before any result is shown.
 */
export function countsToClose(
  v: Pick<Vote, 'method' | 'counts' | 'tellerCounts' | 'rollCall'>,
): { counts: Counts } | { problems: Problem[] } {
  if (v.method === 'paper') {
    const tc = v.tellerCounts ?? []
    if (tc.length < 2) return { problems: [problem('deliberation.error.needTwoTellers')] }
    const bad = tc.flatMap((t) => countProblems(t.counts))
    if (bad.length > 0) return { problems: bad }
    const [a, b] = tc as [NonNullable<Vote['tellerCounts']>[number], NonNullable<Vote['tellerCounts']>[number]]
    if (!sameCounts(a.counts, b.counts))
      return { problems: [problem('deliberation.error.tellerMismatch', { a: a.teller, b: b.teller })] }
    return { counts: a.counts }
  }
  if (v.method === 'rollCall') {
    if (!v.rollCall || v.rollCall.length === 0) return { problems: [problem('deliberation.error.rollCallEmpty')] }
    return { counts: rollCallCounts(v.rollCall) }
  }
  if (!v.counts) return { problems: [problem('deliberation.error.noCounts')] }
  const bad = countProblems(v.counts)
  return bad.length > 0 ? { problems: bad } : { counts: v.counts }
}

export interface CloseInput {
  method: VoteMethod
  counts: Counts
  headcount: Headcount
  quorumRule: Rule
  passingRule: Rule
}

/**
 * The result under the body's rules, or the problems that block closing:
 * no quorum, or more ballots than voters present. A canvass is the basis of
 * a consultation topic, not a meeting vote: it passes when more than half of
 * the households asked agree, and needs no quorum.
 */
export function decide(input: CloseInput): { result: VoteResult; quorumMet: boolean } | { problems: Problem[] } {
  const { counts, headcount: h } = input
  if (input.method === 'canvass') {
    const asked = totalOf(counts)
    if (asked === 0) return { problems: [problem('deliberation.error.noCounts')] }
    return { result: counts.for * 2 > asked ? 'passed' : 'failed', quorumMet: true }
  }
  const q = quorum(input.quorumRule, h)
  const problems: Problem[] = []
  if (!q.met) problems.push(problem('deliberation.error.noQuorum', { present: q.present, need: q.need }))
  if (totalOf(counts) > h.present)
    problems.push(problem('deliberation.error.countsExceedPresent', { total: totalOf(counts), present: h.present }))
  if (problems.length > 0) return { problems }
  return { result: passes(counts.for, input.passingRule, h) ? 'passed' : 'failed', quorumMet: true }
}

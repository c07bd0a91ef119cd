// Closing a vote: check the counts against who may vote, then apply the
// body's passing rule. Every refusal is a Problem the console shows in Chinese.
import { problem, type Problem } from './problem'
import { evaluate, passingCheck, quorumCheck, type Headcount, type RuleCheck } from './rules'
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

/** Ballot methods: paper ballots, open or secret, are counted by two tellers. */
export const BALLOT_METHODS: readonly VoteMethod[] = ['paper', 'secret']

/**
 * The counts a vote closes with. Paper and secret ballots need two tellers'
 * counts that agree: a mismatch is refused before any result is shown.
 */
export function countsToClose(
  v: Pick<Vote, 'method' | 'counts' | 'tellerCounts' | 'rollCall'>,
): { counts: Counts } | { problems: Problem[] } {
  if (BALLOT_METHODS.includes(v.method)) {
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
  /** The body's passing rule; for a canvass, the community's canvass rule */
  passingRule: Rule
  /** 发出 / 收回 for paper and secret ballots, when recorded */
  ballots?: { issued: number; returned: number }
}

export type Decision = { result: VoteResult; quorumMet: boolean; quorum?: RuleCheck; passing: RuleCheck }

/**
 * The counts of a canvass as the rule engine reads them: agree (for) against
 * the households asked (all rows) or those reached (all but 未见面, kept as invalid).
 */
export function canvassBases(c: Counts): { asked: number; reached: number } {
  const asked = totalOf(c)
  return { asked, reached: asked - c.invalid }
}

function ballotProblems(counts: Counts, b: { issued: number; returned: number }): Problem[] {
  if (![b.issued, b.returned].every((n) => Number.isInteger(n) && n >= 0))
    return [problem('deliberation.error.countsNotWhole')]
  if (b.returned > b.issued) return [problem('deliberation.error.returnedExceedIssued', b)]
  if (totalOf(counts) !== b.returned)
    return [problem('deliberation.error.ballotsMismatch', { returned: b.returned, total: totalOf(counts) })]
  return []
}

/**
 * The result under the rules, or the problems that block closing: no quorum,
 * more ballots than voters, or ballots that do not add up. A canvass is the
 * basis of a consultation topic, not a meeting vote: it needs no quorum and is
 * judged by the canvass rule against the households asked or reached.
 */
export function decide(input: CloseInput): Decision | { problems: Problem[] } {
  const { counts, headcount: h } = input
  if (input.method === 'canvass') {
    const bases = canvassBases(counts)
    if (bases.asked === 0) return { problems: [problem('deliberation.error.noCounts')] }
    const passing = evaluate(input.passingRule, counts.for, bases)
    return { result: passing.met ? 'passed' : 'failed', quorumMet: true, passing }
  }
  const quorum = quorumCheck(input.quorumRule, h)
  const voters = h.present - h.recused
  const problems: Problem[] = []
  if (!quorum.met) problems.push(problem('deliberation.error.noQuorum', { present: quorum.value, need: quorum.needed }))
  if (totalOf(counts) > voters)
    problems.push(problem('deliberation.error.countsExceedPresent', { total: totalOf(counts), present: voters }))
  if (input.ballots) problems.push(...ballotProblems(counts, input.ballots))
  if (problems.length > 0) return { problems }
  const passing = passingCheck(input.passingRule, counts.for, h)
  return { result: passing.met ? 'passed' : 'failed', quorumMet: true, quorum, passing }
}

// The vote that stands after corrections, worked out once (domain/vote.ts)
// and read by the minutes, the projector, the resolution, the statistics and
// the street. Table-driven: each row is a topic's votes as a meeting leaves them.
import { describe, expect, it } from 'vitest'
import { isCorrected, standingVote, standingVotes, type Vote } from '@/domain/vote'
import { standingResults } from '@/domain/stats'

type V = Pick<Vote, 'id' | 'topicId' | 'status' | 'result' | 'correctsVoteId' | 'closedAt' | 'openedAt'>
const v = (id: string, at: string, extra: Partial<V> = {}): V => ({
  id,
  topicId: 't1',
  status: 'closed',
  result: 'passed',
  openedAt: `2026-12-10T${at}:00.000Z`,
  closedAt: `2026-12-10T${at}:30.000Z`,
  ...extra,
})

const cases: { name: string; votes: V[]; stands?: string; result?: string }[] = [
  { name: 'one show of hands, 17 for of 21', votes: [v('a', '09:00')], stands: 'a', result: 'passed' },
  {
    name: 'failed 9 to 11, then passed on the revised option',
    votes: [v('a', '09:00', { result: 'failed' }), v('b', '10:00')],
    stands: 'b',
    result: 'passed',
  },
  {
    name: 'a sealed 17-for corrected after a recount to 10 of 21: the correction stands',
    votes: [v('a', '09:00'), v('c', '15:00', { result: 'failed', correctsVoteId: 'a' })],
    stands: 'c',
    result: 'failed',
  },
  {
    name: 'a correction corrected again: only the last stands',
    votes: [
      v('a', '09:00'),
      v('c', '15:00', { result: 'failed', correctsVoteId: 'a' }),
      v('d', '16:00', { correctsVoteId: 'c' }),
    ],
    stands: 'd',
    result: 'passed',
  },
  {
    name: 'a correction is the last vote closed, so it stands over an earlier re-vote',
    votes: [v('a', '09:00', { result: 'failed' }), v('b', '10:00'), v('c', '15:00', { correctsVoteId: 'a' })],
    stands: 'c',
    result: 'passed',
  },
  { name: 'a vote still open stands for nothing', votes: [v('a', '09:00', { status: 'open', result: undefined })] },
]

describe('the standing vote after corrections', () => {
  it.each(cases)('$name', ({ votes, stands, result }) => {
    expect(standingVote(votes, 't1')?.id).toBe(stands)
    expect(standingResults(votes, []).get('t1')).toBe(result)
    // A corrected vote never stands.
    for (const s of standingVotes(votes)) expect(isCorrected(s, votes)).toBe(false)
  })

  it('keeps topics apart and lets a deferral decide its topic', () => {
    const votes = [v('a', '09:00'), v('b', '10:00', { topicId: 't2', result: 'failed' })]
    expect(standingVote(votes, 't2')?.id).toBe('b')
    expect(Object.fromEntries(standingResults(votes, ['t3']))).toEqual({ t1: 'passed', t2: 'failed', t3: 'deferred' })
  })
})

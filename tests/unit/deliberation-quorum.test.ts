import { describe, expect, it } from 'vitest'
import { defaultRules, headcount, meets, passes, quorum, type Headcount } from '@/domain/quorum'
import { decide } from '@/domain/tally'
import type { Rule, Threshold } from '@/domain/vote'

const HALF: Threshold = { kind: 'half' }
const TWO_THIRDS: Threshold = { kind: 'twoThirds' }
const rule = (base: Rule['base'], threshold: Threshold): Rule => ({ base, threshold })

describe('thresholds', () => {
  it.each([
    // n, of, threshold, met — ties never pass "more than half"; ⅔ includes exactly two thirds
    [5, 10, HALF, false],
    [6, 10, HALF, true],
    [3, 5, HALF, true],
    [0, 0, HALF, false],
    [20, 30, TWO_THIRDS, true],
    [19, 30, TWO_THIRDS, false],
    [2, 3, TWO_THIRDS, true],
    [0, 0, TWO_THIRDS, false],
    [3, 4, { kind: 'fraction', num: 3, den: 4, strict: false }, true],
    [3, 4, { kind: 'fraction', num: 3, den: 4, strict: true }, false],
  ] as const)('%i of %i under %o → %s', (n, of, t, met) => {
    expect(meets(n, of, t)).toBe(met)
  })
})

const h = (members: number, expected: number, present: number): Headcount => ({ members, expected, present })

describe('quorum for every base and threshold', () => {
  it.each([
    // base, threshold, headcount, met, need
    ['members', TWO_THIRDS, h(30, 28, 20), true, 20],
    ['members', TWO_THIRDS, h(30, 28, 19), false, 20],
    ['members', HALF, h(30, 28, 15), false, 16],
    ['members', HALF, h(30, 28, 16), true, 16],
    ['expected', TWO_THIRDS, h(30, 24, 16), true, 16],
    ['expected', TWO_THIRDS, h(30, 24, 15), false, 16],
    ['expected', HALF, h(30, 24, 12), false, 13],
    ['expected', HALF, h(30, 24, 13), true, 13],
    ['members', HALF, h(30, 30, 0), false, 16],
    ['expected', HALF, h(0, 0, 0), false, 1],
  ] as const)('%s %o with %o → met %s', (base, t, count, met, need) => {
    const q = quorum(rule(base, t), count)
    expect(q.met).toBe(met)
    expect(q.need).toBe(need)
  })
})

describe('passing for every base and threshold', () => {
  it.each([
    // base, threshold, approvals, headcount, passes
    ['present', HALF, 13, h(30, 28, 25), true],
    ['present', HALF, 12, h(30, 28, 24), false], // tie: exactly half is not more than half
    ['present', TWO_THIRDS, 16, h(30, 28, 24), true],
    ['present', TWO_THIRDS, 15, h(30, 28, 24), false],
    ['expected', HALF, 14, h(30, 28, 20), false], // Party members' meeting: half of 应到, not of 实到
    ['expected', HALF, 15, h(30, 28, 20), true],
    ['expected', TWO_THIRDS, 19, h(30, 28, 20), true],
    ['expected', TWO_THIRDS, 18, h(30, 28, 20), false],
    ['members', HALF, 15, h(30, 28, 20), false],
    ['members', TWO_THIRDS, 20, h(30, 28, 25), true],
    ['present', HALF, 0, h(30, 28, 0), false], // zero present
  ] as const)('%s %o: %i approvals with %o → %s', (base, t, approvals, count, ok) => {
    expect(passes(approvals, rule(base, t), count)).toBe(ok)
  })
})

const rows = (
  spec: [
    string,
    'present' | 'absent' | 'leave' | 'written',
    'voting' | 'chair' | 'nonVoting' | 'teller' | 'recorder',
  ][],
) => spec.map(([id, state, meetingRole]) => ({ id, personId: `p-${id}`, state, meetingRole }))

describe('headcount from the sign-in sheet', () => {
  const sheet = rows([
    ['a', 'present', 'chair'],
    ['b', 'present', 'voting'],
    ['c', 'present', 'teller'],
    ['d', 'written', 'voting'],
    ['e', 'leave', 'voting'],
    ['f', 'present', 'nonVoting'],
    ['g', 'present', 'recorder'],
  ])
  const body = { memberIds: ['p-a', 'p-b', 'p-c', 'p-d', 'p-e', 'p-x'] }

  it('counts voting roles only; written opinions are not presence by default', () => {
    expect(headcount(sheet, body)).toEqual({ members: 6, expected: 5, present: 3 })
  })
  it('counts written opinions when the body says so', () => {
    expect(headcount(sheet, { ...body, writtenCountsAsPresent: true })).toEqual({ members: 6, expected: 5, present: 4 })
  })
  it('a recused member leaves every base for that topic', () => {
    expect(headcount(sheet, body, new Set(['b', 'p-b']))).toEqual({ members: 5, expected: 4, present: 2 })
  })
  it('zero present never meets quorum nor passes', () => {
    const empty = headcount(rows([['a', 'absent', 'voting']]), { memberIds: ['p-a'] })
    expect(empty.present).toBe(0)
    expect(quorum(rule('members', HALF), empty).met).toBe(false)
    expect(passes(0, rule('present', HALF), empty)).toBe(false)
  })
})

describe('legal defaults and the vote decision', () => {
  it('villagers’ representatives: ⅔ of members present, more than half of those present', () => {
    const r = defaultRules('villagerReps')
    expect(r.quorumRule).toEqual(rule('members', TWO_THIRDS))
    expect(r.passingRule).toEqual(rule('present', HALF))
    expect(r.decides).toBe(true)
  })
  it('Party members’ meeting passes on half of those who should attend; a council only recommends', () => {
    expect(defaultRules('partyMembers').passingRule.base).toBe('expected')
    expect(defaultRules('council').decides).toBe(false)
  })
  const reps = defaultRules('villagerReps')
  const input = (c: [number, number, number, number], count: Headcount) => ({
    method: 'hands' as const,
    counts: { for: c[0], against: c[1], abstain: c[2], invalid: c[3] },
    headcount: count,
    ...reps,
  })
  it('passes, fails on a tie, refuses without quorum or with too many ballots', () => {
    expect(decide(input([20, 3, 2, 0], h(30, 30, 25)))).toEqual({ result: 'passed', quorumMet: true })
    expect(decide(input([12, 8, 4, 0], h(30, 30, 24)))).toEqual({ result: 'failed', quorumMet: true })
    expect(decide(input([8, 1, 1, 0], h(30, 30, 10)))).toEqual({
      problems: [{ key: 'deliberation.error.noQuorum', params: { present: 10, need: 20 } }],
    })
    expect(decide(input([24, 3, 0, 0], h(30, 30, 25)))).toEqual({
      problems: [{ key: 'deliberation.error.countsExceedPresent', params: { total: 27, present: 25 } }],
    })
  })
  it('a canvass passes on more than half of the households asked', () => {
    const c = { for: 1760, against: 30, abstain: 10, invalid: 0 }
    expect(decide({ ...input([0, 0, 0, 0], h(0, 0, 0)), method: 'canvass', counts: c })).toEqual({
      result: 'passed',
      quorumMet: true,
    })
  })
})

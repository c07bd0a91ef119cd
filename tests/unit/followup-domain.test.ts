import { describe, expect, it } from 'vitest'
import { carryOver, checkDate, filterItems, isDueSoon, isOnTime, isOverdue, nextStatus } from '@/domain/followup'
import { evaluationSchema, judge, nextRound, reachesThreshold, percent, satisfactionRate } from '@/domain/evaluation'

const at = (threshold: number) => ({ threshold, minEvaluators: 5 })
import { periodStats, type RequestRow } from '@/domain/stats'
import { DomainError } from '@/domain/problem'
import type { ActionItem, Evaluation } from '@/domain/resolution'

const item = (over: Partial<ActionItem>): ActionItem => ({
  id: 'i',
  communityId: 'c',
  createdAt: '2026-10-01T00:00:00Z',
  updatedAt: '2026-10-01T00:00:00Z',
  meetingId: 'm1',
  topicId: 't',
  resolutionId: 'r',
  title: '事项',
  owner: '物业公司',
  standard: '标准',
  dueOn: '2026-11-30',
  supervisor: '王监督',
  status: 'notStarted',
  ...over,
})

const problemKey = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (e instanceof DomainError) return e.problems[0]?.key
    throw e
  }
  return undefined
}

describe('action item status flow', () => {
  it('goes not started → in progress → done → accepted', () => {
    expect(nextStatus('notStarted', 'progress')).toBe('inProgress')
    expect(nextStatus('inProgress', 'reportDone')).toBe('done')
    expect(nextStatus('done', 'accept')).toBe('accepted')
  })
  it('a sent-back item is in progress again; rework restarts the same way', () => {
    expect(nextStatus('done', 'sendBack')).toBe('inProgress')
    expect(nextStatus('rework', 'progress')).toBe('inProgress')
    expect(nextStatus('rework', 'reportDone')).toBe('done')
  })
  it('refuses to accept or send back an item that was never reported done', () => {
    expect(problemKey(() => nextStatus('inProgress', 'accept'))).toBe('followup.errors.notReported')
    expect(problemKey(() => nextStatus('notStarted', 'sendBack'))).toBe('followup.errors.notReported')
    expect(problemKey(() => nextStatus('closed', 'progress'))).toBe('followup.errors.notWorking')
  })
  it('refuses a date before the resolution or in the future', () => {
    expect(problemKey(() => checkDate('2026-10-09', '2026-10-10', '2026-11-01'))).toBe(
      'followup.errors.beforeResolution',
    )
    expect(problemKey(() => checkDate('2026-11-02', '2026-10-10', '2026-11-01'))).toBe('followup.errors.future')
    expect(() => checkDate('2026-10-10', '2026-10-10', '2026-11-01')).not.toThrow()
  })
})

describe('due dates', () => {
  const today = '2026-11-20'
  it('marks overdue and due-soon items that are not finished', () => {
    expect(isOverdue(item({ dueOn: '2026-11-19' }), today)).toBe(true)
    expect(isOverdue(item({ dueOn: '2026-11-19', status: 'done' }), today)).toBe(false)
    expect(isOverdue(item({ dueOn: '2026-11-20' }), today)).toBe(false)
    expect(isDueSoon(item({ dueOn: '2026-11-27' }), today)).toBe(true)
    expect(isDueSoon(item({ dueOn: '2026-11-28' }), today)).toBe(false)
  })
  it('on time means reported done by the due date', () => {
    expect(isOnTime(item({ doneOn: '2026-11-30' }))).toBe(true)
    expect(isOnTime(item({ doneOn: '2026-12-01' }))).toBe(false)
    expect(isOnTime(item({}))).toBe(false)
  })
  it('filters by owner, supervisor, status and due, overdue first', () => {
    const items = [
      item({ id: 'a', owner: '物业公司', dueOn: '2026-12-30' }),
      item({ id: 'b', owner: '居委会', dueOn: '2026-11-01' }),
      item({ id: 'c', owner: '物业公司', dueOn: '2026-11-01', status: 'closed' }),
      item({ id: 'd', owner: '物业公司', dueOn: '2026-11-25', supervisor: '李四' }),
    ]
    expect(filterItems(items, {}, today).map((i) => i.id)).toEqual(['b', 'c', 'd', 'a'])
    expect(filterItems(items, { owner: '物业公司' }, today).map((i) => i.id)).toEqual(['c', 'd', 'a'])
    expect(filterItems(items, { due: 'overdue' }, today).map((i) => i.id)).toEqual(['b'])
    expect(filterItems(items, { due: 'dueSoon' }, today).map((i) => i.id)).toEqual(['d'])
    expect(filterItems(items, { supervisor: '李四' }, today).map((i) => i.id)).toEqual(['d'])
    expect(filterItems(items, { status: 'closed' }, today).map((i) => i.id)).toEqual(['c'])
  })
  it('carries over open items of other meetings only', () => {
    const items = [
      item({ id: 'a', meetingId: 'm1' }),
      item({ id: 'b', meetingId: 'm1', status: 'closed' }),
      item({ id: 'c', meetingId: 'm2' }),
    ]
    expect(carryOver(items, 'm2', today).map((i) => i.id)).toEqual(['a'])
  })
})

describe('satisfaction rate and the rework threshold', () => {
  const input = (counts: number[], reworkReason = '') =>
    evaluationSchema.parse({ method: 'meeting', on: '2026-11-20', scale: 'three', counts, reworkReason, by: '张三' })
  it('counts satisfied + fairly satisfied over all answers', () => {
    expect(satisfactionRate('three', [20, 11, 19])).toBeCloseTo(0.62)
    expect(satisfactionRate('five', [10, 5, 5, 3, 2])).toBeCloseTo(0.8)
  })
  it('79.9% goes back for rework, 80% passes', () => {
    expect(reachesThreshold(799 / 1000, 0.8)).toBe(false)
    expect(judge(input([500, 299, 201], '路面仍有积水'), at(0.8))).toEqual({ rate: 0.799, passed: false })
    expect(reachesThreshold(8 / 10, 0.8)).toBe(true)
    expect(judge(input([5, 3, 2]), at(0.8)).passed).toBe(true)
    // the threshold is configurable
    expect(judge(input([5, 3, 2], '再改'), at(0.9)).passed).toBe(false)
  })
  it.each([
    // counts, minEvaluators, refused
    [[1, 0, 0], 5, true], // one 满意 must not close an item
    [[3, 1, 0], 5, true],
    [[3, 1, 1], 5, false],
    [[1, 0, 0], 1, false],
  ])('%o with at least %i evaluators → refused %s', (counts, minEvaluators, refused) => {
    const run = () => judge(input(counts), { threshold: 0.8, minEvaluators })
    if (refused) expect(problemKey(run)).toBe('evaluation.errors.tooFew')
    else expect(run().passed).toBe(true)
  })
  it('invalid ballots are counted apart, not in the rate', () => {
    const parsed = evaluationSchema.parse({
      method: 'ballot',
      on: '2026-11-20',
      scale: 'three',
      counts: [8, 0, 2],
      invalid: 3,
      by: '张三',
    })
    expect(parsed.invalid).toBe(3)
    expect(judge(parsed, at(0.8))).toEqual({ rate: 0.8, passed: true })
  })
  it('a failed round needs a rework reason; counts of zero are refused', () => {
    expect(problemKey(() => judge(input([20, 11, 19]), at(0.8)))).toBe('evaluation.errors.reasonRequired')
    expect(problemKey(() => judge(input([0, 0, 0]), at(0.8)))).toBe('evaluation.errors.zeroCounts')
    expect(
      evaluationSchema.safeParse({
        method: 'meeting',
        on: '2026-11-20',
        scale: 'three',
        counts: [-1, 2, 3],
        by: '张三',
      }).success,
    ).toBe(false)
  })
  it('prints one decimal and numbers rounds from 1', () => {
    expect(percent(0.799)).toBe('79.9%')
    expect(percent(0.62)).toBe('62.0%')
    expect(nextRound([])).toBe(1)
    expect(nextRound([{ round: 1 }, { round: 2 }])).toBe(3)
  })
})

/** Hand-computed fixture: the dashboard e2e asserts the same numbers. */
const STATS_FIXTURE = {
  requests: [
    {
      receivedOn: '2026-09-01',
      status: 'closed',
      channel: '入户走访',
      handlingType: 'immediate',
      category: '环境卫生',
      loopClosedOn: '2026-09-05',
    },
    {
      receivedOn: '2026-09-10',
      status: 'resolved',
      channel: '入户走访',
      handlingType: 'committed',
      category: '道路设施',
      resolvedOn: '2026-09-20',
    },
    {
      receivedOn: '2026-10-01',
      status: 'resolved',
      channel: '热线电话',
      handlingType: 'suggestion',
      category: '道路设施',
      resolvedOn: '2026-10-31',
    },
    { receivedOn: '2026-10-05', status: 'open', channel: '热线电话', handlingType: 'suggestion', category: '停车管理' },
    {
      receivedOn: '2026-08-31',
      status: 'closed',
      channel: '热线电话',
      handlingType: 'immediate',
      category: '环境卫生',
      loopClosedOn: '2026-09-01',
    },
  ] as RequestRow[],
}

describe('period statistics', () => {
  const ev = (over: Partial<Evaluation>): Evaluation => ({
    id: 'e',
    communityId: 'c',
    createdAt: '',
    updatedAt: '',
    actionItemId: 'a',
    round: 1,
    method: 'meeting',
    on: '2026-10-10',
    scale: 'three',
    counts: [1, 0, 0],
    rate: 1,
    passed: true,
    ...over,
  })
  it('matches the hand-computed figures', () => {
    const items = [
      item({ id: 'a', dueOn: '2026-10-15', doneOn: '2026-10-14', status: 'closed' }),
      item({ id: 'b', dueOn: '2026-10-15', doneOn: '2026-10-20', status: 'accepted' }),
      item({ id: 'c', dueOn: '2026-10-20', status: 'inProgress' }),
      item({ id: 'd', dueOn: '2026-12-20', status: 'inProgress' }),
    ]
    const evaluations = [
      ev({ actionItemId: 'a', round: 1, counts: [20, 11, 19], passed: false }),
      ev({ actionItemId: 'a', round: 2, counts: [40, 6, 4], passed: true, on: '2026-10-20' }),
    ]
    const s = periodStats(
      { requests: STATS_FIXTURE.requests, items, evaluations },
      { from: '2026-09-01', to: '2026-10-31' },
      '2026-11-01',
    )
    expect(s.collected).toBe(4)
    expect(s.resolved).toBe(3)
    expect(s.resolutionRate).toBeCloseTo(0.75)
    expect(s.loopsClosed).toBe(1)
    // (4 + 10 + 30) / 3
    expect(s.avgDaysToResolution).toBeCloseTo(44 / 3)
    expect(s.byChannel).toEqual([
      { key: '热线电话', collected: 2, resolved: 1, answered: 1 },
      { key: '入户走访', collected: 2, resolved: 2, answered: 2 },
    ])
    expect(s.byHandlingType.find((b) => b.key === 'suggestion')).toEqual({
      key: 'suggestion',
      collected: 2,
      resolved: 1,
      answered: 1,
    })
    expect(s.byCategory[0]).toEqual({ key: '道路设施', collected: 2, resolved: 2, answered: 2 })
    // a on time, b late, c overdue; d not due yet
    expect(s.itemsDue).toBe(3)
    expect(s.itemsOnTime).toBe(1)
    // latest round only: 46 / 50
    expect(s.satisfactionRate).toBeCloseTo(0.92)
    expect(s.reworkCount).toBe(1)
  })
  it('leaves rates empty when there is nothing to count', () => {
    const s = periodStats(
      { requests: [], items: [], evaluations: [] },
      { from: '2026-01-01', to: '2026-01-31' },
      '2026-11-01',
    )
    expect(s.resolutionRate).toBeUndefined()
    expect(s.onTimeRate).toBeUndefined()
    expect(s.satisfactionRate).toBeUndefined()
  })
})

describe('community evaluation settings', () => {
  it('default to 80% on the three-level scale and refuse a pass mark under 50%', async () => {
    const { communitySettingsSchema } = await import('@/domain/community')
    const base = {
      name: '河西村',
      kind: 'village',
      partyOrg: '中共河西村支部委员会',
      superior: '城关镇',
      rolePresetId: 'p',
      noticePeriodDays: 7,
      deliberationDay: 10,
    }
    expect(communitySettingsSchema.parse(base)).toMatchObject({ satisfactionThreshold: 0.8, evaluationScale: 'three' })
    expect(communitySettingsSchema.safeParse({ ...base, satisfactionThreshold: 0.4 }).success).toBe(false)
  })
})

// The street office's pure rules: escalation states and deadlines, the list
// of communities, chain heads, and statistics summed across communities.
import { describe, expect, it } from 'vitest'
import { escalationState, parseCommunityList } from '@/domain/street-office'
import { changedHeads, sameHeads, sealingHeads } from '@/domain/street-heads'
import { streetStats, type CommunityRows } from '@/domain/street-stats'
import { isEscalated } from '@/domain/street-tables'

describe('escalationState', () => {
  const callIn = (on: string, deadline: string, department = '区城管局') => ({
    kind: 'callIn' as const,
    on,
    deadline,
    department,
  })
  const dept = (on: string, department = '区城管局') => ({ kind: 'departmentAnswer' as const, on, department })
  const answer = (on: string) => ({ kind: 'answer' as const, on })
  it.each([
    ['nothing yet, due date ahead', [], '2026-12-10', { state: 'waiting', overdue: false, deadline: '2026-12-10' }],
    ['nothing yet, due date passed', [], '2026-11-16', { state: 'waiting', overdue: true, deadline: '2026-11-16' }],
    [
      'department called, its deadline ahead',
      [callIn('2026-11-26', '2026-12-03')],
      '2026-11-16',
      { state: 'departmentCalled', overdue: false, deadline: '2026-12-03' },
    ],
    [
      'department called, its deadline passed',
      [callIn('2026-11-20', '2026-11-27')],
      '2026-12-31',
      { state: 'departmentCalled', overdue: true, deadline: '2026-11-27' },
    ],
    [
      'department answered, street answered',
      [callIn('2026-11-20', '2026-11-27'), dept('2026-11-25'), answer('2026-11-28')],
      '2026-11-16',
      { state: 'answered', overdue: false },
    ],
    [
      'another department still owes an answer',
      [
        callIn('2026-11-20', '2026-11-27'),
        callIn('2026-11-21', '2026-11-28', '区水务局'),
        dept('2026-11-25'),
        answer('2026-11-26'),
      ],
      '2026-11-16',
      { state: 'departmentCalled', overdue: true, deadline: '2026-11-28' },
    ],
    ['street answered directly', [answer('2026-11-20')], '2026-11-16', { state: 'answered', overdue: false }],
  ] as const)('%s', (_, steps, dueOn, expected) => {
    expect(escalationState(steps as never, dueOn, '2026-11-30')).toEqual(expected)
  })

  it('escalated requests: 上报件, or escalated at triage', () => {
    expect(isEscalated({ handlingType: 'escalate' })).toBe(true)
    expect(isEscalated({ handlingType: 'committed', status: 'escalated' })).toBe(true)
    expect(isEscalated({ handlingType: 'committed', triage: { decision: 'escalate' } })).toBe(true)
    expect(isEscalated({ handlingType: 'immediate', status: 'resolved' })).toBe(false)
  })
})

describe('parseCommunityList', () => {
  it('one name per line or the first CSV cell; header, blanks, BOM and repeats dropped', () => {
    expect(parseCommunityList('\uFEFF名称,书记\n新华路社区,王芳\n\n"幸福里社区",李强\n东风村\n新华路社区\r\n')).toEqual(
      ['新华路社区', '幸福里社区', '东风村'],
    )
  })
})

describe('chain heads', () => {
  const seal = (meetingId: string, seq: number, kind = 'attendance', hash = `${seq}`.padStart(64, 'a')) =>
    ({ meetingId, seq, kind, hash }) as never
  it('the head of a meeting is its last sealing link; later amendments do not move it', () => {
    const heads = sealingHeads(
      [seal('m1', 0, 'meeting'), seal('m1', 1), seal('m2', 2, 'meeting'), seal('m2', 3), seal('m1', 4, 'amendment')],
      [
        { id: 'm1', title: '一月议事会', date: '2026-01-10' },
        { id: 'm2', title: '二月议事会', date: '2026-02-10' },
      ],
    )
    expect(heads.map((h) => [h.meetingId, h.title, h.seq])).toEqual([
      ['m1', '一月议事会', 1],
      ['m2', '二月议事会', 3],
    ])
  })
  it('a changed or dropped head is reported with the one received before', () => {
    const before = [
      { meetingId: 'm1', title: '一月', date: '', seq: 1, hash: 'a' },
      { meetingId: 'm2', title: '二月', date: '', seq: 3, hash: 'b' },
    ]
    expect(changedHeads(before, [before[0]!, { ...before[1]!, hash: 'c' }])).toEqual([
      { meetingId: 'm2', title: '二月', before: 'b', after: 'c' },
    ])
    expect(changedHeads(before, [before[1]!])).toEqual([
      { meetingId: 'm1', title: '一月', before: 'a', after: undefined },
    ])
    expect(changedHeads(before, [...before, { meetingId: 'm3', title: '三月', date: '', seq: 5, hash: 'd' }])).toEqual(
      [],
    )
    expect(sameHeads(before, [...before].reverse())).toBe(true)
    expect(sameHeads(before, [before[0]!])).toBe(false)
  })
})

describe('streetStats', () => {
  const request = (id: string, receivedOn: string, status: string) => ({
    id,
    receivedOn,
    status,
    channel: '热线',
    handlingType: 'immediate',
    category: '环境卫生',
  })
  const community = (cid: string, name: string, extra: Partial<CommunityRows> = {}): CommunityRows => ({
    communityId: cid,
    name,
    requests: [],
    requestEvents: [],
    meetings: [],
    resolutions: [],
    actionItems: [],
    evaluations: [],
    ...extra,
  })
  it('a request on a topic that was voted down is answered but not resolved, as in the community', () => {
    const c = community('a', '新华路社区', {
      requests: [
        { ...request('q1', '2026-03-01', 'closed'), topicId: 't1' },
        { ...request('q2', '2026-03-02', 'closed'), topicId: 't2' },
        { ...request('q3', '2026-03-03', 'resolved'), topicId: 't3' },
      ] as never,
      votes: [
        { id: 'v1', topicId: 't1', status: 'closed', result: 'failed', openedAt: '2026-03-10T06:00:00Z' },
        { id: 'v2', topicId: 't2', status: 'closed', result: 'passed', openedAt: '2026-03-10T07:00:00Z' },
      ],
      topics: [{ id: 't3', status: 'deferred' }],
    })
    const [row] = streetStats([c], { from: '2026-01-01', to: '2026-06-30' }, '2026-07-01').rows
    expect([row!.received, row!.resolved, row!.answered]).toEqual([3, 1, 3])
  })
  it('counts per community in the period and sums a total; rates come from the sums', () => {
    const a = community('a', '新华路社区', {
      requests: [
        request('q1', '2026-03-01', 'resolved'),
        request('q2', '2026-03-05', 'open'),
        request('q3', '2025-12-30', 'resolved'),
      ] as never,
      requestEvents: [
        { requestId: 'q2', at: '2026-03-06T02:00:00Z', kind: 'feedback', feedback: { on: '2026-03-06' } },
      ] as never,
      meetings: [
        { id: 'm1', date: '2026-03-10', sealedAt: 'x' },
        { id: 'm2', date: '2026-03-20' },
      ],
      resolutions: [
        { topicId: 't1', meetingId: 'm1' },
        { topicId: 't1', meetingId: 'm1' },
        { topicId: 't2', meetingId: 'm2' },
      ],
      actionItems: [
        { id: 'i1', dueOn: '2026-03-30', doneOn: '2026-03-28', status: 'done' },
        { id: 'i2', dueOn: '2026-03-15', status: 'inProgress' },
        { id: 'i3', dueOn: '2026-12-15', status: 'notStarted' },
      ],
      evaluations: [
        { actionItemId: 'i1', round: 1, on: '2026-03-29', scale: 'three', counts: [10, 5, 5] },
        { actionItemId: 'i1', round: 2, on: '2026-03-30', scale: 'three', counts: [18, 1, 1] },
      ] as never,
    })
    const b = community('b', '东风村', {
      requests: [request('q1', '2026-02-01', 'closed')] as never,
      evaluations: [{ actionItemId: 'x', round: 1, on: '2026-02-02', scale: 'three', counts: [1, 0, 9] }] as never,
    })
    const s = streetStats([a, b], { from: '2026-01-01', to: '2026-06-30' }, '2026-07-01')
    expect(
      s.rows.map((r) => [
        r.name,
        r.received,
        r.resolved,
        r.answered,
        r.meetingsHeld,
        r.topicsDecided,
        r.itemsDone,
        r.itemsOverdue,
      ]),
    ).toEqual([
      ['新华路社区', 2, 1, 1, 1, 1, 1, 1],
      // A closed request was answered too: the street counts 已答复 as the community does (domain/stats.ts).
      ['东风村', 1, 1, 1, 0, 0, 0, 0],
    ])
    expect(s.rows[0]!.satisfactionRate).toBeCloseTo(19 / 20)
    expect(s.total).toMatchObject({ received: 3, resolved: 2, answered: 2, satisfied: 20, evaluationAnswers: 30 })
    expect(s.total.satisfactionRate).toBeCloseTo(20 / 30)
  })
})

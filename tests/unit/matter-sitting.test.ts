import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { branchRoll, createMatter, getMatter, readHeldSitting, recordStage } from '@/db/matters.repo'
import type { Attendance } from '@/domain/attendance'
import { heldSitting, matterTopicIds, partyRoll } from '@/domain/matter-sitting'
import type { MeetingRole } from '@/domain/roles'
import { TEMPLATE_FOUR_TWO } from '@/domain/template'
import type { Vote } from '@/domain/vote'
import { sheetsOf } from '@/db/per-meeting'

const C = 'village-1'
const at = '2026-11-20T02:00:00.000Z'
const rec = { communityId: C, createdAt: at, updatedAt: at }
let seq = 0
const row = (name: string, state: Attendance['state'], meetingRole: MeetingRole = 'voting'): Attendance => ({
  ...rec,
  id: `att-${++seq}`,
  meetingId: 'm1',
  name,
  meetingRole,
  state,
  walkIn: false,
})
const vote = (over: Partial<Vote>): Vote => ({
  ...rec,
  id: `v-${++seq}`,
  meetingId: 'm1',
  topicId: 't1',
  method: 'hands',
  status: 'closed',
  openedAt: at,
  closedAt: at,
  ...over,
})
// Nine 两委 members on the sheet, eight came (one on leave); a 列席 guest does not count.
const sheet = [
  ...['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'].map((n) => row(n, 'present')),
  row('周强', 'leave'),
  row('镇包村干部 赵立新', 'present', 'nonVoting'),
]

describe('a stage held as a meeting in the app', () => {
  it.each([
    {
      name: 'a closed show of hands on the topic',
      votes: [vote({ expected: 9, present: 8, counts: { for: 7, against: 1, abstain: 0, invalid: 0 } })],
      want: { expected: 9, present: 8, vote: { for: 7, against: 1, abstain: 0, voteMethod: 'hands' } },
    },
    {
      name: 'a corrected paper ballot: the correction stands',
      votes: [
        vote({
          id: 'v-old',
          method: 'paper',
          expected: 9,
          present: 8,
          counts: { for: 6, against: 2, abstain: 0, invalid: 0 },
        }),
        vote({
          method: 'paper',
          expected: 9,
          present: 8,
          correctsVoteId: 'v-old',
          closedAt: '2026-11-20T03:00:00.000Z',
          counts: { for: 5, against: 2, abstain: 1, invalid: 0 },
        }),
      ],
      want: { expected: 9, present: 8, vote: { for: 5, against: 2, abstain: 1, voteMethod: 'paper' } },
    },
    {
      name: 'a vote on the continuation of the deferred topic',
      votes: [
        vote({
          topicId: 't2',
          method: 'secret',
          expected: 9,
          present: 8,
          counts: { for: 8, against: 0, abstain: 0, invalid: 0 },
        }),
      ],
      want: { expected: 9, present: 8, vote: { for: 8, against: 0, abstain: 0, voteMethod: 'secret' } },
    },
    {
      name: 'no vote on the matter: 应到 and 实到 from the sign-in sheet, no counts',
      votes: [
        vote({ topicId: 'other', expected: 9, present: 8, counts: { for: 8, against: 0, abstain: 0, invalid: 0 } }),
      ],
      want: { expected: 9, present: 8, vote: undefined },
    },
    {
      name: 'a deferred vote brings no counts',
      votes: [vote({ result: 'deferred', deferReason: '再议' })],
      want: { expected: 9, present: 8, vote: undefined },
    },
  ])('$name', ({ votes, want }) => {
    const ids = matterTopicIds('t1', [{ id: 't1' }, { id: 't2', continuesTopicId: 't1' }, { id: 'other' }])
    const h = heldSitting({ date: '2026-11-20', place: '村委会议室' }, ids, votes, sheet)
    const { vote: wantVote, ...heads } = want
    expect(h).toMatchObject({ date: '2026-11-20', place: '村委会议室', ...heads })
    expect(h.vote).toEqual(wantVote)
    // Voting members who came, never the 列席 guest: as many names as 实到
    expect(h.attendees).toHaveLength(8)
    expect(h.attendees).not.toContain('镇包村干部 赵立新')
  })

  it('follows a chain of continuations, and nothing else', () => {
    const topics = [
      { id: 'a' },
      { id: 'b', continuesTopicId: 'a' },
      { id: 'c', continuesTopicId: 'b' },
      { id: 'x', continuesTopicId: 'y' },
    ]
    expect(matterTopicIds('a', topics).sort()).toEqual(['a', 'b', 'c'])
  })

  it.each([
    { members: ['p1', 'p2', 'p3', 'left'], want: 3 },
    { members: [], want: 0 },
  ])('takes a 党员大会’s 应到 from the branch roll ($want)', ({ members, want }) => {
    const active = new Set(['p1', 'p2', 'p3'])
    expect(
      partyRoll(
        [
          { kind: 'council', memberIds: ['p1'] },
          { kind: 'partyMembers', memberIds: members },
        ],
        active,
      ),
    ).toBe(want)
    expect(partyRoll([{ kind: 'council', memberIds: ['p1'] }], active)).toBeUndefined()
  })
})

describe('recording a sitting linked to a held meeting', () => {
  beforeEach(async () => {
    await Promise.all(
      [db.matters, db.topics, db.topicEvents, db.meetings, db.votes, db.signInSheets, db.bodies, db.people].map((t) =>
        t.clear(),
      ),
    )
  })

  it('takes the numbers from the meeting, whatever the form sent', async () => {
    const m = await createMatter(
      C,
      { title: '北片土地流转', description: '', origin: 'officials', templateId: TEMPLATE_FOUR_TWO.id },
      7,
      '书记',
    )
    await db.meetings.add({
      ...rec,
      id: 'm1',
      title: '十一月两委会议',
      type: 'twoCommittees',
      date: '2026-11-20',
      place: '村委会议室',
      status: 'closed',
    } as never)
    await db.signInSheets.bulkAdd(sheetsOf(sheet))
    await db.votes.add(
      vote({ topicId: m.topicId, expected: 9, present: 8, counts: { for: 7, against: 1, abstain: 0, invalid: 0 } }),
    )
    // The propose stage first, typed by hand
    await recordStage(
      m.id,
      'propose',
      { date: '2026-11-18', expected: 5, present: 5, for: 5, against: 0, abstain: 0, attendees: [], officials: [] },
      '2026-11-23',
    )
    expect(await readHeldSitting(m.id, 'm1')).toMatchObject({ expected: 9, present: 8, vote: { for: 7 } })
    const typed = {
      date: '2026-11-21',
      expected: 20,
      present: 20,
      for: 20,
      against: 0,
      abstain: 0,
      attendees: [],
      officials: [],
      meetingId: 'm1',
      note: '逐项讨论了流转价格',
    }
    const a = await recordStage(m.id, 'discuss', typed, '2026-11-23')
    expect(a).toMatchObject({
      date: '2026-11-20',
      expected: 9,
      present: 8,
      counts: { for: 7, against: 1, abstain: 0 },
      voteMethod: 'hands',
      verdict: 'passed',
      meetingId: 'm1',
      note: '逐项讨论了流转价格',
    })
    expect(a.attendees).toHaveLength(8)
    expect((await getMatter(m.id))!.matter.attempts).toHaveLength(2)
  })

  it('reads the branch roll from the Party members body, counting only people still on the roster', async () => {
    expect(await branchRoll(C)).toBeUndefined()
    await db.people.bulkAdd(
      ['p1', 'p2', 'p3'].map((id, i) => ({ ...rec, id, name: `党员${i}`, roleIds: [], active: id !== 'p3' }) as never),
    )
    await db.bodies.add({
      ...rec,
      id: 'b1',
      name: '党员大会',
      kind: 'partyMembers',
      memberIds: ['p1', 'p2', 'p3'],
    } as never)
    expect(await branchRoll(C)).toBe(2)
  })
})

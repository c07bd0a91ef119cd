// A topic deferred at one meeting (暂缓表决) is carried to a later one: the
// first meeting keeps its record, the trail shows both meetings, and the
// topic waits in the agenda pool only once.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { addRequest, getRequest } from '@/db/requests.repo'
import { carryDeferred, listTopics, makeTopic, scheduleTopics, topicTrail } from '@/db/topics.repo'
import { createMeeting } from '@/db/meetings.repo'
import { deferredAwaiting, poolTopics } from '@/domain/topic-routing'
import { meetingFacts } from '@/db/meeting-facts.repo'
import type { Topic } from '@/domain/topic'
import { DomainError } from '@/domain/problem'

const C = 'community-1'
const d = { by: '王建国', on: '2026-11-21' }

async function refused(p: Promise<unknown>): Promise<string[]> {
  try {
    await p
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((x) => x.key)
    throw e
  }
  throw new Error('expected a refusal')
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
})

describe('the agenda pool', () => {
  const topic = (id: string, status: Topic['status'], meetingId?: string, continuesTopicId?: string) =>
    ({ id, status, meetingId, continuesTopicId }) as Topic
  it.each([
    { meeting: 'nov', want: ['draft', 'deferredDec'] },
    { meeting: 'dec', want: ['draft', 'deferredNov'] },
    { meeting: undefined, want: ['draft', 'deferredNov', 'deferredDec'] },
  ])('seen from $meeting: drafts, and deferred topics of other meetings not yet carried', ({ meeting, want }) => {
    const topics = [
      topic('draft', 'draft'),
      topic('scheduled', 'scheduled', 'nov'),
      topic('deferredNov', 'deferred', 'nov'),
      topic('deferredDec', 'deferred', 'dec'),
      topic('carried', 'deferred', 'oct'),
      topic('continuation', 'scheduled', 'nov', 'carried'),
    ]
    expect(poolTopics(topics, meeting).map((t) => t.id)).toEqual(want)
  })

  it('counts a deferred topic waiting for the next meeting as step 1 done', async () => {
    const november = await createMeeting(C, { title: '十一月党群议事日', type: 'partyMassDay', date: '2026-11-25' })
    const december = await createMeeting(C, { title: '十二月党群议事日', type: 'partyMassDay', date: '2026-12-25' })
    const r = await addRequest(
      C,
      {
        channel: '入户走访',
        receivedOn: '2026-11-02',
        raisedBy: { kind: 'text', name: '孙明' },
        category: '公共设施',
        description: '3号楼加装电梯',
        handlingType: 'suggestion',
        dueOn: '2026-12-01',
      },
      '刘海燕',
    )
    const t = await makeTopic(C, [r.id], { title: '3号楼加装电梯', description: '' }, d)
    await scheduleTopics(november.id, [t.id], d)
    expect((await meetingFacts(december.id)).poolTopicCount).toBe(0)
    await db.topics.update(t.id, { status: 'deferred', deferredReason: '需征求一楼住户意见' })
    expect((await meetingFacts(december.id)).poolTopicCount).toBe(1)
    expect((await meetingFacts(november.id)).poolTopicCount).toBe(0)
  })
})

describe('deferred topics', () => {
  it('carries a deferred topic to a later meeting once, its trail showing both meetings', async () => {
    const november = await createMeeting(C, { title: '十一月党群议事日', type: 'partyMassDay', date: '2026-11-25' })
    const december = await createMeeting(C, { title: '十二月党群议事日', type: 'partyMassDay', date: '2026-12-10' })
    const r = await addRequest(
      C,
      {
        channel: '居民说事厅',
        receivedOn: '2026-11-20',
        raisedBy: { kind: 'text', name: '张秀英' },
        category: '停车管理',
        description: '小区内增设电动车充电桩',
        handlingType: 'suggestion',
        dueOn: '2026-12-18',
      },
      '刘海燕',
    )
    const topic = await makeTopic(C, [r.id], { title: '增设电动车充电桩', description: '' }, d)
    await scheduleTopics(november.id, [topic.id], d)
    expect(await refused(carryDeferred(topic.id, december.id, d))).toEqual(['agenda.errors.notDeferred'])
    // The vote panel defers it (another part of the app writes this).
    await db.topics.update(topic.id, { status: 'deferred', deferredReason: '选址需征求一楼住户意见' })
    expect(deferredAwaiting(await listTopics(C)).map((t) => t.id)).toEqual([topic.id])
    expect(await refused(carryDeferred(topic.id, november.id, d))).toEqual(['agenda.errors.sameMeeting'])

    const next = await carryDeferred(topic.id, december.id, { by: '王建国', on: '2026-11-28' })
    expect(next).toMatchObject({
      meetingId: december.id,
      status: 'scheduled',
      continuesTopicId: topic.id,
      requestIds: [r.id],
    })
    expect(await db.topics.get(topic.id)).toMatchObject({ meetingId: november.id, status: 'deferred' })
    expect(deferredAwaiting(await listTopics(C))).toEqual([])
    expect(await refused(carryDeferred(topic.id, december.id, d))).toEqual(['agenda.errors.alreadyCarried'])
    expect((await getRequest(r.id))?.topicId).toBe(next.id)

    const trail = (await topicTrail(next.id))!
    const meetings = trail.events
      .flatMap((e) => e.relatedIds ?? [])
      .filter((id) => id === november.id || id === december.id)
    expect(new Set(meetings)).toEqual(new Set([november.id, december.id]))
    expect(trail.events.at(-1)?.reason).toBe('暂缓理由：选址需征求一楼住户意见；列入十二月党群议事日')
  })
})

describe('topics sent into a major matter', () => {
  it('routes a draft topic with its requests and trail, and a deferred one as a continuation', async () => {
    const { routeTopicToMatter, getMatter } = await import('@/db/matters.repo')
    const { TEMPLATE_FOUR_TWO } = await import('@/domain/template')
    const r = await addRequest(
      C,
      {
        channel: '入户走访',
        receivedOn: '2026-11-02',
        raisedBy: { kind: 'text', name: '孙明' },
        category: '集体经济',
        description: '北片 120 亩土地流转给合作社',
        handlingType: 'suggestion',
        dueOn: '2026-12-01',
      },
      '刘海燕',
    )
    const topic = await makeTopic(C, [r.id], { title: '北片土地流转', description: '' }, d)
    const route = { origin: 'suggestion', templateId: TEMPLATE_FOUR_TWO.id }
    const matter = await routeTopicToMatter(topic.id, route, 7, '书记')
    expect(matter.topicId).toBe(topic.id)
    const view = (await getMatter(matter.id))!
    expect(view.topic).toMatchObject({ id: topic.id, isMajor: true, requestIds: [r.id] })
    expect((await topicTrail(topic.id))!.events.map((e) => e.kind)).toEqual(['created', 'edited'])
    expect(await refused(routeTopicToMatter(topic.id, route, 7, '书记'))).toEqual(['agenda.errors.alreadyCarried'])

    const meeting = await createMeeting(C, { title: '十一月党群议事日', type: 'partyMassDay', date: '2026-11-25' })
    const r2 = await addRequest(
      C,
      { ...(await getRequest(r.id))!, description: '村道硬化', receivedOn: '2026-11-03' },
      '刘海燕',
    )
    const other = await makeTopic(C, [r2.id], { title: '村道硬化', description: '' }, d)
    await scheduleTopics(meeting.id, [other.id], d)
    await db.topics.update(other.id, { status: 'deferred', deferredReason: '涉及集体资金，需按四议两公开' })
    const m2 = await routeTopicToMatter(other.id, route, 7, '书记')
    const continued = (await db.topics.get(m2.topicId))!
    expect(continued).toMatchObject({ continuesTopicId: other.id, isMajor: true, status: 'draft' })
    expect(await db.topics.get(other.id)).toMatchObject({ status: 'deferred', meetingId: meeting.id })
    expect(deferredAwaiting(await listTopics(C))).toEqual([])
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import {
  addFeedback,
  addRequest,
  listRequests,
  requestEvents,
  setStatus,
  triageRequest,
  undoTriage,
  updateRequest,
} from '@/db/requests.repo'
import { answerLine } from '@/db/escalation.repo'
import { closeLoop } from '@/db/loop.repo'
import { makeTopic, mergeRequestInto, narrowTopic, scheduleTopics, splitTopic, topicTrail } from '@/db/topics.repo'
import { addCanvass, saveOption, topicResearch } from '@/db/research.repo'
import { addAttachment } from '@/db/attachments.repo'
import { agendaNotice, inviteByRoles, inviteForTopic, recordAgendaNotice } from '@/db/agenda.repo'
import { createMeeting, listParticipants } from '@/db/meetings.repo'
import { meetingFacts } from '@/db/meeting-facts.repo'
import { DomainError } from '@/domain/problem'
import { PRESET_JINCHANG } from '@/domain/roles'
import type { RequestForm } from '@/domain/request'
import type { Person } from '@/domain/person'

const C = 'community-1'
const d = { by: '王建国', on: '2026-11-21', reason: '同一问题' }
const form = (description: string): RequestForm => ({
  channel: '居民说事厅',
  receivedOn: '2026-11-20',
  raisedBy: { kind: 'text', name: '张秀英' },
  category: '道路交通',
  description,
  handlingType: 'suggestion',
  dueOn: '2026-12-18',
})

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

describe('request ledger', () => {
  it('logs a request with a created event, and moves it only along the flow', async () => {
    const r = await addRequest(C, form('北门不开'), '刘海燕')
    expect((await requestEvents(r.id)).map((e) => e.kind)).toEqual(['created'])
    await setStatus(r.id, 'inProgress', '刘海燕')
    expect(await refused(setStatus(r.id, 'closed', '刘海燕'))).toEqual(['intake.errors.badMove'])
    expect((await listRequests(C))[0]?.status).toBe('inProgress')
  })
  it('escalates as the first hop, records the answer, and closes the loop once with satisfaction', async () => {
    const r = await addRequest(C, form('井盖破损'), '刘海燕')
    await triageRequest(r.id, {
      decision: 'escalate',
      decidedOn: '2026-11-21',
      by: '王建国',
      escalation: { to: '新华路街道城建办', level: 'street', sentOn: '2026-11-21' },
    })
    const hopId = (await listRequests(C))[0]!.escalations![0]!.id
    const answer = { hopId, to: '新华路街道城建办', answer: '已派人维修', by: '王建国' }
    expect(await refused(answerLine(r.id, { ...answer, answeredOn: '2026-11-20' }))).toEqual([
      'intake.errors.answerBeforeSent',
    ])
    await answerLine(r.id, { ...answer, answeredOn: '2026-11-25' })
    await addFeedback(r.id, { method: 'phone', on: '2026-11-25', content: '已转街道，正在维修' }, '刘海燕')
    const told = { method: 'phone', on: '2026-11-26', content: '街道已修复', by: '刘海燕', satisfaction: 'fair' }
    await closeLoop([r.id], told)
    const saved = (await listRequests(C))[0]!
    expect(saved).toMatchObject({
      status: 'closed',
      loopClosedOn: '2026-11-26',
      resolvedOn: '2026-11-26',
      satisfaction: 'fair',
    })
    expect(saved.escalations![0]!.lines[0]).toMatchObject({ to: '新华路街道城建办', answer: '已派人维修' })
    expect((await requestEvents(r.id)).map((e) => e.kind)).toEqual([
      'created',
      'triage',
      'escalationAnswer',
      'feedback',
      'loopClosed',
    ])
    expect(await refused(closeLoop([r.id], told))).toEqual(['intake.errors.loopAlreadyClosed'])
  })
  it('refuses a second decision on the same request', async () => {
    const r = await addRequest(C, form('发米面'), '刘海燕')
    await triageRequest(r.id, { decision: 'reject', decidedOn: '2026-11-21', by: '王建国', reason: '不属社区职责' })
    expect(await refused(triageRequest(r.id, { decision: 'direct', decidedOn: '2026-11-21', by: '王建国' }))).toEqual([
      'intake.errors.alreadyDecided',
    ])
  })
})

describe('topics and their trail', () => {
  it('merges duplicates into one topic; every source stays linked and the trail says who, when and why', async () => {
    const a = await addRequest(C, form('希望开放北门'), '刘海燕')
    const b = await addRequest(C, form('建议早晚开放北门'), '刘海燕')
    const topic = await makeTopic(C, [a.id, b.id], { title: '开放小区北门', description: '' }, d)
    const trail = (await topicTrail(topic.id))!
    expect(trail.requests.map((r) => r.description).sort()).toEqual(['希望开放北门', '建议早晚开放北门'].sort())
    expect(trail.events.map((e) => [e.kind, e.by, e.at.slice(0, 10), e.reason])).toEqual([
      ['created', '王建国', '2026-11-21', '同一问题'],
      ['merged', '王建国', '2026-11-21', '同一问题'],
    ])
    expect((await listRequests(C)).every((r) => r.topicId === topic.id && r.status === 'onAgenda')).toBe(true)
  })
  it('refuses merging a request into itself and saves nothing', async () => {
    const a = await addRequest(C, form('健身器材老化'), '刘海燕')
    expect(await refused(mergeRequestInto(a.id, { requestId: a.id }, d))).toEqual(['agenda.errors.mergeSelf'])
    expect(await db.topics.count()).toBe(0)
    expect((await listRequests(C))[0]?.status).toBe('open')
  })
  it('a merge that fails half-way leaves every request as it was', async () => {
    const a = await addRequest(C, form('一'), '刘海燕')
    const b = await addRequest(C, form('二'), '刘海燕')
    await triageRequest(b.id, { decision: 'direct', decidedOn: '2026-11-21', by: '王建国' })
    expect(await refused(makeTopic(C, [a.id, b.id], { title: '合并', description: '' }, d))).toEqual([
      'intake.errors.alreadyDecided',
    ])
    expect(await db.topics.count()).toBe(0)
    expect((await listRequests(C)).find((r) => r.id === a.id)?.topicId).toBeUndefined()
  })
  it('splits a broad topic; the parts keep the source requests and point at the parent', async () => {
    const a = await addRequest(C, form('老旧小区改造'), '刘海燕')
    const broad = await makeTopic(C, [a.id], { title: '老旧小区改造', description: '' }, d)
    const parts = await splitTopic(
      broad.id,
      [
        { title: '楼道照明改造', description: '' },
        { title: '雨污管网改造', description: '' },
      ],
      { ...d, reason: '资金来源不同' },
    )
    expect(parts.map((p) => p.requestIds)).toEqual([[a.id], [a.id]])
    expect((await db.topics.get(broad.id))?.status).toBe('closed')
    const trail = (await topicTrail(parts[0]!.id))!
    expect(trail.parent?.title).toBe('老旧小区改造')
    expect(trail.events.map((e) => e.kind)).toContain('split')
    await narrowTopic(parts[1]!.id, { title: '3号楼雨污分流', description: '' }, d)
    expect((await topicTrail(parts[1]!.id))!.events.at(-1)?.reason).toContain('原议题：雨污管网改造')
  })
})

describe('agenda and research', () => {
  const people: Person[] = [
    { id: 'p1', communityId: C, name: '王建国', roleIds: ['secretary'], active: true, createdAt: '', updatedAt: '' },
    { id: 'p2', communityId: C, name: '李文博', roleIds: ['legal-worker'], active: true, createdAt: '', updatedAt: '' },
    { id: 'p3', communityId: C, name: '张三', roleIds: ['legal-worker'], active: false, createdAt: '', updatedAt: '' },
  ]
  it('invites by role preset once, per-topic parties, and records the agenda notice the guard reads', async () => {
    const m = await createMeeting(
      C,
      { title: '党群议事日', type: 'partyMassDay', date: '2026-12-10' },
      { chairId: 'p1' },
    )
    const r = await addRequest(C, form('北门'), '刘海燕')
    const topic = await makeTopic(C, [r.id], { title: '开放小区北门', description: '' }, d)
    await scheduleTopics(m.id, [topic.id], d)
    expect(await inviteByRoles(m.id, PRESET_JINCHANG, ['secretary', 'legal-worker'], people)).toBe(2)
    expect(await inviteByRoles(m.id, PRESET_JINCHANG, ['secretary', 'legal-worker'], people)).toBe(0)
    await inviteForTopic(m.id, { topicId: topic.id, name: '3号楼住户代表', partyRoleId: 'stakeholder' })
    const list = await listParticipants(m.id)
    expect(list.find((p) => p.personId === 'p1')?.meetingRole).toBe('chair')
    expect(list.find((p) => p.name === '3号楼住户代表')).toMatchObject({
      meetingRole: 'stakeholder',
      topicIds: [topic.id],
    })
    expect(
      await refused(recordAgendaNotice(m.id, { postedOn: '2026-12-11', periodDays: 5, places: ['公示栏'] })),
    ).toEqual(['agenda.errors.noticeAfterMeeting'])
    await recordAgendaNotice(m.id, { postedOn: '2026-12-01', periodDays: 5, places: ['公示栏'] })
    expect(await agendaNotice(m.id)).toMatchObject({ startsOn: '2026-12-01', endsOn: '2026-12-05', kind: 'agenda' })
    const facts = await meetingFacts(m.id)
    expect(facts).toMatchObject({
      topicCount: 1,
      agendaNoticePublished: true,
      participantCount: 3,
      topicsWithoutResearch: ['开放小区北门'],
    })
  })
  it('keeps canvasses that add up, one recommended option, and refuses oversized attachments', async () => {
    const rows = [{ group: '1号楼', asked: 10, agree: 8, disagree: 1, noAnswer: 0, notReached: 0 }]
    expect(await refused(addCanvass(C, 't1', { question: '开北门？', on: '2026-11-22', rows }))).toEqual([
      'research.errors.tally',
    ])
    await addCanvass(C, 't1', { question: '开北门？', on: '2026-11-22', rows: [{ ...rows[0]!, notReached: 1 }] })
    await saveOption(C, 't1', { title: 'A', description: '', cost: 48000, recommended: true })
    await saveOption(C, 't1', { title: 'B', description: '', cost: 12000, recommended: true })
    expect(
      await refused(
        addAttachment(
          { communityId: C, ownerId: 't1', ownerKind: 'topic' },
          {
            name: 'big.mp4',
            mime: 'video/mp4',
            bytes: new Uint8Array(10 * 1024 * 1024 + 1),
          },
        ),
      ),
    ).toEqual(['research.errors.tooLarge'])
    await addAttachment(
      { communityId: C, ownerId: 't1', ownerKind: 'topic' },
      { name: 'photo.png', mime: 'image/png', bytes: new Uint8Array(100) },
    )
    const research = await topicResearch('t1')
    expect(research.canvasses).toHaveLength(1)
    expect(research.options.filter((o) => o.recommended).map((o) => o.title)).toEqual(['B'])
    expect(research.attachments.map((a) => a.name)).toEqual(['photo.png'])
    expect('bytes' in research.attachments[0]!).toBe(false)
  })
})

describe('undoing a decision', () => {
  it('takes a slip back to open, keeps it in the trail, and refuses once more has happened', async () => {
    const r = await addRequest(C, form('井盖'), '刘海燕')
    await triageRequest(r.id, { decision: 'reject', decidedOn: '2026-11-21', by: '王建国', reason: '误点' })
    await undoTriage(r.id, '王建国')
    const back = (await listRequests(C))[0]!
    expect(back.status).toBe('open')
    expect(back.triage).toBeUndefined()
    expect((await requestEvents(r.id)).map((e) => e.kind)).toEqual(['created', 'triage', 'status'])
    await triageRequest(r.id, { decision: 'direct', decidedOn: '2026-11-21', by: '王建国' })
    await setStatus(r.id, 'resolved', '王建国')
    expect(await refused(undoTriage(r.id, '王建国'))).toEqual(['intake.errors.cannotUndo'])
  })
})

describe('correcting a request', () => {
  it('updates the entry and keeps the old wording in the trail; validation still applies upstream', async () => {
    const r = await addRequest(C, form('路灯坏了两盏'), '刘海燕')
    await updateRequest(r.id, { ...form('路灯坏了三盏'), channel: '服务热线' }, '刘海燕')
    const saved = (await listRequests(C))[0]!
    expect(saved).toMatchObject({ description: '路灯坏了三盏', channel: '服务热线', status: 'open' })
    const edited = (await requestEvents(r.id)).find((e) => e.kind === 'edited')
    expect(edited?.note).toContain('原内容：路灯坏了两盏')
    expect(edited?.note).toContain('原渠道：居民说事厅')
  })
})

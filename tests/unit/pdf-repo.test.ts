// The documents' inputs assembled from the tables, and the publication
// records (notices, objections, filings) with their validation.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { dossierInput, meetingDocsInput } from '@/db/documents.repo'
import { addFiling, addObjection, answerObjection, postNotice, publicationState } from '@/db/notices.repo'
import { meetingFacts } from '@/db/meeting-facts.repo'
import { DomainError } from '@/domain/problem'
import { missingToComplete } from '@/domain/procedure'
import { periodEnd as noticeEndsOn } from '@/domain/calendar'
import { daysLeft } from '@/domain/notice'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { pdfTextRaw, renderNode } from './support/pdf'
import { putFlat } from '@/db/per-meeting'

const base = { communityId: 'c1', createdAt: '2026-12-10T06:00:00Z', updatedAt: '2026-12-10T06:00:00Z' }
const M = { id: 'm1', communityId: 'c1' }
const today = new Date().toISOString().slice(0, 10)
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

async function seed(sealed = true) {
  await db.communities.put({
    ...base,
    id: 'c1',
    name: '新华路社区',
    kind: 'community',
    partyOrg: '中共新华路社区委员会',
    superior: '新华路街道',
    rolePresetId: 'preset-jinchang-1-7-x',
    noticePeriodDays: 7,
    deliberationDay: 10,
  })
  const people = ['王建国', '李秀英', '张伟', '刘洋', '梁堃', '韩珺']
  await db.people.bulkPut(people.map((name, i) => ({ ...base, id: `p${i}`, name, roleIds: [], active: true })))
  // Meetings are written open and sealed at the end, as closing a meeting does:
  // the data layer refuses new rows for a meeting that is already sealed.
  await db.meetings.put({
    ...base,
    id: 'm1',
    title: '2026年12月党群议事日',
    type: 'partyMassDay',
    procedureId: 'procedure-six-steps',
    stepIndex: 4,
    date: '2026-12-10',
    startTime: '14:30',
    place: '党群服务中心',
    chairId: 'p0',
    recorderId: 'p1',
    status: 'live',
  })
  await db.meetings.put({
    ...base,
    id: 'm0',
    title: '11月党群议事日',
    type: 'partyMassDay',
    procedureId: 'procedure-six-steps',
    stepIndex: 5,
    date: '2026-11-10',
    status: 'live',
  })
  await db.topics.put({
    ...base,
    id: 't1',
    title: '关于开通小区北门的议题',
    description: '居民反映北门长期关闭。',
    requestIds: ['q1'],
    meetingId: 'm1',
    order: 1,
    status: 'deliberated',
    isMajor: true,
  })
  await db.requests.put({
    ...base,
    id: 'q1',
    channel: '居民说事厅',
    receivedOn: '2026-10-12',
    raisedBy: { kind: 'text', name: '梁堃' },
    category: '出行',
    description: '请求开通北门，电话13812345678。',
    handlingType: 'suggestion',
    dueOn: '2026-11-12',
    status: 'onAgenda',
    topicId: 't1',
  })
  await db.canvasses.put({
    ...base,
    id: 'cv1',
    topicId: 't1',
    question: '是否同意开通北门',
    on: '2026-11-28',
    rows: [
      { group: '3号楼', asked: 100, agree: 90, disagree: 5, noAnswer: 3, notReached: 2 },
      { group: '4号楼', asked: 80, agree: 70, disagree: 4, noAnswer: 4, notReached: 2 },
    ],
  })
  await db.votes.put({
    ...base,
    id: 'v0',
    meetingId: 'm1',
    topicId: 't1',
    method: 'hands',
    status: 'closed',
    expected: 5,
    present: 4,
    counts: { for: 1, against: 3, abstain: 0, invalid: 0 },
    result: 'failed',
    openedAt: '2026-12-10T07:00:00Z',
  })
  await db.votes.put({
    ...base,
    id: 'v1',
    meetingId: 'm1',
    topicId: 't1',
    method: 'hands',
    status: 'closed',
    expected: 5,
    present: 4,
    counts: { for: 3, against: 0, abstain: 1, invalid: 0 },
    passingRule: { base: 'present', threshold: { kind: 'half' } },
    result: 'passed',
    openedAt: '2026-12-10T07:10:00Z',
    correctsVoteId: 'v0',
    correctionReason: '计票有误',
    recusedIds: ['p5'],
  })
  await db.resolutions.put({ ...base, id: 'r1', meetingId: 'm1', topicId: 't1', text: '同意开通北门。' })
  await db.actionItems.put({
    ...base,
    id: 'a1',
    meetingId: 'm1',
    topicId: 't1',
    resolutionId: 'r1',
    title: '安装北门道闸',
    owner: '物业服务中心',
    standard: '刷卡通行',
    dueOn: '2027-01-31',
    supervisor: '务监会',
    status: 'notStarted',
  })
  await db.actionItems.put({
    ...base,
    id: 'a0',
    meetingId: 'm0',
    topicId: 'tx',
    resolutionId: 'rx',
    title: '修补健身器材',
    owner: '物业',
    standard: '完好',
    dueOn: '2026-11-30',
    supervisor: '梁堃',
    status: 'inProgress',
  })
  await putFlat(
    db,
    'attendance',
    people.map((name, i) => ({
      ...base,
      id: `at${i}`,
      meetingId: 'm1',
      personId: `p${i}`,
      name,
      meetingRole: i === 0 ? ('chair' as const) : i === 1 ? ('recorder' as const) : ('voting' as const),
      state: i === 3 ? ('leave' as const) : ('present' as const),
      walkIn: false,
    })),
  )
  await db.statements.put({
    ...base,
    id: 's1',
    meetingId: 'm1',
    topicId: 't1',
    name: '梁堃',
    role: '居民代表',
    gist: '赞成开门。',
  })
  await db.meetings.update('m0', { status: 'closed', sealedAt: '2026-11-10T09:00:00Z' })
  if (sealed)
    await db.meetings.update('m1', {
      status: 'closed',
      sealedAt: '2026-12-10T09:00:00Z',
      verificationCode: '7K3QF-9XD2M',
    })
}

beforeEach(async () => {
  // A fresh database: sealed rows cannot be cleared, by design.
  await db.delete()
  await db.open()
})

describe('documents from the tables', () => {
  it('assembles the minutes: counts, standing vote, recusal, canvass totals, carry-over, seal', async () => {
    await seed()
    const input = await meetingDocsInput('m1')
    expect(input.meeting).toMatchObject({ chair: '王建国', recorder: '李秀英', place: '党群服务中心' })
    // Without a roll the voting roles count; the recorder is staff (src/domain/rules/headcount.ts).
    // The member on leave is 请假, not 缺席.
    expect(input.quorum).toMatchObject({ expected: 5, present: 4, leave: 1, absent: 0, reached: true })
    const t = input.topics[0]!
    expect(t.votes).toHaveLength(1)
    expect(t.votes[0]).toMatchObject({ result: 'passed', recused: ['韩珺'] })
    expect(t.canvasses[0]).toMatchObject({ asked: 180, agree: 160 })
    expect(t.statements[0]).toEqual({ speaker: '梁堃', role: '居民代表', text: '赞成开门。' })
    expect(input.carryOver.map((a) => [a.title, a.fromMeeting])).toEqual([['修补健身器材', '11月党群议事日']])
    expect(input.seal?.code).toBe('7K3QF-9XD2M')
    const text = pdfTextRaw(await renderNode(minutesToDocDef(input)))
    for (const s of [
      '主持人王建国',
      '韩珺因与本议题有利害关系回避表决',
      '同意3票',
      '修补健身器材',
      '核验码：7K3QF-9XD2M',
    ])
      expect(text).toContain(s)
  }, 30_000)

  it('assembles the dossier with requests, objections and answers', async () => {
    await seed()
    const n = await postNotice(M, 'resolution', { startsOn: '2026-12-11', periodDays: 7, places: ['社区公示栏'] })
    const o = await addObjection(n.id, { receivedOn: '2026-12-12', from: '郑昇', content: '能否晚些关门？' })
    await answerObjection(o.id, { answer: '先试行。', answeredAt: '2026-12-13' })
    const d = await dossierInput('t1')
    expect(d.requests[0]).toMatchObject({ raisedBy: '梁堃', handlingType: '建议件' })
    expect(d.objections[0]).toMatchObject({ from: '郑昇', answer: '先试行。' })
    expect(d.notice).toMatchObject({ startsOn: '2026-12-11', endsOn: '2026-12-17' })
  })
})

describe('publication records', () => {
  it('posting needs a sealed meeting and a place; a refused posting saves nothing', async () => {
    await seed(false)
    await expect(postNotice(M, 'resolution', { startsOn: today, periodDays: 7, places: ['公示栏'] })).rejects.toThrow(
      DomainError,
    )
    await db.meetings.update('m1', { sealedAt: '2026-12-10T09:00:00Z' })
    const refused = await postNotice(M, 'resolution', { startsOn: today, periodDays: 7, places: [] }).catch(
      (e: DomainError) => e.problems,
    )
    expect(refused).toEqual([{ key: 'publication.placesRequired' }])
    await expect(postNotice(M, 'resolution', { startsOn: today, periodDays: 0, places: ['公示栏'] })).rejects.toThrow(
      DomainError,
    )
    await expect(
      postNotice(
        M,
        'resolution',
        { startsOn: today, periodDays: 7, places: ['公示栏'] },
        { name: 'a.pdf', mime: 'application/pdf', bytes: new Uint8Array(3) },
      ),
    ).rejects.toThrow(DomainError)
    expect(await db.notices.count()).toBe(0)
    expect(await db.attachments.count()).toBe(0)
  })

  it('stores the photo and replaces it when the posting is updated', async () => {
    await seed()
    const photo = { name: '公示栏.jpg', mime: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) }
    const n = await postNotice(M, 'resolution', { startsOn: today, periodDays: 7, places: ['公示栏'] }, photo)
    await postNotice(
      M,
      'resolution',
      { startsOn: today, periodDays: 10, places: ['公示栏', '微信群'] },
      { ...photo, name: '新.jpg' },
    )
    const state = await publicationState('m1')
    expect(state.notices).toHaveLength(1)
    expect(state.notices[0]).toMatchObject({ id: n.id, periodDays: 10, places: ['公示栏', '微信群'] })
    expect(state.photos[n.id]).toBe('新.jpg')
    expect(await db.attachments.count()).toBe(1)
  })

  it('objections: validated, dated within the period, answered once', async () => {
    await seed()
    const n = await postNotice(M, 'resolution', { startsOn: '2026-12-11', periodDays: 7, places: ['公示栏'] })
    await expect(addObjection(n.id, { receivedOn: '2026-12-12', from: '', content: 'x' })).rejects.toThrow(DomainError)
    await expect(addObjection(n.id, { receivedOn: '2026-12-01', from: '郑昇', content: 'x' })).rejects.toThrow(
      DomainError,
    )
    const o = await addObjection(n.id, { receivedOn: '2026-12-12', from: '郑昇', content: '能否晚些关门？' })
    await expect(answerObjection(o.id, { answer: '好', answeredAt: '2026-12-10' })).rejects.toThrow(DomainError)
    await answerObjection(o.id, { answer: '先试行。', answeredAt: '2026-12-13' })
    await expect(answerObjection(o.id, { answer: '改口', answeredAt: '2026-12-14' })).rejects.toThrow(DomainError)
    expect((await db.objections.get(o.id))?.answer).toBe('先试行。')
  })

  it('filings need where, when and who', async () => {
    await seed()
    await expect(addFiling(M, { to: '', sentOn: today, by: '李秀英' })).rejects.toThrow(DomainError)
    await addFiling(M, { to: '新华路街道党工委', sentOn: today, by: '李秀英', reference: '' })
    expect((await publicationState('m1')).filings[0]).toMatchObject({ to: '新华路街道党工委', reference: undefined })
  })
})

describe('step 5 → 6 guard', () => {
  it('waits for the notice period to pass and for every objection to be answered', async () => {
    await seed()
    const guard = async () => missingToComplete('publish', await meetingFacts('m1')).map((p) => p.key)
    expect(await guard()).toEqual(['guard.noResolutionNotice'])
    const n = await postNotice(M, 'resolution', { startsOn: ago(3), periodDays: 7, places: ['公示栏'] })
    expect(await guard()).toEqual(['guard.noticePeriodRunning'])
    const o = await addObjection(n.id, { receivedOn: ago(2), from: '郑昇', content: '能否晚些关门？' })
    expect(await guard()).toEqual(['guard.objectionsOpen'])
    await answerObjection(o.id, { answer: '先试行。', answeredAt: ago(1) })
    // Answered, but residents may still object until the period ends.
    expect(await guard()).toEqual(['guard.noticePeriodRunning'])
    await postNotice(M, 'resolution', { startsOn: ago(10), periodDays: 7, places: ['公示栏'] })
    expect(await guard()).toEqual([])
  })

  it('counts the period inclusively', () => {
    expect(noticeEndsOn('2026-12-11', 7)).toBe('2026-12-17')
    expect(noticeEndsOn('2026-12-28', 7)).toBe('2027-01-03')
    expect(daysLeft('2026-12-17', '2026-12-17')).toBe(1)
    expect(daysLeft('2026-12-17', '2026-12-18')).toBe(0)
    expect(daysLeft('2026-12-17', '2026-12-11')).toBe(7)
  })
})

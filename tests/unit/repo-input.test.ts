// Repository writes that used to trust their callers now parse what they are
// given (db/write.ts parseInput): bad input is a DomainError and the stored
// data is exactly as it was, byte for byte.
import { beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { db, DB_NAME } from '@/db/schema'
import { saveBody } from '@/db/bodies.repo'
import { createMeeting, getMeeting, updateMeeting } from '@/db/meetings.repo'
import { addTopicToMeeting } from '@/db/meeting-topics.repo'
import { saveResolution } from '@/db/resolutions.repo'
import { copyTemplateTo } from '@/db/templates.repo'
import { project, readProjection } from '@/db/projection.repo'
import { amendSealed } from '@/db/seal.repo'
import { DomainError } from '@/domain/problem'
import { defaultRules } from '@/domain/rules'
import { TEMPLATE_FOUR_TWO } from '@/domain/template'

const C = 'community-1'

/** Every row of the tables a write could touch, as one string to compare. */
async function snapshot(): Promise<string> {
  const tables = [db.meetings, db.topics, db.resolutions, db.actionItems, db.templates, db.projection]
  const rows = await Promise.all([...tables, db.amendments, db.sealBatches].map((t) => t.toArray()))
  return JSON.stringify(rows)
}

/** The problem keys a refused write gives; fails the test when it is not refused with a DomainError. */
const refusal = (p: Promise<unknown>): Promise<string[]> =>
  p.then(
    () => Promise.reject(new Error('the write was not refused')),
    (e: unknown) => (e instanceof DomainError ? e.problems.map((x) => x.key) : Promise.reject(e)),
  )

/** A meeting of a 村（居）务协商 council (it consults, so a resolution needs no vote), with one topic. */
async function councilMeeting() {
  const body = await saveBody(C, {
    name: '居民议事会',
    kind: 'council',
    memberIds: [],
    ...defaultRules('council'),
    writtenCountsAsPresent: false,
  })
  const m = await createMeeting(C, { title: '2026年12月党群议事日', type: 'partyMassDay' })
  await updateMeeting(m.id, { bodyId: body.id, date: '2026-12-10', startTime: '14:30', place: '社区议事厅' })
  const topic = await addTopicToMeeting(m.id, { title: '北门开通', description: '' }, '记录人')
  return { meetingId: m.id, topicId: topic.id }
}

const item = {
  title: '开通北门',
  owner: '物业服务中心',
  standard: '北门早 6 点至晚 10 点开放',
  dueOn: '2027-01-31',
  supervisor: '业委会',
}

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
  await db.open()
})

describe('updateMeeting', () => {
  it.each<[string, unknown, string]>([
    ['a day that does not exist', { date: '2026-02-30' }, 'validation.calendarDay'],
    ['a time past midnight', { startTime: '24:30' }, 'validation.time'],
    ['an empty title', { title: '  ' }, 'validation.required'],
    ['a title of 81 characters', { title: '议'.repeat(81) }, 'validation.tooLong'],
    ['a seventh step', { stepIndex: 6 }, 'validation.noSuchStep'],
    ['half a step', { stepIndex: 1.5 }, 'validation.noSuchStep'],
    ['an unknown meeting type', { type: 'tea' }, 'validation.required'],
    ['a list instead of changes', ['date', '2026-12-10'], 'validation.required'],
    ['nothing at all', null, 'validation.required'],
  ])('refuses %s and changes nothing', async (_, input, key) => {
    const { meetingId } = await councilMeeting()
    const before = await snapshot()
    expect(await refusal(updateMeeting(meetingId, input))).toContain(key)
    expect(await snapshot()).toBe(before)
  })

  it('clears a date picker left empty, keeps what it was not given, and ignores fields it does not own', async () => {
    const { meetingId } = await councilMeeting()
    await updateMeeting(meetingId, { date: null, startTime: '', status: 'closed', sealedAt: '2026-12-10T08:00:00Z' })
    const m = await getMeeting(meetingId)
    expect(m).toMatchObject({ status: 'planning', place: '社区议事厅' })
    expect(m?.date).toBeUndefined()
    expect(m?.startTime).toBeUndefined()
    expect(m?.sealedAt).toBeUndefined()
  })

  it('a closed meeting only moves on to its next step', async () => {
    const { meetingId } = await councilMeeting()
    await db.meetings.update(meetingId, { status: 'closed', stepIndex: 4 })
    const before = await snapshot()
    expect(await refusal(updateMeeting(meetingId, { place: '另一处', stepIndex: 5 }))).toEqual([
      'deliberation.error.sealed',
    ])
    expect(await snapshot()).toBe(before)
    await updateMeeting(meetingId, { stepIndex: 5 })
    expect((await getMeeting(meetingId))?.stepIndex).toBe(5)
  })
})

describe('saveResolution', () => {
  it.each<[string, unknown, string]>([
    ['text that is not text', { text: 42, withoutVote: true, items: [] }, 'validation.required'],
    [
      'items that are not a list',
      { text: '同意开通北门', withoutVote: true, items: '开通北门' },
      'validation.required',
    ],
    ['no items field', { text: '同意开通北门', withoutVote: true }, 'validation.required'],
    ['text of 2,001 characters', { text: '议'.repeat(2001), withoutVote: true, items: [] }, 'validation.tooLong'],
    [
      'an owner of 61 characters',
      { text: '同意', withoutVote: true, items: [{ ...item, owner: '物'.repeat(61) }] },
      'validation.tooLong',
    ],
    [
      'an item without its fields',
      { text: '同意', withoutVote: true, items: [{ title: '开通北门' }] },
      'validation.required',
    ],
    ['a vote id that is empty', { text: '同意', voteId: '', items: [] }, 'validation.required'],
  ])('refuses %s and keeps the saved resolution as it was', async (_, input, key) => {
    const { meetingId, topicId } = await councilMeeting()
    await saveResolution(meetingId, topicId, { text: '同意开通北门', withoutVote: true, items: [item] })
    const before = await snapshot()
    expect(await refusal(saveResolution(meetingId, topicId, input))).toContain(key)
    expect(await snapshot()).toBe(before)
    expect(await db.actionItems.count()).toBe(1)
  })

  it('still names the item whose answer is missing', async () => {
    const { meetingId, topicId } = await councilMeeting()
    const before = await snapshot()
    const input = { text: '同意开通北门', withoutVote: true, items: [item, { ...item, owner: ' ' }] }
    expect(await refusal(saveResolution(meetingId, topicId, input))).toEqual(['deliberation.error.missing.owner'])
    expect(await snapshot()).toBe(before)
  })
})

describe('copyTemplateTo', () => {
  it.each<[string, unknown, string]>([
    ['an empty name', { name: '' }, 'validation.required'],
    ['a name of spaces', { name: '   ' }, 'validation.required'],
    ['a name of 41 characters', { name: '程'.repeat(41) }, 'validation.tooLong'],
    ['a number for a name', { name: 412 }, 'validation.required'],
    ['a bare string', '四议两公开（本村）', 'validation.required'],
  ])('refuses %s and adds no template', async (_, input, key) => {
    await copyTemplateTo(C, TEMPLATE_FOUR_TWO.id, { name: '四议两公开（本村）' })
    const before = await snapshot()
    expect(await refusal(copyTemplateTo(C, TEMPLATE_FOUR_TWO.id, input))).toContain(key)
    expect(await snapshot()).toBe(before)
    expect(await db.templates.count()).toBe(1)
  })

  it('keeps a name of 40 characters whole and trims the spaces round it', async () => {
    const name = '程'.repeat(40)
    expect((await copyTemplateTo(C, TEMPLATE_FOUR_TWO.id, { name: ` ${name} ` })).name).toBe(name)
  })
})

describe('project', () => {
  it.each<[string, unknown]>([
    ['a slide that does not exist', { slide: 'video' }],
    ['a page before the first', { page: -1 }],
    ['half a page', { page: 0.5 }],
    ['an empty meeting id', { meetingId: '', slide: 'agenda' }],
    ['a topic id that is a number', { slide: 'topic', topicId: 7 }],
    ['a bare string', 'agenda'],
  ])('refuses %s and the projector keeps its slide', async (_, input) => {
    await project({ meetingId: 'm-1', slide: 'topic', topicId: 't-1' })
    const before = await snapshot()
    expect(await refusal(project(input))).not.toEqual([])
    expect(await snapshot()).toBe(before)
  })

  it('numbers each change itself, whatever the caller sends', async () => {
    const first = await project({ meetingId: 'm-1', slide: 'agenda' })
    const next = await project({ ...first, slide: 'quorum', seq: 99, id: 'other', updatedAt: '2000-01-01' })
    expect(next).toMatchObject({ id: 'current', slide: 'quorum', meetingId: 'm-1', seq: first.seq + 1, page: 0 })
    expect(await readProjection()).toEqual(next)
  })
})

describe('amendSealed', () => {
  it.each<[string, unknown, string]>([
    ['no reason', { targetId: 'v-1', targetKind: 'vote', reason: '  ', changes: {} }, 'deliberation.error.reason'],
    [
      'a meeting as target',
      { targetId: 'm-1', targetKind: 'meeting', reason: '笔误', changes: {} },
      'validation.required',
    ],
    ['no target', { targetId: '', targetKind: 'vote', reason: '笔误', changes: {} }, 'validation.required'],
    [
      'changes that are a list',
      { targetId: 'v-1', targetKind: 'vote', reason: '笔误', changes: [1] },
      'validation.required',
    ],
  ])('refuses %s and appends nothing to the chain', async (_, input, key) => {
    const { meetingId } = await councilMeeting()
    const before = await snapshot()
    expect(await refusal(amendSealed(meetingId, input))).toContain(key)
    expect(await snapshot()).toBe(before)
  })
})

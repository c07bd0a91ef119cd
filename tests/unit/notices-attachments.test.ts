// One writer per table: the agenda, resolution and results notices are all
// written by notices.repo `putNotice` (postedAt is the day on the board, the
// period ends on the calendar's periodEnd), and research files, notice photos
// and progress photos all go through attachments.repo with one size limit.
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { recordAgendaNotice } from '@/db/agenda.repo'
import { postNotice } from '@/db/notices.repo'
import { postResultsNotice } from '@/db/results-notice.repo'
import { addAttachment } from '@/db/attachments.repo'
import { addProgress } from '@/db/followup.repo'
import { MAX_ATTACHMENT_BYTES, MAX_PHOTOS } from '@/domain/attachment'
import { setClock } from '@/domain/calendar'
import { DomainError } from '@/domain/problem'

const AT = '2026-11-01T02:00:00.000Z'
const base = { communityId: 'c1', createdAt: AT, updatedAt: AT }
const meeting = (id: string, extra: object) => ({
  ...base,
  id,
  title: '党群议事日',
  type: 'partyMassDay',
  procedureId: 'p',
  stepIndex: 1,
  ...extra,
})

beforeEach(async () => {
  // A fresh database: sealed rows cannot be cleared, by design.
  await db.delete()
  await db.open()
  // 2026-12-30 09:00 in Beijing
  setClock({ now: () => new Date('2026-12-30T01:00:00.000Z') })
  await db.meetings.bulkAdd([
    meeting('m1', { date: '2026-12-28', status: 'planning' }),
    meeting('m2', { date: '2026-12-10', status: 'closed', stepIndex: 5, sealedAt: '2026-12-10T09:00:00Z' }),
  ] as never[])
  await db.actionItems.add({
    ...base,
    id: 'a1',
    // On an unsealed meeting: a sealed meeting's items cannot be added by hand (seal-guard.ts).
    meetingId: 'm1',
    topicId: 't1',
    resolutionId: 'r1',
    title: '疏通排水管',
    owner: '物业公司',
    standard: '雨后无积水',
    dueOn: '2026-12-30',
    supervisor: '王监督',
    status: 'closed',
  })
  await db.actionItems.add({ ...(await db.actionItems.get('a1'))!, id: 'a2', status: 'inProgress' })
})

afterAll(() => setClock())

const problems = (p: Promise<unknown>) =>
  p.then(
    () => [],
    (e: unknown) => {
      expect(e).toBeInstanceOf(DomainError)
      return (e as DomainError).problems.map((x) => x.key)
    },
  )

describe('the one writer of notices', () => {
  it('stores the day posted and the period end the same way for all three kinds', async () => {
    const M2 = { id: 'm2', communityId: 'c1' }
    const agenda = await recordAgendaNotice('m1', { postedOn: '2026-12-18', periodDays: 5, places: ['公示栏'] })
    const resolution = await postNotice(M2, 'resolution', { startsOn: '2026-12-11', periodDays: 7, places: ['公示栏'] })
    const results = await postResultsNotice({
      meetingId: 'm1',
      actionItemIds: ['a1'],
      startsOn: '2026-12-28',
      periodDays: 7,
      places: ['公示栏'],
    })
    expect([agenda, resolution, results].map((n) => [n.kind, n.postedAt, n.startsOn, n.endsOn])).toEqual([
      ['agenda', '2026-12-18', '2026-12-18', '2026-12-22'],
      ['resolution', '2026-12-11', '2026-12-11', '2026-12-17'],
      ['results', '2026-12-28', '2026-12-28', '2027-01-03'],
    ])
    // The agenda and resolution notices are replaced when posted again; each results notice is new.
    await recordAgendaNotice('m1', { postedOn: '2026-12-19', periodDays: 5, places: ['公示栏'] })
    await postResultsNotice({
      meetingId: 'm1',
      actionItemIds: ['a1'],
      startsOn: '2027-01-04',
      periodDays: 7,
      places: ['网上'],
    })
    const kinds = (await db.notices.toArray()).map((n) => n.kind).sort()
    expect(kinds).toEqual(['agenda', 'resolution', 'results', 'results'])
  })

  it('refuses a results notice for an open item or with no place, and saves nothing', async () => {
    const input = {
      meetingId: 'm1',
      actionItemIds: ['a1', 'a2'],
      startsOn: '2026-12-28',
      periodDays: 7,
      places: ['公示栏'],
    }
    expect(await problems(postResultsNotice(input))).toEqual(['followup.errors.noticeNeedsClosed'])
    expect(await problems(postResultsNotice({ ...input, actionItemIds: ['a1'], places: [] }))).toEqual([
      'followup.errors.placesRequired',
    ])
    expect(await db.notices.count()).toBe(0)
  })
})

describe('the one attachments repository', () => {
  const big = { name: '现场.jpg', mime: 'image/jpeg', bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) }
  const small = { name: '现场.jpg', mime: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) }
  const progress = { on: '2026-12-29', percent: 10, note: '开工', by: '物业', photoIds: [] }

  it('holds research files, notice photos and progress photos to the same limit', async () => {
    const M2 = { id: 'm2', communityId: 'c1' }
    const posting = { startsOn: '2026-12-11', periodDays: 7, places: ['公示栏'] }
    const tooLarge = ['research.errors.tooLarge']
    expect(await problems(addAttachment({ communityId: 'c1', ownerId: 't1', ownerKind: 'topic' }, big))).toEqual(
      tooLarge,
    )
    expect(await problems(postNotice(M2, 'resolution', posting, big))).toEqual(tooLarge)
    expect(await problems(addProgress('a2', progress, [small, big]))).toEqual(tooLarge)
    expect(await db.attachments.count()).toBe(0)
    expect(await db.notices.count()).toBe(0)
    expect((await db.actionEvents.toArray()).length).toBe(0)
  })

  it('keeps progress photos to images, at most six, and stores them under the entry', async () => {
    const seven = Array.from({ length: MAX_PHOTOS + 1 }, () => small)
    expect(await problems(addProgress('a2', progress, seven))).toEqual(['followup.errors.tooManyPhotos'])
    const pdf = { name: '报告.pdf', mime: 'application/pdf', bytes: new Uint8Array([1]) }
    expect(await problems(addProgress('a2', progress, [pdf]))).toEqual(['publication.photoNotImage'])
    expect(await db.attachments.count()).toBe(0)
    await addProgress('a2', progress, [small, small])
    const stored = await db.attachments.toArray()
    expect(stored.map((a) => [a.ownerId, a.ownerKind, a.size])).toEqual([
      ['a2', 'actionProgress', 3],
      ['a2', 'actionProgress', 3],
    ])
    const event = (await db.actionEvents.toArray())[0]!
    expect(event.photoIds?.sort()).toEqual(stored.map((a) => a.id).sort())
  })
})

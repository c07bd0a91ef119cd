// Public notices (公示), objections (异议) and filings (备案) of a meeting.
// Every write is validated first and saves nothing when refused.
import { periodEnd } from '@/domain/calendar'
import { newId, nowIso } from '@/domain/ids'
import {
  answerSchema,
  filingSchema,
  noticeSchema,
  noticePostingSchema,
  objectionSchema,
  type Filing,
  type Objection,
  type PublicNotice,
} from '@/domain/notice'
import { DomainError, problem } from '@/domain/problem'
import { photoProblems, type AttachmentFile } from '@/domain/attachment'
import { addAttachment, checkAttachment, removeAttachment } from './attachments.repo'
import { base } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'

export interface PublicationState {
  notices: PublicNotice[]
  objections: Objection[]
  filings: Filing[]
  /** Photo names by notice id */
  photos: Record<string, string>
}

/** Everything the publication page shows for a meeting, read in one transaction. */
export async function publicationState(meetingId: string): Promise<PublicationState> {
  return db.transaction('r', [db.notices, db.objections, db.filings, db.attachments], async () => {
    const notices = await db.notices.where('meetingId').equals(meetingId).toArray()
    const ids = notices.map((n) => n.id)
    const objections = ids.length > 0 ? await db.objections.where('noticeId').anyOf(ids).toArray() : []
    const filings = await db.filings.where('meetingId').equals(meetingId).toArray()
    const photos: Record<string, string> = {}
    for (const n of notices) {
      if (!n.photoId) continue
      const a = await db.attachments.get(n.photoId)
      if (a) photos[n.id] = a.name
    }
    objections.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt.localeCompare(b.createdAt))
    filings.sort((a, b) => a.sentOn.localeCompare(b.sentOn))
    return { notices, objections, filings, photos }
  })
}

export type PhotoInput = AttachmentFile

/**
 * The one writer of the notices table, for agenda, resolution and results
 * notices alike: `postedAt` is the day it went up on the board, the period
 * ends on the calendar's `periodEnd`. Callers check what their kind needs
 * first, in the same write. An agenda or resolution notice replaces the
 * meeting's notice of its kind (and its photo, when a new one comes); each
 * results notice is a new one.
 */
export async function putNotice(
  meeting: { id: string; communityId: string },
  input: unknown,
  photo?: unknown,
): Promise<PublicNotice> {
  const form = parseInput(noticeSchema, input)
  if (photo) {
    const problems = photoProblems([checkAttachment(photo)])
    if (problems.length > 0) throw new DomainError(problems)
  }
  // Only a photo needs the attachments table (callers' transactions may not hold it).
  return write(photo ? [db.notices, db.attachments] : [db.notices], async () => {
    const existing =
      form.kind === 'results'
        ? undefined
        : (await db.notices.where('meetingId').equals(meeting.id).toArray()).find((n) => n.kind === form.kind)
    const id = existing?.id ?? newId()
    let photoId = existing?.photoId
    if (photo) {
      const a = await addAttachment({ communityId: meeting.communityId, ownerId: id, ownerKind: 'notice' }, photo)
      if (photoId) await removeAttachment(photoId)
      photoId = a.id
    }
    const now = nowIso()
    const notice: PublicNotice = {
      id,
      communityId: meeting.communityId,
      meetingId: meeting.id,
      kind: form.kind,
      // Plain copies: callers may pass reactive arrays, which IndexedDB cannot clone.
      actionItemIds: form.actionItemIds ? [...form.actionItemIds] : undefined,
      postedAt: form.startsOn,
      startsOn: form.startsOn,
      endsOn: periodEnd(form.startsOn, form.periodDays),
      periodDays: form.periodDays,
      places: [...form.places],
      photoId,
      objectTo: form.objectTo || undefined,
      objectPhone: form.objectPhone || undefined,
      objectBox: form.objectBox || undefined,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }
    await db.notices.put(notice)
    return notice
  })
}

/**
 * Records that the resolution notice was put up: when, for how long, where,
 * how to object, with an optional photo as proof. Posting again updates it.
 */
export async function postNotice(
  meeting: { id: string; communityId: string },
  kind: 'resolution',
  input: unknown,
  photo?: PhotoInput,
): Promise<PublicNotice> {
  const form = parseInput(noticePostingSchema, input)
  return write([db.notices, db.attachments, db.meetings], async () => {
    const m = await db.meetings.get(meeting.id)
    if (!m) throw new DomainError([problem('publication.noMeeting')])
    if (!m.sealedAt) throw new DomainError([problem('publication.notSealed')])
    return putNotice(meeting, { ...form, kind }, photo)
  })
}

/** Logs an objection received during a notice's period. */
export async function addObjection(noticeId: string, input: unknown): Promise<Objection> {
  const form = parseInput(objectionSchema, input)
  return write([db.notices, db.objections], async () => {
    const notice = await db.notices.get(noticeId)
    if (!notice?.postedAt) throw new DomainError([problem('publication.noticeNotPosted')])
    if (notice.startsOn && form.receivedOn < notice.startsOn)
      throw new DomainError([problem('publication.beforePeriod')])
    const row: Objection = {
      ...base(notice.communityId),
      noticeId,
      receivedOn: form.receivedOn,
      from: form.from,
      content: form.content,
    }
    await db.objections.add(row)
    return row
  })
}

/** Records how an objection was answered. An answer is kept, never rewritten. */
export async function answerObjection(objectionId: string, input: unknown): Promise<void> {
  const form = parseInput(answerSchema, input)
  await write([db.objections], async () => {
    const o = await db.objections.get(objectionId)
    if (!o) throw new DomainError([problem('publication.noObjection')])
    if (o.answeredAt) throw new DomainError([problem('publication.alreadyAnswered')])
    if (form.answeredAt < o.receivedOn) throw new DomainError([problem('publication.answerBeforeReceipt')])
    await db.objections.update(objectionId, { answer: form.answer, answeredAt: form.answeredAt, updatedAt: nowIso() })
  })
}

/** Records that the filing form went to the superior. */
export async function addFiling(meeting: { id: string; communityId: string }, input: unknown): Promise<Filing> {
  const form = parseInput(filingSchema, input)
  const row: Filing = {
    ...base(meeting.communityId),
    meetingId: meeting.id,
    to: form.to,
    sentOn: form.sentOn,
    by: form.by,
    reference: form.reference || undefined,
    note: form.note || undefined,
  }
  await write([db.filings], () => db.filings.add(row))
  return row
}

// Public notices (公示), objections (异议) and filings (备案) of a meeting.
// Every write is validated first and saves nothing when refused.
import { newId, nowIso } from '@/domain/ids'
import {
  answerSchema,
  filingSchema,
  noticeEndsOn,
  noticePostingSchema,
  objectionSchema,
  type Filing,
  type NoticeKind,
  type Objection,
  type PublicNotice,
} from '@/domain/notice'
import { DomainError, problem } from '@/domain/problem'
import type { Attachment } from '@/domain/research'
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

export interface PhotoInput {
  name: string
  mime: string
  bytes: Uint8Array
}

/**
 * Records that a notice was put up: when, for how long, where, how to object,
 * with an optional photo as proof. Posting the same kind again updates it.
 */
export async function postNotice(
  meeting: { id: string; communityId: string },
  kind: NoticeKind,
  input: unknown,
  photo?: PhotoInput,
): Promise<PublicNotice> {
  const form = parseInput(noticePostingSchema, input)
  if (photo && !photo.mime.startsWith('image/')) throw new DomainError([problem('publication.photoNotImage')])
  if (photo && photo.bytes.byteLength > 10 * 1024 * 1024) throw new DomainError([problem('publication.photoTooLarge')])
  const now = nowIso()
  return write([db.notices, db.attachments, db.meetings], async () => {
    const m = await db.meetings.get(meeting.id)
    if (!m) throw new DomainError([problem('publication.noMeeting')])
    if (kind === 'resolution' && !m.sealedAt) throw new DomainError([problem('publication.notSealed')])
    const existing = (await db.notices.where('meetingId').equals(meeting.id).toArray()).find((n) => n.kind === kind)
    const id = existing?.id ?? newId()
    let photoId = existing?.photoId
    if (photo) {
      const a: Attachment = {
        id: newId(),
        communityId: meeting.communityId,
        ownerId: id,
        ownerKind: 'notice',
        name: photo.name,
        mime: photo.mime,
        size: photo.bytes.byteLength,
        bytes: photo.bytes,
        createdAt: now,
        updatedAt: now,
      }
      await db.attachments.add(a)
      if (photoId) await db.attachments.delete(photoId)
      photoId = a.id
    }
    const notice: PublicNotice = {
      id,
      communityId: meeting.communityId,
      meetingId: meeting.id,
      kind,
      postedAt: existing?.postedAt ?? now,
      startsOn: form.startsOn,
      endsOn: noticeEndsOn(form.startsOn, form.periodDays),
      periodDays: form.periodDays,
      places: form.places,
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

/** Logs an objection received during a notice's period. */
export async function addObjection(noticeId: string, input: unknown): Promise<Objection> {
  const form = parseInput(objectionSchema, input)
  return write([db.notices, db.objections], async () => {
    const notice = await db.notices.get(noticeId)
    if (!notice?.postedAt) throw new DomainError([problem('publication.noticeNotPosted')])
    if (notice.startsOn && form.receivedOn < notice.startsOn)
      throw new DomainError([problem('publication.beforePeriod')])
    const now = nowIso()
    const row: Objection = {
      id: newId(),
      communityId: notice.communityId,
      noticeId,
      receivedOn: form.receivedOn,
      from: form.from,
      content: form.content,
      createdAt: now,
      updatedAt: now,
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
  const now = nowIso()
  const row: Filing = {
    id: newId(),
    communityId: meeting.communityId,
    meetingId: meeting.id,
    to: form.to,
    sentOn: form.sentOn,
    by: form.by,
    reference: form.reference || undefined,
    note: form.note || undefined,
    createdAt: now,
    updatedAt: now,
  }
  await write([db.filings], () => db.filings.add(row))
  return row
}

// 研究落实: action items across meetings, their trail, evaluations, the
// results notice and closing the loop with the people who asked.
// Every change is one transaction: the item, its event, and anything it moves.
import { noticeEndsOn } from '@/domain/notice'
import { today } from '@/domain/calendar'
import { carryOver, checkDate, nextStatus, type ProgressInput, type ReportInput } from '@/domain/followup'
import { evaluationSettings, judge, nextRound, type EvaluationInput } from '@/domain/evaluation'
import { newId, nowIso, type RecordBase } from '@/domain/ids'
import type { Meeting } from '@/domain/meeting'
import type { Attachment } from '@/domain/research'
import type { PublicNotice } from '@/domain/notice'
import { DomainError, problem } from '@/domain/problem'
import type { Feedback, Request, RequestEvent } from '@/domain/request'
import {
  ACTION_STATUSES,
  type ActionEvent,
  type ActionItem,
  type ActionStatus,
  type Evaluation,
  type Resolution,
} from '@/domain/resolution'
import type { Topic } from '@/domain/topic'
import { db } from './schema'

/** An item with what the board shows next to it. */
export interface BoardRow extends ActionItem {
  meetingTitle: string
  meetingDate?: string
  /** The latest progress percent, 0 when none */
  percent: number
}

export async function listItems(communityId: string): Promise<BoardRow[]> {
  return db.transaction('r', [db.actionItems, db.meetings, db.actionEvents], async () =>
    boardRows(communityId, await db.actionItems.where('communityId').equals(communityId).toArray()),
  )
}

/** Items with their meeting's title and date and their latest progress. */
async function boardRows(communityId: string, items: ActionItem[]): Promise<BoardRow[]> {
  const meetingIds = [...new Set(items.map((i) => i.meetingId))]
  const meetings = new Map(
    (await db.meetings.bulkGet(meetingIds)).filter((m) => m?.communityId === communityId).map((m) => [m!.id, m!]),
  )
  const events = await db.actionEvents
    .where('actionItemId')
    .anyOf(items.map((i) => i.id))
    .toArray()
  const percent = new Map<string, { at: string; percent: number }>()
  for (const e of events) {
    if (e.kind !== 'progress' || typeof e.percent !== 'number') continue
    const prev = percent.get(e.actionItemId)
    if (!prev || e.at > prev.at) percent.set(e.actionItemId, { at: e.at, percent: e.percent })
  }
  return items.map((i) => ({
    ...i,
    meetingTitle: meetings.get(i.meetingId)?.title ?? '',
    meetingDate: meetings.get(i.meetingId)?.date,
    percent:
      i.status === 'closed' || i.status === 'accepted' || i.status === 'done' ? 100 : (percent.get(i.id)?.percent ?? 0),
  }))
}

export interface ItemDetail {
  item: ActionItem
  resolution?: Resolution
  meeting?: Meeting
  topic?: Topic
  /** Newest first */
  events: ActionEvent[]
  /** Oldest round first */
  evaluations: Evaluation[]
  /** The day of the decision: nothing on the item may be dated earlier */
  resolvedOn: string
}

function resolvedOnOf(item: ActionItem, meeting?: Meeting, resolution?: Resolution): string {
  return meeting?.date ?? (resolution ?? item).createdAt.slice(0, 10)
}

export async function itemDetail(id: string): Promise<ItemDetail | undefined> {
  return db.transaction(
    'r',
    [db.actionItems, db.resolutions, db.meetings, db.topics, db.actionEvents, db.evaluations],
    async () => {
      const item = await db.actionItems.get(id)
      if (!item) return undefined
      const [resolution, meeting, topic] = await Promise.all([
        db.resolutions.get(item.resolutionId),
        db.meetings.get(item.meetingId),
        db.topics.get(item.topicId),
      ])
      const events = await db.actionEvents.where('actionItemId').equals(id).toArray()
      const evaluations = await db.evaluations.where('actionItemId').equals(id).toArray()
      return {
        item,
        resolution,
        meeting,
        topic,
        events: events.sort((a, b) => b.at.localeCompare(a.at)),
        evaluations: evaluations.sort((a, b) => a.round - b.round),
        resolvedOn: resolvedOnOf(item, meeting, resolution),
      }
    },
  )
}

/** Reads the item, lets `change` decide (it may throw DomainError), writes all or nothing. */
interface Change {
  status: ActionStatus
  patch?: Partial<ActionItem>
  event: Omit<ActionEvent, keyof RecordBase | 'actionItemId' | 'at'>
  evaluation?: Evaluation
  attachments?: Attachment[]
}

async function changeItem(
  id: string,
  change: (item: ActionItem, resolvedOn: string) => Change | Promise<Change>,
): Promise<ActionItem> {
  return db.transaction(
    'rw',
    [db.actionItems, db.actionEvents, db.evaluations, db.meetings, db.resolutions, db.attachments, db.communities],
    async () => {
      const item = await db.actionItems.get(id)
      if (!item) throw new DomainError([problem('followup.errors.notFound')])
      const [meeting, resolution] = await Promise.all([
        db.meetings.get(item.meetingId),
        db.resolutions.get(item.resolutionId),
      ])
      const { status, patch, event, evaluation, attachments } = await change(
        item,
        resolvedOnOf(item, meeting, resolution),
      )
      const now = nowIso()
      const next: ActionItem = { ...item, ...patch, status, updatedAt: now }
      await db.actionItems.put(next)
      await db.actionEvents.add({
        ...event,
        id: newId(),
        communityId: item.communityId,
        actionItemId: id,
        at: now,
        createdAt: now,
        updatedAt: now,
      })
      if (evaluation) await db.evaluations.add(evaluation)
      if (attachments?.length) await db.attachments.bulkAdd(attachments)
      return next
    },
  )
}

/** A photo picked for a progress entry, before it is stored. */
export interface PhotoFile {
  name: string
  mime: string
  bytes: Uint8Array
}

/** A progress entry (date, percent, note, photos); starts the item if it had not started. */
export function addProgress(id: string, input: ProgressInput, photos: PhotoFile[] = []): Promise<ActionItem> {
  return changeItem(id, (item, resolvedOn) => {
    checkDate(input.on, resolvedOn, today())
    if (photos.length > MAX_PHOTOS) throw new DomainError([problem('followup.errors.tooManyPhotos')])
    const status = nextStatus(item.status, 'progress')
    const now = nowIso()
    const attachments: Attachment[] = photos.map((p) => ({
      id: newId(),
      communityId: item.communityId,
      createdAt: now,
      updatedAt: now,
      ownerId: id,
      ownerKind: 'actionProgress',
      name: p.name,
      mime: p.mime,
      size: p.bytes.byteLength,
      bytes: p.bytes,
    }))
    const photoIds = [...input.photoIds, ...attachments.map((a) => a.id)]
    return {
      status,
      attachments,
      event: {
        kind: 'progress',
        by: input.by,
        on: input.on,
        percent: input.percent,
        note: input.note,
        photoIds,
        status,
      },
    }
  })
}

export const MAX_PHOTOS = 6

/** The stored photos of progress entries, by id. */
export async function photos(ids: string[]): Promise<Attachment[]> {
  return (await db.attachments.bulkGet(ids)).filter((a): a is Attachment => Boolean(a))
}

/** The owner reports the work finished. */
export function reportDone(id: string, input: ReportInput): Promise<ActionItem> {
  return changeItem(id, (item, resolvedOn) => {
    checkDate(input.on, resolvedOn, today())
    const status = nextStatus(item.status, 'reportDone')
    return {
      status,
      patch: { doneOn: input.on },
      event: { kind: 'status', by: input.by, on: input.on, note: input.note || undefined, status },
    }
  })
}

/** The supervisor does not accept the work: back to the owner, with the reason. */
export function sendBack(id: string, input: ReportInput): Promise<ActionItem> {
  return changeItem(id, (item, resolvedOn) => {
    checkDate(input.on, resolvedOn, today())
    const status = nextStatus(item.status, 'sendBack')
    return {
      status,
      patch: { doneOn: undefined },
      event: { kind: 'sentBack', by: input.by, on: input.on, note: input.note, status },
    }
  })
}

/** The supervisor accepts the reported work (验收). */
export function accept(id: string, input: ReportInput): Promise<ActionItem> {
  return changeItem(id, (item, resolvedOn) => {
    checkDate(input.on, resolvedOn, today())
    const status = nextStatus(item.status, 'accept')
    return { status, event: { kind: 'accepted', by: input.by, on: input.on, note: input.note || undefined, status } }
  })
}

/**
 * One round of residents' evaluation. Passing closes the item; failing sends
 * it back for rework with the reason. Earlier rounds stay as they were.
 */
export async function evaluate(id: string, input: EvaluationInput): Promise<Evaluation> {
  let saved: Evaluation | undefined
  await changeItem(id, async (item, resolvedOn) => {
    if (item.status !== 'accepted') throw new DomainError([problem('evaluation.errors.notAccepted')])
    checkDate(input.on, resolvedOn, today())
    // The pass mark and the fewest evaluators come from the community's settings, never from the view.
    const { rate, passed } = judge(input, evaluationSettings(await db.communities.get(item.communityId)))
    const rounds = await db.evaluations.where('actionItemId').equals(id).toArray()
    const now = nowIso()
    saved = {
      id: newId(),
      communityId: item.communityId,
      createdAt: now,
      updatedAt: now,
      actionItemId: id,
      round: nextRound(rounds),
      method: input.method,
      on: input.on,
      scale: input.scale,
      counts: input.counts,
      invalid: input.invalid || undefined,
      rate,
      passed,
      reworkReason: passed ? undefined : input.reworkReason,
    }
    const status: ActionStatus = passed ? 'closed' : 'rework'
    return {
      status,
      // Rework gets a new due date when one is given; the old one has usually passed.
      patch: passed ? {} : { doneOn: undefined, ...(input.reworkDueOn ? { dueOn: input.reworkDueOn } : {}) },
      evaluation: saved,
      event: {
        kind: passed ? 'evaluated' : 'rework',
        by: input.by,
        on: input.on,
        note: passed ? undefined : input.reworkReason,
        status,
      },
    }
  })
  return saved!
}

/** 上次议定事项落实情况 for a meeting: open items of the community's other meetings. */
export async function carryOverFor(meetingId: string): Promise<BoardRow[]> {
  const meeting = await db.meetings.get(meetingId)
  if (!meeting) return []
  // Ten years hold tens of thousands of items, nearly all closed: read the open ones by status.
  const open = ACTION_STATUSES.filter((st) => st !== 'closed')
  const rows = await db.transaction('r', [db.actionItems, db.meetings, db.actionEvents], async () =>
    boardRows(
      meeting.communityId,
      (await db.actionItems.where('status').anyOf(open).toArray()).filter((i) => i.communityId === meeting.communityId),
    ),
  )
  // Only items decided before this meeting carry over into it.
  const earlier = rows.filter((r) => !meeting.date || !r.meetingDate || r.meetingDate < meeting.date)
  return carryOver(earlier, meetingId, today())
}

/** The results notices of a meeting, newest first. */
export async function resultsNotices(meetingId: string): Promise<PublicNotice[]> {
  const all = await db.notices.where('meetingId').equals(meetingId).toArray()
  return all.filter((n) => n.kind === 'results').sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * 实施结果公示: a notice for the meeting's closed items, posted at once for
 * the period. Only closed (evaluated and passed) items can be reported.
 */
export async function postResultsNotice(input: {
  meetingId: string
  actionItemIds: string[]
  startsOn: string
  periodDays: number
  places: string[]
}): Promise<PublicNotice> {
  return db.transaction('rw', [db.notices, db.actionItems, db.meetings], async () => {
    const meeting = await db.meetings.get(input.meetingId)
    if (!meeting) throw new DomainError([problem('followup.errors.notFound')])
    const items = await db.actionItems.bulkGet(input.actionItemIds)
    if (items.length === 0 || items.some((i) => !i || i.status !== 'closed'))
      throw new DomainError([problem('followup.errors.noticeNeedsClosed')])
    if (input.places.length === 0) throw new DomainError([problem('followup.errors.placesRequired')])
    const now = nowIso()
    const notice: PublicNotice = {
      id: newId(),
      communityId: meeting.communityId,
      meetingId: meeting.id,
      kind: 'results',
      // Plain copies: callers may pass reactive arrays, which IndexedDB cannot clone.
      actionItemIds: [...input.actionItemIds],
      postedAt: now,
      startsOn: input.startsOn,
      endsOn: noticeEndsOn(input.startsOn, input.periodDays),
      periodDays: input.periodDays,
      places: [...input.places],
      createdAt: now,
      updatedAt: now,
    }
    await db.notices.add(notice)
    return notice
  })
}

/** The requests a meeting's items trace back to: item → topic → its requests. */
export async function requestsOfMeeting(meetingId: string): Promise<Request[]> {
  return db.transaction('r', [db.topics, db.requests], async () => {
    const topics = await db.topics.where('meetingId').equals(meetingId).toArray()
    const ids = [...new Set(topics.flatMap((t) => t.requestIds ?? []))]
    const byTopic = await db.requests
      .where('topicId')
      .anyOf(topics.map((t) => t.id))
      .toArray()
    const byId = (await db.requests.bulkGet(ids)).filter((r): r is Request => Boolean(r))
    const all = new Map([...byTopic, ...byId].map((r) => [r.id, r]))
    return [...all.values()].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
  })
}

/**
 * Closing the loop: tells the people who raised the requests the outcome.
 * Each request gets loopClosedOn, status closed and a 'loopClosed' trail row.
 */
export async function closeLoop(requestIds: string[], feedback: Feedback, by: string): Promise<void> {
  if (requestIds.length === 0) throw new DomainError([problem('followup.errors.pickRequests')])
  if (!feedback.content.trim()) throw new DomainError([problem('followup.errors.feedbackRequired')])
  if (!by.trim()) throw new DomainError([problem('followup.errors.byRequired')])
  if (feedback.on > today()) throw new DomainError([problem('followup.errors.future')])
  await db.transaction('rw', [db.requests, db.requestEvents], async () => {
    const now = nowIso()
    for (const id of requestIds) {
      const r = await db.requests.get(id)
      if (!r) throw new DomainError([problem('followup.errors.notFound')])
      if (feedback.on < r.receivedOn)
        throw new DomainError([problem('followup.errors.beforeRequest', { date: r.receivedOn })])
      await db.requests.put({ ...r, status: 'closed', loopClosedOn: feedback.on, updatedAt: now })
      const event: RequestEvent = {
        id: newId(),
        communityId: r.communityId,
        requestId: id,
        at: now,
        by,
        kind: 'loopClosed',
        status: 'closed',
        feedback,
        createdAt: now,
        updatedAt: now,
      }
      await db.requestEvents.add(event)
    }
  })
}

/** What the results notice PDF prints: the notice, its meeting and each item with its rounds. */
export async function resultsNoticeData(noticeId: string) {
  return db.transaction('r', [db.notices, db.meetings, db.actionItems, db.evaluations], async () => {
    const notice = await db.notices.get(noticeId)
    if (!notice) throw new DomainError([problem('followup.errors.notFound')])
    const meeting = notice.meetingId ? await db.meetings.get(notice.meetingId) : undefined
    const items = (await db.actionItems.bulkGet(notice.actionItemIds ?? [])).filter((i): i is ActionItem => Boolean(i))
    const rounds = await db.evaluations
      .where('actionItemId')
      .anyOf(items.map((i) => i.id))
      .toArray()
    return {
      notice,
      meeting,
      items: items.map((item) => ({
        item,
        evaluations: rounds.filter((e) => e.actionItemId === item.id).sort((a, b) => a.round - b.round),
      })),
    }
  })
}

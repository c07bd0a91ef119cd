// 研究落实: action items across meetings, their trail and evaluations, and
// what carries over into the next meeting. Every change is one write: the
// item, its event, and anything it moves. The results notice is in
// results-notice.repo.ts, closing the loop with the residents in loop.repo.ts.
import { carryOver, checkDate, nextStatus, progressSchema, reportSchema, sendBackSchema } from '@/domain/followup'
import { evaluationSchema, evaluationSettings, judge, nextRound } from '@/domain/evaluation'
import { today } from '@/domain/calendar'
import { newId, nowIso, type RecordBase } from '@/domain/ids'
import type { Meeting } from '@/domain/meeting'
import { MAX_PHOTOS, photoProblems, type AttachmentFile } from '@/domain/attachment'
import { DomainError, problem } from '@/domain/problem'
import {
  ACTION_STATUSES,
  type ActionEvent,
  type ActionItem,
  type ActionStatus,
  type Evaluation,
  type Resolution,
} from '@/domain/resolution'
import type { Topic } from '@/domain/topic'
import { addAttachment, checkAttachment } from './attachments.repo'
import { db } from './schema'
import { parseInput, write } from './write'

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
}

async function changeItem(
  id: string,
  change: (item: ActionItem, resolvedOn: string) => Change | Promise<Change>,
): Promise<ActionItem> {
  return write(
    [db.actionItems, db.actionEvents, db.evaluations, db.meetings, db.resolutions, db.attachments, db.communities],
    async () => {
      const item = await db.actionItems.get(id)
      if (!item) throw new DomainError([problem('followup.errors.notFound')])
      const [meeting, resolution] = await Promise.all([
        db.meetings.get(item.meetingId),
        db.resolutions.get(item.resolutionId),
      ])
      const { status, patch, event, evaluation } = await change(item, resolvedOnOf(item, meeting, resolution))
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
      return next
    },
  )
}

/** A photo picked for a progress entry, before it is stored. */
export type PhotoFile = AttachmentFile

/** A progress entry (date, percent, note, photos); starts the item if it had not started. */
export async function addProgress(id: string, raw: unknown, photos: PhotoFile[] = []): Promise<ActionItem> {
  const input = parseInput(progressSchema, raw)
  const problems = photoProblems(photos.map(checkAttachment), MAX_PHOTOS)
  if (problems.length > 0) throw new DomainError(problems)
  return changeItem(id, async (item, resolvedOn) => {
    checkDate(input.on, resolvedOn, today())
    const status = nextStatus(item.status, 'progress')
    const owner = { communityId: item.communityId, ownerId: id, ownerKind: 'actionProgress' }
    const stored: string[] = []
    for (const p of photos) stored.push((await addAttachment(owner, p)).id)
    const photoIds = [...input.photoIds, ...stored]
    return {
      status,
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

/** The owner reports the work finished. */
export async function reportDone(id: string, raw: unknown): Promise<ActionItem> {
  const input = parseInput(reportSchema, raw)
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
export async function sendBack(id: string, raw: unknown): Promise<ActionItem> {
  const input = parseInput(sendBackSchema, raw)
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
export async function accept(id: string, raw: unknown): Promise<ActionItem> {
  const input = parseInput(reportSchema, raw)
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
export async function evaluate(id: string, raw: unknown): Promise<Evaluation> {
  const input = parseInput(evaluationSchema, raw)
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

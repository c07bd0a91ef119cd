// The request ledger (民情台账): requests and their trail of events. Every
// change writes the request and its event in one transaction.
import { z } from 'zod'
import { today } from '@/domain/calendar'
import { newId, nowIso } from '@/domain/ids'
import { canMove } from '@/domain/handling'
import { DomainError, problem } from '@/domain/problem'
import {
  ANONYMOUS_NAME,
  feedbackSchema,
  raisedByName,
  REQUEST_STATUSES,
  requestFormSchema,
  triageSchema,
  type Feedback,
  type Request,
  type RequestEvent,
  type RequestForm,
  type RequestStatus,
  type Triage,
  type TriageForm,
} from '@/domain/request'
import type { EscalationHop } from '@/domain/escalation'
import { db } from './schema'
import { parseInput, write } from './write'

export async function listRequests(communityId: string): Promise<Request[]> {
  const all = await db.requests.where('communityId').equals(communityId).toArray()
  return all.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.createdAt.localeCompare(a.createdAt))
}

export async function getRequest(id: string): Promise<Request | undefined> {
  return db.requests.get(id)
}

export async function requestEvents(requestId: string): Promise<RequestEvent[]> {
  const all = await db.requestEvents.where('requestId').equals(requestId).toArray()
  return all.sort((a, b) => a.at.localeCompare(b.at))
}

type EventInput = Omit<RequestEvent, 'id' | 'communityId' | 'requestId' | 'at' | 'by' | 'createdAt' | 'updatedAt'>

export function eventRow(r: Pick<Request, 'id' | 'communityId'>, by: string, e: EventInput): RequestEvent {
  const now = nowIso()
  return { id: newId(), communityId: r.communityId, requestId: r.id, at: now, by, createdAt: now, updatedAt: now, ...e }
}

/**
 * Reads a request, lets `change` decide (it may throw DomainError) and writes
 * the patch with its trail rows, all or nothing. The one way every request
 * repository changes a request.
 */
export async function changeRequest(
  id: string,
  change: (r: Request) => { patch: Partial<Request>; events: { by: string; event: EventInput }[] },
): Promise<Request> {
  return write([db.requests, db.requestEvents], async () => {
    const r = await mustGet(id)
    const { patch, events } = change(r)
    const next: Request = { ...r, ...patch, updatedAt: nowIso() }
    await db.requests.put(next)
    await db.requestEvents.bulkAdd(events.map((e) => eventRow(r, e.by, e.event)))
    return next
  })
}

const refuse = (key: string, params?: Record<string, string>): never => {
  throw new DomainError([problem(key, params)])
}

/** Logs a request; the input is checked with requestFormSchema. */
export async function addRequest(communityId: string, input: unknown, by: string): Promise<Request> {
  const form = parseInput(requestFormSchema, input)
  const now = nowIso()
  const request: Request = {
    id: newId(),
    communityId,
    ...form,
    place: form.place || undefined,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  }
  await write([db.requests, db.requestEvents], async () => {
    await db.requests.add(request)
    await db.requestEvents.add(eventRow(request, by, { kind: 'created', status: 'open' }))
  })
  return request
}

// The trail is read by people: old values are labelled the way the ledger labels them.
const FIELD_NAMES: Record<keyof RequestForm, string> = {
  channel: '渠道',
  receivedOn: '受理日期',
  raisedBy: '反映人',
  place: '地点',
  category: '类别',
  description: '内容',
  handlingType: '办理类型',
  dueOn: '办结时限',
}

/** Corrects what was logged (a typo, a wrong channel); the trail keeps the old wording. */
export async function updateRequest(id: string, input: unknown, by: string): Promise<void> {
  const form = parseInput(requestFormSchema, input)
  await changeRequest(id, (r) => {
    if (r.status === 'closed') refuse('intake.errors.closed')
    if (r.triage && form.receivedOn > r.triage.decidedOn) refuse('intake.errors.beforeReceived')
    const changed = (Object.keys(form) as (keyof RequestForm)[]).filter(
      (k) => JSON.stringify(form[k] ?? '') !== JSON.stringify(r[k] ?? ''),
    )
    const old = (k: keyof RequestForm) => (k === 'raisedBy' ? raisedByName(r, ANONYMOUS_NAME) : String(r[k] ?? ''))
    return {
      patch: { ...form, place: form.place || undefined },
      events: [
        { by, event: { kind: 'edited', note: changed.map((k) => `原${FIELD_NAMES[k]}：${old(k)}`).join('；') } },
      ],
    }
  })
}

async function mustGet(id: string): Promise<Request> {
  const r = await db.requests.get(id)
  if (!r) throw new DomainError([problem('intake.errors.notFound')])
  return r
}

const moveSchema = z.object({
  status: z.enum(REQUEST_STATUSES),
  by: z.string().trim().min(1, 'validation.required'),
  note: z.string().trim().max(500, 'validation.tooLong').optional(),
  /** The day it was settled, for a move to resolved (back-entered cases keep their real day) */
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
    .optional(),
})

/** Moves a request along the status flow; refuses moves the flow forbids. A move to resolved dates it. */
export async function setStatus(id: string, status: RequestStatus, by: string, note?: string, on?: string) {
  const move = parseInput(moveSchema, { status, by, note: note || undefined, on })
  await changeRequest(id, (r) => {
    if (!canMove(r.status, move.status)) refuse('intake.errors.badMove')
    const patch: Partial<Request> = { status: move.status }
    if (move.status === 'resolved') {
      const day = move.on ?? today()
      if (day < r.receivedOn) refuse('intake.errors.beforeReceived')
      if (day > today()) refuse('followup.errors.future')
      patch.resolvedOn = day
    }
    const text = [patch.resolvedOn && `办结日期 ${patch.resolvedOn}`, move.note].filter(Boolean).join(' · ')
    return { patch, events: [{ by: move.by, event: { kind: 'status', status: move.status, note: text || undefined } }] }
  })
}

/**
 * Records feedback given along the way (a progress call, an interim answer).
 * Closing the loop is loop.repo.ts's closeLoop, the one way to do it.
 */
export async function addFeedback(id: string, input: unknown, by: string): Promise<void> {
  const feedback: Feedback = parseInput(feedbackSchema, input)
  await changeRequest(id, (r) => {
    if (feedback.on < r.receivedOn) refuse('intake.errors.beforeReceived')
    return { patch: {}, events: [{ by, event: { kind: 'feedback', feedback } }] }
  })
}

const STATUS_FOR: Record<TriageForm['decision'], RequestStatus> = {
  direct: 'inProgress',
  escalate: 'escalated',
  reject: 'rejected',
}

/**
 * Decides a request: handle directly, escalate (the first hop of its chain),
 * or reject. A rejection's reason is what the person who raised it is owed.
 */
export async function triageRequest(id: string, input: unknown): Promise<void> {
  const form = parseInput(triageSchema, input)
  const community = await db.communities.get((await mustGet(id)).communityId)
  await changeRequest(id, (r) => {
    if (r.triage || r.topicId) refuse('intake.errors.alreadyDecided')
    if (form.decidedOn < r.receivedOn) refuse('intake.errors.beforeReceived')
    const status = STATUS_FOR[form.decision]
    const triage: Triage = {
      decision: form.decision,
      decidedOn: form.decidedOn,
      by: form.by,
      reason: form.reason || undefined,
    }
    const e = form.decision === 'escalate' ? form.escalation : undefined
    const hop: EscalationHop | undefined = e && {
      id: newId(),
      requestId: r.id,
      from: community?.name ?? '',
      level: e.level,
      at: e.sentOn,
      reason: triage.reason ?? r.description,
      by: form.by,
      lines: [
        { to: e.to, contact: e.contact || undefined, dueOn: e.dueOn ?? (r.dueOn > e.sentOn ? r.dueOn : e.sentOn) },
      ],
    }
    const note = [form.decidedOn, triage.reason, hop && `→ ${hop.lines[0]!.to} (${hop.at})`].filter(Boolean).join(' · ')
    return {
      patch: { triage, status, ...(hop ? { escalations: [hop] } : {}) },
      events: [{ by: form.by, event: { kind: 'triage', status, note } }],
    }
  })
}

/** Every feedback given, per request, oldest first (for the ledger export). */
export async function feedbackByRequest(requestIds: string[]): Promise<Map<string, Feedback[]>> {
  const out = new Map<string, Feedback[]>()
  const events = await db.requestEvents.where('requestId').anyOf(requestIds).toArray()
  for (const e of events.sort((a, b) => a.at.localeCompare(b.at))) {
    if ((e.kind !== 'feedback' && e.kind !== 'loopClosed') || !e.feedback) continue
    out.set(e.requestId, [...(out.get(e.requestId) ?? []), e.feedback])
  }
  return out
}

/**
 * Takes back a direct/escalate/reject decision made by mistake, as long as
 * nothing has happened since (an escalation nobody has answered and no later
 * hop); the trail keeps both the decision and the undo.
 */
export async function undoTriage(id: string, by: string): Promise<void> {
  await changeRequest(id, (r) => {
    const t = r.triage
    const hops = r.escalations ?? []
    const untouched = hops.length === 0 || (hops.length === 1 && hops[0]!.lines.every((l) => !l.answeredOn))
    if (!t || t.decision === 'topic' || r.status !== STATUS_FOR[t.decision] || !untouched)
      refuse('intake.errors.cannotUndo')
    const note = `撤销“${[t!.decidedOn, t!.reason].filter(Boolean).join(' · ')}”`
    return {
      patch: { triage: undefined, escalations: undefined, status: 'open' },
      events: [{ by, event: { kind: 'status', status: 'open', note } }],
    }
  })
}

// The request ledger (民情台账): requests and their trail of events. Every
// change writes the request and its event in one transaction.
import { newId, nowIso } from '@/domain/ids'
import { canMove } from '@/domain/handling'
import { DomainError, problem } from '@/domain/problem'
import type { Feedback, Request, RequestEvent, RequestForm, RequestStatus, Triage, TriageForm } from '@/domain/request'
import { db } from './schema'
import { write } from './write'

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

export function eventRow(
  r: Pick<Request, 'id' | 'communityId'>,
  by: string,
  e: Omit<RequestEvent, 'id' | 'communityId' | 'requestId' | 'at' | 'by' | 'createdAt' | 'updatedAt'>,
): RequestEvent {
  const now = nowIso()
  return { id: newId(), communityId: r.communityId, requestId: r.id, at: now, by, createdAt: now, updatedAt: now, ...e }
}

/** Logs a validated request (form already parsed by requestFormSchema). */
export async function addRequest(communityId: string, form: RequestForm, by: string): Promise<Request> {
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
export async function updateRequest(id: string, form: RequestForm, by: string): Promise<void> {
  await db.transaction('rw', db.requests, db.requestEvents, async () => {
    const r = await mustGet(id)
    if (r.status === 'closed') throw new DomainError([problem('intake.errors.closed')])
    if (r.triage && form.receivedOn > r.triage.decidedOn)
      throw new DomainError([problem('intake.errors.beforeReceived')])
    await db.requests.update(id, { ...form, place: form.place || undefined, updatedAt: nowIso() })
    const changed = (Object.keys(form) as (keyof RequestForm)[]).filter(
      (k) => JSON.stringify(form[k] ?? '') !== JSON.stringify(r[k] ?? ''),
    )
    const old = (k: keyof RequestForm) =>
      k === 'raisedBy' ? (r.raisedBy.kind === 'anonymous' ? '匿名' : r.raisedBy.name) : String(r[k] ?? '')
    await db.requestEvents.add(
      eventRow(r, by, { kind: 'edited', note: changed.map((k) => `原${FIELD_NAMES[k]}：${old(k)}`).join('；') }),
    )
  })
}

async function mustGet(id: string): Promise<Request> {
  const r = await db.requests.get(id)
  if (!r) throw new DomainError([problem('intake.errors.notFound')])
  return r
}

/** Moves a request along the status flow; refuses moves the flow forbids. */
export async function setStatus(id: string, status: RequestStatus, by: string, note?: string): Promise<void> {
  await db.transaction('rw', db.requests, db.requestEvents, async () => {
    const r = await mustGet(id)
    if (!canMove(r.status, status)) throw new DomainError([problem('intake.errors.badMove')])
    await db.requests.update(id, { status, updatedAt: nowIso() })
    await db.requestEvents.add(eventRow(r, by, { kind: 'status', status, note }))
  })
}

/** Records feedback given to the person who raised the request. */
export async function addFeedback(id: string, feedback: Feedback, by: string, closesLoop = false): Promise<void> {
  await db.transaction('rw', db.requests, db.requestEvents, async () => {
    const r = await mustGet(id)
    if (feedback.on < r.receivedOn) throw new DomainError([problem('intake.errors.beforeReceived')])
    await db.requestEvents.add(eventRow(r, by, { kind: 'feedback', feedback }))
    if (closesLoop) {
      await db.requests.update(id, { loopClosedOn: feedback.on, updatedAt: nowIso() })
      await db.requestEvents.add(eventRow(r, by, { kind: 'loopClosed', note: feedback.on }))
    }
  })
}

const STATUS_FOR: Record<TriageForm['decision'], RequestStatus> = {
  direct: 'inProgress',
  escalate: 'escalated',
  reject: 'rejected',
}

/**
 * Decides a request: handle directly, escalate, or reject. A rejection's
 * reason is also logged as feedback owed to the person who raised it.
 */
export async function triageRequest(id: string, form: TriageForm): Promise<void> {
  await db.transaction('rw', db.requests, db.requestEvents, async () => {
    const r = await mustGet(id)
    if (r.triage || r.topicId) throw new DomainError([problem('intake.errors.alreadyDecided')])
    if (form.decidedOn < r.receivedOn) throw new DomainError([problem('intake.errors.beforeReceived')])
    const status = STATUS_FOR[form.decision]
    const triage: Triage = {
      decision: form.decision,
      decidedOn: form.decidedOn,
      by: form.by,
      reason: form.reason || undefined,
      escalation: form.escalation,
    }
    await db.requests.update(id, { triage, status, updatedAt: nowIso() })
    await db.requestEvents.add(eventRow(r, form.by, { kind: 'triage', status, note: describeTriage(triage) }))
  })
}

function describeTriage(t: Triage): string {
  const parts = [t.decidedOn, t.reason, t.escalation && `→ ${t.escalation.to} (${t.escalation.sentOn})`]
  return parts.filter(Boolean).join(' · ')
}

/** Records the answer from the office a request was escalated to. */
export async function answerEscalation(id: string, answer: string, answeredOn: string, by: string): Promise<void> {
  await db.transaction('rw', db.requests, db.requestEvents, async () => {
    const r = await mustGet(id)
    const esc = r.triage?.escalation
    if (!r.triage || !esc) throw new DomainError([problem('intake.errors.notEscalated')])
    if (!answer.trim()) throw new DomainError([problem('validation.required')])
    if (answeredOn < esc.sentOn) throw new DomainError([problem('intake.errors.answerBeforeSent')])
    await db.requests.update(id, {
      triage: { ...r.triage, escalation: { ...esc, answer: answer.trim(), answeredOn } },
      updatedAt: nowIso(),
    })
    await db.requestEvents.add(eventRow(r, by, { kind: 'escalationAnswer', note: `${answeredOn} ${answer.trim()}` }))
  })
}

/** Every feedback given, per request, oldest first (for the ledger export). */
export async function feedbackByRequest(requestIds: string[]): Promise<Map<string, Feedback[]>> {
  const out = new Map<string, Feedback[]>()
  const events = await db.requestEvents.where('requestId').anyOf(requestIds).toArray()
  for (const e of events.sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.kind !== 'feedback' || !e.feedback) continue
    out.set(e.requestId, [...(out.get(e.requestId) ?? []), e.feedback])
  }
  return out
}

/**
 * Takes back a direct/escalate/reject decision made by mistake, as long as
 * nothing has happened since; the trail keeps both the decision and the undo.
 */
export async function undoTriage(id: string, by: string): Promise<void> {
  await db.transaction('rw', db.requests, db.requestEvents, async () => {
    const r = await mustGet(id)
    const t = r.triage
    if (!t || t.decision === 'topic' || r.status !== STATUS_FOR[t.decision])
      throw new DomainError([problem('intake.errors.cannotUndo')])
    await db.requests.update(id, { triage: undefined, status: 'open', updatedAt: nowIso() })
    await db.requestEvents.add(eventRow(r, by, { kind: 'status', status: 'open', note: `撤销“${describeTriage(t)}”` }))
  })
}

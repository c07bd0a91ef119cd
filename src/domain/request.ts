// Residents' requests (民情/诉求) before they become topics: the request ledger.
import { z } from 'zod'
import type { EscalationHop } from './escalation'
import type { Assignment } from './handler'
import type { RecordBase } from './ids'
import type { Satisfaction } from './loop'
import type { DisputeState, LogEntry } from './request-log'

/** 即办件 · 补办件 · 承诺件 · 建议件 · 上报件 */
export const HANDLING_TYPES = ['immediate', 'supplement', 'committed', 'suggestion', 'escalate'] as const
export type HandlingType = (typeof HANDLING_TYPES)[number]

export const REQUEST_STATUSES = [
  'open',
  'inProgress',
  'escalated',
  'rejected',
  'onAgenda',
  'resolved',
  'closed',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** Who raised it: someone on the roster, a name typed in, or nobody named. */
export type RaisedBy =
  { kind: 'person'; personId: string; name: string } | { kind: 'text'; name: string } | { kind: 'anonymous' }

/** How the person who raised a request is given on a form */
export const RAISED_KINDS = ['text', 'person', 'anonymous'] as const
export type RaisedKind = (typeof RAISED_KINDS)[number]

/** The word printed for nobody named, so a ledger file read back says the same. */
export const ANONYMOUS_NAME = '匿名'

/**
 * Whether a typed name names nobody: blank (spaces too), since many requests
 * come from people who give none, or the word 匿名 that ledgers print.
 */
export function isAnonymousName(name: string | undefined): boolean {
  const n = name?.trim() ?? ''
  return n === '' || n === ANONYMOUS_NAME
}

/**
 * Who raised it, from what was entered: a name that names nobody is
 * anonymous. A roster person keeps the name they have there; with nobody
 * picked the schema asks for one.
 */
export function raisedByFrom(entry: {
  kind: RaisedKind
  name?: string
  personId?: string
  personName?: string
}): RaisedBy {
  if (entry.kind === 'person') return { kind: 'person', personId: entry.personId ?? '', name: entry.personName ?? '' }
  if (entry.kind === 'anonymous' || isAnonymousName(entry.name)) return { kind: 'anonymous' }
  return { kind: 'text', name: entry.name!.trim() }
}

/** The name shown for whoever raised it; `anonymous` is the word for nobody named (匿名 in print). */
export function raisedByName(r: { raisedBy: RaisedBy }, anonymous: string): string {
  return r.raisedBy.kind === 'anonymous' ? anonymous : r.raisedBy.name
}

/** 入户 · 现场 · 网上 · 电话 · 书面 · 会议 */
export const FEEDBACK_METHODS = ['homeVisit', 'onSite', 'online', 'phone', 'letter', 'meeting'] as const
export type FeedbackMethod = (typeof FEEDBACK_METHODS)[number]

export interface Feedback {
  method: FeedbackMethod
  /** YYYY-MM-DD */
  on: string
  content: string
}

/** 直接办理 · 上报 · 不予采纳 · 列为议题 */
export type TriageDecision = 'direct' | 'escalate' | 'reject' | 'topic'

/** The single escalation of requests triaged before hops existed; new ones go to `Request.escalations`. */
export interface Escalation {
  /** The office it went to, e.g. 新华路街道城建办 */
  to: string
  level: 'street' | 'district' | 'department'
  sentOn: string
  answer?: string
  answeredOn?: string
}

export interface Triage {
  decision: TriageDecision
  decidedOn: string
  /** Who decided (a name) */
  by: string
  reason?: string
  escalation?: Escalation
}

/** What a request says, as registered in the ledger (反映人 aside, which is typed or in words) */
export interface RequestFacts {
  channel: string
  /** YYYY-MM-DD */
  receivedOn: string
  /** Building, compound or villager group */
  place?: string
  category: string
  description: string
}

export interface Request extends RecordBase, RequestFacts {
  raisedBy: RaisedBy
  handlingType: HandlingType
  /** YYYY-MM-DD, computed from the handling type's time limit */
  dueOn: string
  status: RequestStatus
  triage?: Triage
  /** The topic it was put on the agenda as (or merged into) */
  topicId?: string
  /** When the person who raised it was told the final outcome */
  loopClosedOn?: string
  /** 上报: every hop up the chain, oldest first (escalation.ts) */
  escalations?: EscalationHop[]
  /** 交办: every assignment to a handler, oldest first; the last is current (handler.ts) */
  assignments?: Assignment[]
  /** Dated entries of a long case: visits, talks, mediation sessions (request-log.ts) */
  log?: LogEntry[]
  /** Set once the request is a dispute (矛盾纠纷): its 化解 state */
  disputeState?: DisputeState
  /** YYYY-MM-DD the request was settled (办结日期); back-entered cases keep their real day */
  resolvedOn?: string
  /** The resident's satisfaction asked when the loop was closed (回访) */
  satisfaction?: Satisfaction
  /** Set when the request came from an imported ledger */
  importedFrom?: string
}

/** Every change to a request, with who and when: the ledger's trail. */
export interface RequestEvent extends RecordBase {
  requestId: string
  at: string
  by: string
  kind:
    | 'created'
    | 'edited'
    | 'status'
    | 'triage'
    | 'feedback'
    | 'escalated'
    | 'escalationAnswer'
    | 'assigned'
    | 'logged'
    | 'dispute'
    | 'merged'
    | 'loopClosed'
    | 'imported'
  status?: RequestStatus
  note?: string
  feedback?: Feedback
}

// ---- Forms: validated before anything is written; messages are i18n keys.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

export const raisedBySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: z.string().min(1, 'intake.errors.pickPerson'), name: z.string() }),
  z.object({ kind: z.literal('text'), name: text(40) }),
  z.object({ kind: z.literal('anonymous') }),
])

export const requestFormSchema = z
  .object({
    channel: text(40),
    receivedOn: day,
    raisedBy: raisedBySchema,
    place: z.string().trim().max(60, 'validation.tooLong').optional(),
    category: text(40),
    description: text(1000),
    handlingType: z.enum(HANDLING_TYPES),
    dueOn: day,
  })
  .refine((r) => r.dueOn >= r.receivedOn, { path: ['dueOn'], message: 'intake.errors.dueBeforeReceived' })
export type RequestForm = z.infer<typeof requestFormSchema>

export const feedbackSchema = z.object({ method: z.enum(FEEDBACK_METHODS), on: day, content: text(500) })

/** A triage decision other than "make it a topic" (that one creates a topic). */
export const triageSchema = z
  .object({
    decision: z.enum(['direct', 'escalate', 'reject']),
    decidedOn: day,
    by: text(40),
    reason: z.string().trim().max(500, 'validation.tooLong').optional(),
    escalation: z
      .object({
        to: text(60),
        level: z.enum(['street', 'district', 'department']),
        sentOn: day,
        contact: z.string().trim().max(40, 'validation.tooLong').optional(),
        /** The unit's deadline; the request's own when not given */
        dueOn: day.optional(),
      })
      .optional(),
  })
  .refine((t) => t.decision !== 'reject' || Boolean(t.reason), {
    path: ['reason'],
    message: 'intake.errors.rejectReason',
  })
  .refine((t) => t.decision !== 'escalate' || Boolean(t.escalation), {
    path: ['escalation.to'],
    message: 'intake.errors.escalateTo',
  })
export type TriageForm = z.infer<typeof triageSchema>

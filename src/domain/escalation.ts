// 上报: escalation as a chain of hops ("社区吹哨、部门报到"). Each hop is a
// plain, self-describing record (which request, from whom, to whom, when, why,
// by when, and each receiving unit's answer), so a street office can read it
// out of a report package without the app's other tables.
import { z } from 'zod'

/** 街道（联席会议） · 区县 · 职能部门 */
export const ESCALATION_LEVELS = ['street', 'district', 'department'] as const
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number]

/** One receiving unit on a hop (报到): its own deadline and its own answer. */
export interface EscalationLine {
  /** e.g. 新华路街道综治中心, 区住建局 */
  to: string
  /** The unit's contact person, from the department list */
  contact?: string
  /** YYYY-MM-DD */
  dueOn: string
  answer?: string
  answeredOn?: string
  /** Who recorded the answer */
  answeredBy?: string
}

export interface EscalationHop {
  id: string
  requestId: string
  /** Who sends it up: the community, or the body of the previous hop */
  from: string
  level: EscalationLevel
  /** YYYY-MM-DD, the day it was sent */
  at: string
  /** 事由 / why it goes up */
  reason: string
  /** 请求事项: what is asked of the receiving units */
  ask?: string
  by: string
  lines: EscalationLine[]
}

export type LineState = 'answered' | 'overdue' | 'pending'

export function lineState(line: EscalationLine, today: string): LineState {
  if (line.answeredOn) return 'answered'
  return line.dueOn < today ? 'overdue' : 'pending'
}

export function hopOverdue(hop: EscalationHop, today: string): boolean {
  return hop.lines.some((l) => lineState(l, today) === 'overdue')
}

/** Where the request is now: the units of the latest hop (已上报至 XX). */
export function whereNow(hops: readonly EscalationHop[]): string | undefined {
  const last = hops[hops.length - 1]
  return last ? last.lines.map((l) => l.to).join('、') : undefined
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .optional()
    .transform((v) => v || undefined)

export const hopSchema = z
  .object({
    from: text(60),
    level: z.enum(ESCALATION_LEVELS),
    at: day,
    reason: text(500),
    ask: optional(500),
    by: text(40),
    lines: z
      .array(z.object({ to: text(60), contact: optional(40), dueOn: day }))
      .min(1, 'intake.errors.escalateTo')
      .max(20, 'validation.tooLong'),
  })
  .refine((h) => h.lines.every((l) => l.dueOn >= h.at), {
    path: ['lines'],
    message: 'intake.errors.dueBeforeSent',
  })
  .refine((h) => new Set(h.lines.map((l) => l.to)).size === h.lines.length, {
    path: ['lines'],
    message: 'intake.errors.duplicateUnit',
  })
export type HopForm = z.infer<typeof hopSchema>

export const lineAnswerSchema = z.object({
  hopId: z.string().min(1),
  to: text(60),
  answer: text(1000),
  answeredOn: day,
  by: text(40),
})
export type LineAnswerForm = z.infer<typeof lineAnswerSchema>

/**
 * The problem with adding `hop` after `previous` on a request received on
 * `receivedOn`, if any: hops go forward in time, and a new hop waits until
 * the units of the previous one have answered (or it is sent the same day,
 * as when the joint meeting calls the departments in at once).
 */
export function hopProblem(hop: HopForm, receivedOn: string, previous?: EscalationHop): string | undefined {
  if (hop.at < receivedOn) return 'intake.errors.beforeReceived'
  if (previous && hop.at < previous.at) return 'intake.errors.hopBeforePrevious'
  return undefined
}

export function answerProblem(hop: EscalationHop, a: LineAnswerForm): string | undefined {
  const line = hop.lines.find((l) => l.to === a.to)
  if (!line) return 'intake.errors.notEscalated'
  if (line.answeredOn) return 'intake.errors.alreadyAnswered'
  if (a.answeredOn < hop.at) return 'intake.errors.answerBeforeSent'
  return undefined
}

/** The hop with `a`'s answer written onto its line. */
export function withAnswer(hop: EscalationHop, a: LineAnswerForm): EscalationHop {
  return {
    ...hop,
    lines: hop.lines.map((l) =>
      l.to === a.to ? { ...l, answer: a.answer, answeredOn: a.answeredOn, answeredBy: a.by } : l,
    ),
  }
}

/** A request's hops. Requests escalated before hops existed kept one escalation on their triage. */
export function hopsOf(r: {
  id: string
  escalations?: EscalationHop[]
  triage?: {
    by: string
    reason?: string
    escalation?: { to: string; level: EscalationLevel; sentOn: string; answer?: string; answeredOn?: string }
  }
  dueOn: string
}): EscalationHop[] {
  if (r.escalations?.length) return r.escalations
  const e = r.triage?.escalation
  if (!e) return []
  const line: EscalationLine = { to: e.to, dueOn: r.dueOn, answer: e.answer, answeredOn: e.answeredOn }
  return [
    {
      id: `${r.id}-1`,
      requestId: r.id,
      from: '',
      level: e.level,
      at: e.sentOn,
      reason: r.triage?.reason ?? '',
      by: r.triage!.by,
      lines: [line],
    },
  ]
}

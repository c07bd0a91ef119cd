// The dated log of a long case (disputes, 矛盾纠纷): visits, talks, mediation
// sessions, calls and site visits, each with who took part and the outcome;
// and the dispute register's 化解 states.
import { z } from 'zod'

/** 走访 · 谈话 · 调解 · 电话 · 实地察看 */
export const LOG_KINDS = ['visit', 'talk', 'mediation', 'phone', 'siteVisit'] as const
export type LogKind = (typeof LOG_KINDS)[number]

export interface LogEntry {
  id: string
  /** YYYY-MM-DD */
  on: string
  kind: LogKind
  /** Who took part, as written */
  participants: string
  outcome: string
  /** Who wrote it down */
  by: string
}

/**
 * A request is a dispute once it has a state: 排查 (registered), 调解中
 * (mediating), 已化解 (settled), 未化解 (unsettled, e.g. sent to court).
 */
export const DISPUTE_STATES = ['registered', 'mediating', 'settled', 'unsettled'] as const
export type DisputeState = (typeof DISPUTE_STATES)[number]

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

export const logEntrySchema = z.object({
  on: day,
  kind: z.enum(LOG_KINDS),
  participants: text(200),
  outcome: text(1000),
  by: text(40),
})

export const disputeStateSchema = z.object({ state: z.enum(DISPUTE_STATES), by: text(40) })

/** Entries oldest first; the same day keeps the order they were written. */
export function sortedLog(log: readonly LogEntry[] = []): LogEntry[] {
  return [...log].sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id))
}

/** 按期办结 / 超期办结 for a request with a resolution date. */
export function settlement(r: { dueOn: string; resolvedOn?: string }): 'onTime' | 'late' | undefined {
  if (!r.resolvedOn) return undefined
  return r.resolvedOn <= r.dueOn ? 'onTime' : 'late'
}

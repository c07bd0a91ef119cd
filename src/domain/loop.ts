// Closing the loop with the residents (答复 + 回访): one rule, whether it is
// done from the ledger drawer or from a meeting's follow-up page. Closing
// records who told them, how and when, and their satisfaction.
import { z } from 'zod'
import { FEEDBACK_METHODS, type Request, type RequestStatus } from './request'

/** 满意 · 基本满意 · 不满意 · 未联系上 */
export const SATISFACTIONS = ['satisfied', 'fair', 'dissatisfied', 'unreached'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

export const closeLoopSchema = z.object({
  method: z.enum(FEEDBACK_METHODS),
  on: day,
  content: text(500),
  /** Who told the residents */
  by: text(40),
  satisfaction: z.enum(SATISFACTIONS),
})
export type CloseLoopForm = z.infer<typeof closeLoopSchema>

/**
 * What closing the loop changes on a request, or the problem that stops it.
 * A rejected request is answered, not resolved: it keeps its status. Any
 * other request is resolved (on its resolution date if it has one, else on
 * the day the person was told) and closed.
 */
export function closingPatch(
  r: Pick<Request, 'status' | 'receivedOn' | 'resolvedOn' | 'loopClosedOn'>,
  form: CloseLoopForm,
  today: string,
): { problem: string; params?: Record<string, string> } | Partial<Request> {
  if (r.loopClosedOn) return { problem: 'intake.errors.loopAlreadyClosed' }
  if (form.on > today) return { problem: 'followup.errors.future' }
  if (form.on < r.receivedOn) return { problem: 'followup.errors.beforeRequest', params: { date: r.receivedOn } }
  const status: RequestStatus = r.status === 'rejected' ? 'rejected' : 'closed'
  return {
    status,
    loopClosedOn: form.on,
    satisfaction: form.satisfaction,
    resolvedOn: status === 'closed' ? (r.resolvedOn ?? form.on) : undefined,
  }
}

// 交办: every request has a named handler (承办人) with a due date. The
// request keeps every assignment, oldest first, so a reassignment never
// loses who had it before; the last one is the current handler.
import { z } from 'zod'

/** 社区工作者 · 网格员 · 单位 */
export const HANDLER_KINDS = ['staff', 'grid', 'unit'] as const
export type HandlerKind = (typeof HANDLER_KINDS)[number]

export interface Assignment {
  handler: string
  kind: HandlerKind
  /** YYYY-MM-DD: when it was handed over */
  assignedOn: string
  /** YYYY-MM-DD: when the handler must be done */
  dueOn: string
  /** Who handed it over */
  by: string
  note?: string
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

export const assignmentSchema = z
  .object({
    handler: text(40),
    kind: z.enum(HANDLER_KINDS),
    assignedOn: day,
    dueOn: day,
    by: text(40),
    note: z
      .string()
      .trim()
      .max(200, 'validation.tooLong')
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((a) => a.dueOn >= a.assignedOn, { path: ['dueOn'], message: 'intake.errors.dueBeforeAssigned' })

export function currentAssignment(r: { assignments?: Assignment[] }): Assignment | undefined {
  return r.assignments?.[r.assignments.length - 1]
}

export interface HandlerLoad {
  handler: string
  /** Requests the handler has that are not settled */
  open: number
  /** Of those, past the handler's due date */
  overdue: number
}

/**
 * Each current handler's open and overdue requests, busiest first. `settled`
 * says when nothing is pending any more (the ledger's own rule).
 */
export function handlerLoads<R extends { assignments?: Assignment[] }>(
  requests: readonly R[],
  settled: (r: R) => boolean,
  today: string,
): HandlerLoad[] {
  const map = new Map<string, HandlerLoad>()
  for (const r of requests) {
    const a = currentAssignment(r)
    if (!a) continue
    const load = map.get(a.handler) ?? { handler: a.handler, open: 0, overdue: 0 }
    if (!settled(r)) {
      load.open += 1
      if (a.dueOn < today) load.overdue += 1
    }
    map.set(a.handler, load)
  }
  return [...map.values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || a.handler.localeCompare(b.handler, 'zh-CN'),
  )
}

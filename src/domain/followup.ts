// 研究落实: the action item's status flow and the rules every change obeys.
// Pure: the repository reads the item, asks these functions, then writes.
import { addDays } from './calendar'
import { z } from 'zod'
import { DomainError, problem } from './problem'
import type { ActionItem, ActionStatus } from './resolution'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Statuses in which the owner is still working on the item. */
const WORKING: readonly ActionStatus[] = ['notStarted', 'inProgress', 'rework']
/** Statuses after the owner reported the work finished. */
const FINISHED: readonly ActionStatus[] = ['done', 'accepted', 'closed']

/** Days before the due date at which an item counts as due soon. */
export const DUE_SOON_DAYS = 7

export const progressSchema = z.object({
  on: z.string().regex(DATE, 'validation.date'),
  percent: z
    .number({ error: 'followup.errors.percent' })
    .int('validation.integer')
    .min(0, 'followup.errors.percent')
    .max(100, 'followup.errors.percent'),
  note: z.string().trim().min(1, 'followup.errors.noteRequired').max(500, 'validation.tooLong'),
  by: z.string().trim().min(1, 'followup.errors.byRequired').max(40, 'validation.tooLong'),
  photoIds: z.array(z.string()).default([]),
})

export const reportSchema = z.object({
  on: z.string().regex(DATE, 'validation.date'),
  by: z.string().trim().min(1, 'followup.errors.byRequired').max(40, 'validation.tooLong'),
  note: z.string().trim().max(500, 'validation.tooLong').default(''),
})

export const sendBackSchema = reportSchema.extend({
  note: z.string().trim().min(1, 'followup.errors.reasonRequired').max(500, 'validation.tooLong'),
})

/** What a person does to an item; each maps to at most one status change. */
export type ActionVerb = 'progress' | 'reportDone' | 'sendBack' | 'accept'

/**
 * The status after `verb`, or a DomainError saying why it is not allowed now.
 * Evaluation moves accepted items on; see evaluation.ts.
 */
export function nextStatus(status: ActionStatus, verb: ActionVerb): ActionStatus {
  switch (verb) {
    case 'progress':
      if (WORKING.includes(status)) return 'inProgress'
      throw new DomainError([problem('followup.errors.notWorking', { status })])
    case 'reportDone':
      if (WORKING.includes(status)) return 'done'
      throw new DomainError([problem('followup.errors.notWorking', { status })])
    case 'sendBack':
    case 'accept':
      if (status === 'done') return verb === 'accept' ? 'accepted' : 'inProgress'
      throw new DomainError([problem('followup.errors.notReported')])
  }
}

/**
 * A date on an item must lie between the resolution that created it and today:
 * a progress entry dated before the decision is a typing slip.
 */
export function checkDate(on: string, resolvedOn: string, today: string): void {
  if (on < resolvedOn) throw new DomainError([problem('followup.errors.beforeResolution', { date: resolvedOn })])
  if (on > today) throw new DomainError([problem('followup.errors.future')])
}

export function isFinished(status: ActionStatus): boolean {
  return FINISHED.includes(status)
}

/** Not reported done and past its due date. */
export function isOverdue(item: Pick<ActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return !isFinished(item.status) && item.dueOn < today
}

/** Not reported done and due within DUE_SOON_DAYS (but not yet overdue). */
export function isDueSoon(item: Pick<ActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return !isFinished(item.status) && item.dueOn >= today && item.dueOn <= addDays(today, DUE_SOON_DAYS)
}

/** Reported done by its due date (the last report counts: a sent-back item is not done). */
export function isOnTime(item: Pick<ActionItem, 'doneOn' | 'dueOn'>): boolean {
  return Boolean(item.doneOn && item.doneOn <= item.dueOn)
}

export interface BoardFilter {
  owner?: string
  supervisor?: string
  status?: ActionStatus
  /** 'overdue' | 'dueSoon': only those; otherwise a latest due date */
  due?: 'overdue' | 'dueSoon'
  dueBy?: string
  meetingId?: string
}

/** The board's filter, applied in memory (a community has hundreds of items, not millions). */
export function filterItems<T extends ActionItem>(items: T[], f: BoardFilter, today: string): T[] {
  return items
    .filter((i) => !f.owner || i.owner === f.owner)
    .filter((i) => !f.supervisor || i.supervisor === f.supervisor)
    .filter((i) => !f.status || i.status === f.status)
    .filter((i) => !f.meetingId || i.meetingId === f.meetingId)
    .filter((i) => (f.due === 'overdue' ? isOverdue(i, today) : f.due === 'dueSoon' ? isDueSoon(i, today) : true))
    .filter((i) => !f.dueBy || i.dueOn <= f.dueBy)
    .sort((a, b) => Number(isOverdue(b, today)) - Number(isOverdue(a, today)) || a.dueOn.localeCompare(b.dueOn))
}

/**
 * 上次议定事项落实情况: items decided at earlier meetings that are not closed
 * yet, overdue first. They open the next meeting's agenda and its minutes.
 */
export function carryOver<T extends ActionItem>(items: T[], meetingId: string, today: string): T[] {
  return filterItems(
    items.filter((i) => i.meetingId !== meetingId && i.status !== 'closed'),
    {},
    today,
  )
}

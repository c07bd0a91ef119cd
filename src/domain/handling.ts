// Handling types and their deadlines, counted in working days: weekends and
// official holidays are skipped, make-up working days (调休) count, and so do
// the days the community adds in settings.
import { addWorkingDays, workingDaysBetween, type CalendarAdditions } from './calendar'
import { HANDLING_TYPES, type HandlingType, type RequestStatus } from './request'

/** Working days allowed per handling type (settings may override). */
export const DEFAULT_HANDLING_DAYS: Record<HandlingType, number> = {
  // 即办件 is done at once: due the day it comes in
  immediate: 0,
  supplement: 5,
  committed: 15,
  suggestion: 20,
  escalate: 10,
}

/** The five handling types' standard names (domain.md). */
export const DEFAULT_HANDLING_NAMES: Record<HandlingType, string> = {
  immediate: '即办件',
  supplement: '补办件',
  committed: '承诺件',
  suggestion: '建议件',
  escalate: '上报件',
}

/**
 * The names a community prints for the handling types: each type keeps its
 * meaning (its deadline, escalation, becoming a topic), only its name may be
 * the local one (Kenli: 即办件、待办件、上报件). Blank = the standard name.
 */
export function handlingNames(custom: Partial<Record<HandlingType, string>> | undefined): Record<HandlingType, string> {
  const names = { ...DEFAULT_HANDLING_NAMES }
  for (const h of HANDLING_TYPES) {
    const name = custom?.[h]?.trim()
    if (name) names[h] = name
  }
  return names
}

/** A request is "due soon" this many working days before its due date. */
export const DUE_SOON_DAYS = 2

export function dueDateFor(
  type: HandlingType,
  receivedOn: string,
  limits: Partial<Record<HandlingType, number>> = {},
  holidays: readonly string[] | CalendarAdditions = [],
): string {
  return addWorkingDays(receivedOn, limits[type] ?? DEFAULT_HANDLING_DAYS[type], holidays)
}

/** Statuses where nothing is pending any more, so no deadline applies. */
const SETTLED: readonly RequestStatus[] = ['rejected', 'resolved', 'closed']

export type DueState = 'overdue' | 'dueSoon' | 'onTime' | 'settled'

/**
 * Whether a request is overdue, due within DUE_SOON_DAYS working days, or on
 * time, counted by the one calendar with the secretary's added holidays and
 * make-up working days (workingCalendar(community)).
 */
export function dueState(
  dueOn: string,
  status: RequestStatus,
  today: string,
  calendar: CalendarAdditions = {},
): DueState {
  if (SETTLED.includes(status)) return 'settled'
  if (dueOn < today) return 'overdue'
  return workingDaysBetween(today, dueOn, calendar) <= DUE_SOON_DAYS ? 'dueSoon' : 'onTime'
}

/** Which statuses a request may move to next (the ledger's status flow). */
export const STATUS_FLOW: Record<RequestStatus, readonly RequestStatus[]> = {
  open: ['inProgress', 'escalated', 'rejected', 'onAgenda', 'resolved'],
  inProgress: ['resolved', 'escalated', 'onAgenda', 'rejected'],
  escalated: ['inProgress', 'resolved'],
  rejected: ['closed'],
  onAgenda: ['resolved'],
  resolved: ['closed'],
  closed: [],
}

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return STATUS_FLOW[from].includes(to)
}

export { HANDLING_TYPES }

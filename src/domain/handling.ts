// Handling types and their deadlines, counted in working days: weekends are
// skipped, and so are the public holidays the community lists in settings.
import { HANDLING_TYPES, type HandlingType, type RequestStatus } from './request'

/** Working days allowed per handling type (settings may override). */
export const DEFAULT_HANDLING_DAYS: Record<HandlingType, number> = {
  immediate: 1,
  supplement: 5,
  committed: 15,
  suggestion: 20,
  escalate: 10,
}

/** A request is "due soon" this many working days before its due date. */
export const DUE_SOON_DAYS = 2

const DAY_MS = 86_400_000

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d)
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function isWorkingDay(date: string, holidays: readonly string[] = []): boolean {
  const dow = new Date(toUtc(date)).getUTCDay()
  return dow !== 0 && dow !== 6 && !holidays.includes(date)
}

/** The date `days` working days after `from` (YYYY-MM-DD). */
export function addWorkingDays(from: string, days: number, holidays: readonly string[] = []): string {
  let ms = toUtc(from)
  let left = days
  while (left > 0) {
    ms += DAY_MS
    if (isWorkingDay(fromUtc(ms), holidays)) left -= 1
  }
  return fromUtc(ms)
}

/** Working days from `from` to `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string, holidays: readonly string[] = []): number {
  if (from === to) return 0
  const sign = to > from ? 1 : -1
  let ms = toUtc(from)
  let n = 0
  while (fromUtc(ms) !== to) {
    ms += sign * DAY_MS
    if (isWorkingDay(fromUtc(ms), holidays)) n += sign
  }
  return n
}

export function dueDateFor(
  type: HandlingType,
  receivedOn: string,
  limits: Partial<Record<HandlingType, number>> = {},
  holidays: readonly string[] = [],
): string {
  return addWorkingDays(receivedOn, limits[type] ?? DEFAULT_HANDLING_DAYS[type], holidays)
}

/** Statuses where nothing is pending any more, so no deadline applies. */
const SETTLED: readonly RequestStatus[] = ['rejected', 'resolved', 'closed']

export type DueState = 'overdue' | 'dueSoon' | 'onTime' | 'settled'

export function dueState(
  dueOn: string,
  status: RequestStatus,
  today: string,
  holidays: readonly string[] = [],
): DueState {
  if (SETTLED.includes(status)) return 'settled'
  if (dueOn < today) return 'overdue'
  return workingDaysBetween(today, dueOn, holidays) <= DUE_SOON_DAYS ? 'dueSoon' : 'onTime'
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

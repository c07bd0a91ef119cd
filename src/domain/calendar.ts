// The one calendar and the one clock. A calendar day is the day on the wall
// where the app runs (Asia/Shanghai in practice), never the UTC day that
// toISOString() gives: before 08:00 in China that is still yesterday.

import chineseDays from 'chinese-days/dist/chinese-days.json'

/** Where "now" comes from; tests and benchmarks swap it with setClock. */
export interface Clock {
  now(): Date
}

const systemClock: Clock = { now: () => new Date() }
let current: Clock = systemClock

/** Replaces the clock (tests); call with no argument to go back to the system clock. */
export function setClock(clock?: Clock): void {
  current = clock ?? systemClock
}

/** The current instant from the injectable clock. */
export function now(): Date {
  return current.now()
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** The local wall-clock time (HH:mm) of an instant. */
export function localTime(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/**
 * The UTC calendar day of an instant. Only for dates that are UTC midnights by
 * convention (spreadsheet cells read by exceljs); never for "today".
 */
export function utcDay(at: Date): string {
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
}

/** Today's local calendar day. */
export function today(): string {
  return localDay(now())
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-45 are not). */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

// Day arithmetic is done on UTC midnights so no time zone or DST shift can move a day.
function toUtc(day: string): number {
  const m = DAY.exec(day)
  if (!m) throw new RangeError(`not a calendar day: ${day}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

function fromUtc(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The calendar day n days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * 86_400_000)
}

/** The last day of a period of `days` days starting on `startsOn` (both counted): a notice's 公示期. */
export function periodEnd(startsOn: string, days: number): string {
  return addDays(startsOn, days - 1)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000)
}

// Working days. China moves working days around its holidays (调休): a
// Sunday can be a working day and a Wednesday a holiday. The State Council's
// calendar comes from the maintained `chinese-days` data (one lookup table, no
// time zone involved); the secretary adds days for years it does not know yet.

/** Days the secretary adds in settings: extra holidays, and make-up working days (调休上班). */
export interface CalendarAdditions {
  holidays?: readonly string[]
  workdays?: readonly string[]
}

const OFFICIAL_HOLIDAYS: Readonly<Record<string, string>> = chineseDays.holidays
const OFFICIAL_WORKDAYS: Readonly<Record<string, string>> = chineseDays.workdays
const KNOWN_YEARS = new Set(Object.keys(OFFICIAL_HOLIDAYS).map((d) => Number(d.slice(0, 4))))

/** Whether the holiday data knows the official calendar of `year` (later years need days added by hand). */
export function knowsYear(year: number): boolean {
  return KNOWN_YEARS.has(year)
}

/** Older callers pass a plain list of added holidays. */
function additions(added: readonly string[] | CalendarAdditions): CalendarAdditions {
  return Array.isArray(added) ? { holidays: added as readonly string[] } : (added as CalendarAdditions)
}

/** A working day: the secretary's additions first, then the official calendar, then Monday to Friday. */
export function isWorkingDay(day: string, added: readonly string[] | CalendarAdditions = {}): boolean {
  const a = additions(added)
  if (a.workdays?.includes(day)) return true
  if (a.holidays?.includes(day)) return false
  if (day in OFFICIAL_WORKDAYS) return true
  if (day in OFFICIAL_HOLIDAYS) return false
  const dow = new Date(toUtc(day)).getUTCDay()
  return dow !== 0 && dow !== 6
}

/** The day `n` working days after `day`; 0 is the same day (即办件 is due the day it comes in). */
export function addWorkingDays(day: string, n: number, added: readonly string[] | CalendarAdditions = {}): string {
  let at = day
  let left = n
  while (left > 0) {
    at = addDays(at, 1)
    if (isWorkingDay(at, added)) left -= 1
  }
  return at
}

/** Working days from `from` to `to`, counting `to` but not `from` (negative when `to` is earlier). */
export function workingDaysBetween(
  from: string,
  to: string,
  added: readonly string[] | CalendarAdditions = {},
): number {
  const sign = to >= from ? 1 : -1
  let at = from
  let n = 0
  while (at !== to) {
    at = addDays(at, sign)
    if (isWorkingDay(at, added)) n += sign
  }
  return n
}

const TYPED = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})\s*$/

/**
 * Reads a day as people type it (2026-12-10, 2026/12/1, 2026.12.1, 2026年12月1日, 20261201).
 * Returns the YYYY-MM-DD day, or undefined when it is not a real day: 2026/13/45 is refused,
 * never rolled over into 2027-02-14.
 */
export function readTypedDay(text: string): string | undefined {
  const m = TYPED.exec(text) ?? COMPACT.exec(text)
  if (!m) return undefined
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isCalendarDay(day) ? day : undefined
}

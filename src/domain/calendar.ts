// The one calendar and the one clock. A calendar day is the day on the wall
// where the app runs (Asia/Shanghai in practice), never the UTC day that
// toISOString() gives: before 08:00 in China that is still yesterday.

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

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000)
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

// The one calendar: local days, the injectable clock, and working days with
// China's make-up working days (调休) from the official calendar.
import { afterEach, describe, expect, it } from 'vitest'
import {
  addDays,
  addWorkingDays,
  daysBetween,
  isWorkingDay,
  knowsYear,
  localDay,
  setClock,
  today,
  workingDaysBetween,
} from '@/domain/calendar'
import { dueDateFor } from '@/domain/handling'

afterEach(() => setClock())

describe('working days', () => {
  it.each([
    // day, working — 2025 National Day: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked
    ['2025-09-26', true],
    ['2025-09-27', false],
    ['2025-09-28', true],
    ['2025-10-01', false],
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true],
    ['2025-10-12', false],
    ['2026-02-14', true], // 2026 Spring Festival make-up Saturday
    ['2026-02-16', false],
  ])('%s working: %s', (day, working) => {
    expect(isWorkingDay(day)).toBe(working)
  })

  it.each([
    // type, received, due
    ['supplement', '2025-09-26', '2025-10-10'], // 补办件 5 working days from Friday 2025-09-26
    ['immediate', '2025-09-26', '2025-09-26'], // 即办件 the same day
    ['committed', '2025-09-26', '2025-10-23'], // 15 working days, Saturday 10-11 among them
  ] as const)('%s received %s is due %s', (type, received, due) => {
    expect(dueDateFor(type, received)).toBe(due)
  })

  it('counts the days the secretary adds for a year the library does not know yet', () => {
    expect(knowsYear(2025)).toBe(true)
    expect(knowsYear(2099)).toBe(false)
    const added = { holidays: ['2099-10-01', '2099-10-02'], workdays: ['2099-10-03'] } // 10-03 is a Saturday
    expect(isWorkingDay('2099-10-01', added)).toBe(false)
    expect(isWorkingDay('2099-10-03', added)).toBe(true)
    expect(addWorkingDays('2099-09-30', 1, added)).toBe('2099-10-03')
    expect(workingDaysBetween('2099-09-30', '2099-10-05', added)).toBe(2)
  })

  it('counts working days between, either way', () => {
    expect(workingDaysBetween('2025-09-26', '2025-10-10')).toBe(5)
    expect(workingDaysBetween('2025-10-10', '2025-09-26')).toBe(-5)
  })
})

describe('local day and clock', () => {
  it('at 07:30 Beijing time it is already today, though the UTC day is yesterday', () => {
    // 2025-10-09 07:30 +08:00 is 2025-10-08 23:30 UTC
    const tz = process.env.TZ
    process.env.TZ = 'Asia/Shanghai' // Node re-reads the zone when TZ changes
    try {
      const at = new Date('2025-10-08T23:30:00Z')
      setClock({ now: () => at })
      expect(at.getTimezoneOffset()).toBe(-480)
      expect(today()).toBe('2025-10-09')
      expect(localDay(at)).toBe('2025-10-09')
    } finally {
      if (tz === undefined) delete process.env.TZ
      else process.env.TZ = tz
    }
  })
  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(daysBetween('2025-09-26', '2025-10-10')).toBe(14)
  })
})

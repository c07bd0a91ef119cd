import { describe, expect, it } from 'vitest'
import { readTypedDay } from '@/domain/calendar'
import { meetingBasicsSchema, newMeetingSchema, sealBlockers } from '@/domain/meeting'

describe('typed days are read as written, impossible ones refused', () => {
  it.each([
    ['2026-12-10', '2026-12-10'],
    ['2026/12/1', '2026-12-01'],
    ['2026.1.9', '2026-01-09'],
    ['2026年12月1日', '2026-12-01'],
    ['20261201', '2026-12-01'],
    ['2028-02-29', '2028-02-29'],
    ['2026/13/45', undefined],
    ['2026-02-29', undefined],
    ['2026-04-31', undefined],
    ['2026-00-10', undefined],
    ['12/10', undefined],
    ['下周三', undefined],
  ])('%s → %s', (text, day) => {
    expect(readTypedDay(text)).toBe(day)
  })
})

describe('meeting dates and times must be real', () => {
  it('a new meeting on 2026-02-30 is refused', () => {
    const r = newMeetingSchema.safeParse({ title: '议事会', type: 'redBench', date: '2026-02-30' })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('validation.calendarDay')
  })
  it.each([
    [{ date: '2026-13-45' }, 'validation.calendarDay'],
    [{ startTime: '25:00' }, 'validation.time'],
    [{ startTime: '9:30' }, 'validation.time'],
  ])('basics %o → %s', (bad, key) => {
    const r = meetingBasicsSchema.safeParse({ title: '议事会', type: 'redBench', ...bad })
    expect(r.error?.issues[0]?.message).toBe(key)
  })
  it('a full header with one person present may be sealed', () => {
    const m = { date: '2026-12-10', startTime: '14:30', place: '议事厅', chairId: 'a', recorderId: 'b' }
    expect(sealBlockers(m, [{ state: 'absent' }, { state: 'present' }])).toEqual([])
    expect(sealBlockers({ ...m, date: '2026-02-30' }, [{ state: 'present' }]).map((p) => p.key)).toEqual([
      'guard.noDate',
    ])
  })
})

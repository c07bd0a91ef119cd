import { describe, expect, it } from 'vitest'
import { agendaClock } from '@/domain/meeting'

describe('agenda clock times on the projector', () => {
  it.each([
    ['14:30', [20, 30, 15], ['14:30', '14:50', '15:20']],
    ['19:00', [45, 30], ['19:00', '19:45']],
    ['23:40', [30, 10], ['23:40', '00:10']],
    ['9:05', [10, undefined, 20], ['09:05', '09:15', undefined]],
    ['14:30', [undefined, 20], ['14:30', undefined]],
    [undefined, [20, 30], [undefined, undefined]],
  ])('from %s with %j minutes: %j', (start, minutes, times) => {
    expect(agendaClock(start, minutes)).toEqual(times)
  })
})

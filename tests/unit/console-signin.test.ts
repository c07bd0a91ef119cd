import { describe, expect, it } from 'vitest'
import { sheetOrder, signInCounts, type Attendance } from '@/domain/attendance'
import { findRows, nameMatches } from '@/views/deliberation/signInSearch'

describe('sign-in search by name or pinyin initials', () => {
  it.each([
    ['王建国', 'wj', true],
    ['王建国', 'WJG', true],
    ['王建国', 'wangj', true],
    ['王建国', '建国', true],
    ['王建国', 'jg', false],
    ['单志强', 'sz', true],
    ['吴赟', 'wy', true],
    ['李喆', 'lz', true],
    ['李喆', '', false],
  ])('%s ← %s: %s', (name, q, hit) => {
    expect(nameMatches(name, q)).toBe(hit)
  })
  it('keeps sheet order so Enter marks the first listed', () => {
    expect(findRows([{ name: '王秀英' }, { name: '吴建国' }, { name: '王建国' }], 'w').map((r) => r.name)).toEqual([
      '王秀英',
      '吴建国',
      '王建国',
    ])
  })
})

const row = (over: Partial<Attendance>): Attendance => ({
  id: over.name ?? 'x',
  communityId: 'c',
  createdAt: '2026-12-10T06:00:00Z',
  updatedAt: '2026-12-10T06:00:00Z',
  meetingId: 'm',
  name: 'x',
  meetingRole: 'voting',
  state: 'pending',
  walkIn: false,
  ...over,
})

describe('the sign-in sheet', () => {
  it('lists the chair and the recorder first, walk-ins last', () => {
    const rows = [
      row({ name: 'a', createdAt: '1' }),
      row({ name: 'w', walkIn: true, createdAt: '0' }),
      row({ name: 'r', meetingRole: 'recorder', createdAt: '3' }),
      row({ name: 'c', meetingRole: 'chair', createdAt: '4' }),
    ]
    expect(sheetOrder(rows).map((r) => r.name)).toEqual(['c', 'r', 'a', 'w'])
  })
  it('counts in one explained line: 实到 25 人，有表决权 23；列席 2；请假 1', () => {
    const rows = [
      ...Array.from({ length: 23 }, (_, i) => row({ name: `v${i}`, state: 'present' })),
      row({ name: 'n1', state: 'present', meetingRole: 'nonVoting', walkIn: true }),
      row({ name: 'n2', state: 'present', meetingRole: 'stakeholder', walkIn: true }),
      row({ name: 'l', state: 'leave' }),
      row({ name: 'o', state: 'written' }),
      row({ name: 'p1' }),
      row({ name: 'p2' }),
      row({ name: 'x', state: 'absent' }),
    ]
    expect(signInCounts(rows)).toEqual({
      expected: 28,
      present: 25,
      presentVoting: 23,
      presentNonVoting: 2,
      leave: 1,
      written: 1,
      absent: 1,
      pending: 2,
    })
  })
})

import { describe, expect, it } from 'vitest'
import { expectedList } from '@/domain/attendance'
import { clock, nextWaiting, secondsLeft, timeByRole } from '@/domain/speakers'

describe('speakers list', () => {
  it('counts down to the stored end and shows over-time with a minus', () => {
    const end = '2026-12-10T10:05:00.000Z'
    expect(clock(secondsLeft(end, Date.parse('2026-12-10T10:02:00.000Z')))).toBe('03:00')
    expect(clock(secondsLeft(end, Date.parse('2026-12-10T10:05:12.000Z')))).toBe('−00:12')
  })
  it('sums speaking time per role, largest first, counting zero-length turns', () => {
    const spoken = [
      { role: '居民代表', spokeSeconds: 120 },
      { role: '物业企业代表', spokeSeconds: 200 },
      { role: '居民代表', spokeSeconds: 100 },
      { role: '专家', spokeSeconds: 0 },
      { role: '专家' },
    ]
    expect(timeByRole(spoken)).toEqual([
      { role: '居民代表', seconds: 220 },
      { role: '物业企业代表', seconds: 200 },
      { role: '专家', seconds: 0 },
    ])
  })
  it('the next speaker is the first waiting one in order', () => {
    const list = [
      { id: 'a', status: 'done' as const, order: 1 },
      { id: 'b', status: 'waiting' as const, order: 3 },
      { id: 'c', status: 'waiting' as const, order: 2 },
    ]
    expect(nextWaiting(list)?.id).toBe('c')
    expect(nextWaiting([])).toBeUndefined()
  })
})

describe('expected sign-in list', () => {
  const roleName = (id: string | undefined) => (id === 'r1' ? '居民代表' : undefined)
  it('comes from the invitations when there are any', () => {
    const list = expectedList(
      { chairId: 'p1' },
      [{ id: 'x', personId: 'p1', name: '王建国', meetingRole: 'voting', partyRoleId: 'r1' }],
      [{ id: 'p9', name: '别人', roleIds: [] }],
      roleName,
    )
    expect(list).toEqual([
      { participantId: 'x', personId: 'p1', name: '王建国', partyRole: '居民代表', meetingRole: 'chair' },
    ])
  })
  it('otherwise from the body’s members, with the recorder marked', () => {
    const list = expectedList(
      { recorderId: 'p2' },
      [],
      [
        { id: 'p1', name: '甲', roleIds: ['r1'] },
        { id: 'p2', name: '乙', roleIds: [] },
      ],
      roleName,
    )
    expect(list.map((r) => [r.name, r.meetingRole, r.partyRole])).toEqual([
      ['甲', 'voting', '居民代表'],
      ['乙', 'recorder', undefined],
    ])
  })
})

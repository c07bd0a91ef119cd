// Roles a roster file names that the community's preset lacks: imported with a warning,
// added to the preset on confirmation, and nothing changes when the import is refused.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/schema'
import { rolePresets, saveCommunity } from '@/db/community.repo'
import { importPeople, listPeople } from '@/db/people.repo'
import type { CommunitySettings } from '@/domain/community'
import { PRESET_KENLI } from '@/domain/roles'
import { presetWithRoles, validateRosterRows } from '@/domain/roster-import'

const settings: CommunitySettings = {
  name: '新华路社区',
  kind: 'community',
  partyOrg: '新华路社区党委',
  superior: '城关街道',
  rolePresetId: PRESET_KENLI.id,
  noticePeriodDays: 7,
  deliberationDay: 15,
  satisfactionThreshold: 0.8,
  evaluationScale: 'three',
  minEvaluators: 5,
}

const headers = ['姓名', '角色', '电话']
const rows = [
  { 姓名: '张建国', 角色: '居民代表、楼长', 电话: '13800138000' },
  { 姓名: '李秀英', 角色: '网格员', 电话: '' },
  { 姓名: '王海', 角色: '楼长', 电话: '' },
]
let n = 0
const ids = () => `role-${++n}`

beforeEach(async () => {
  n = 0
  await Promise.all(db.tables.map((t) => t.clear()))
})

describe('roles not in the preset', () => {
  it('are listed once each, not refused', () => {
    const r = validateRosterRows(headers, rows, PRESET_KENLI)
    expect(r.ok).toBe(true)
    expect(r.ok && r.unknownRoles).toEqual(['楼长', '网格员'])
  })

  it('a file whose roles are all known has none', () => {
    const r = validateRosterRows(
      headers,
      [rows[0]!].map((x) => ({ ...x, 角色: '居民代表' })),
      PRESET_KENLI,
    )
    expect(r.ok && r.unknownRoles).toEqual([])
  })

  it('a bad row still refuses the whole file', () => {
    const r = validateRosterRows(headers, [...rows, { 姓名: '赵', 角色: '楼长', 电话: '138' }], PRESET_KENLI)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.rows.map((p) => [p.row, p.problem.key])).toEqual([[5, 'roster.import.badPhone']])
  })

  it('are added to a copy of a built-in preset, which stays untouched', () => {
    const before = PRESET_KENLI.roles.length
    const preset = presetWithRoles(PRESET_KENLI, ['楼长', '网格员'], ids, 'c1', 'own')
    expect(PRESET_KENLI.roles).toHaveLength(before)
    expect(preset).toMatchObject({ id: 'own', communityId: 'c1', builtIn: false })
    expect(preset.roles.slice(before)).toEqual([
      { id: 'role-1', name: '楼长', kind: 'fixed' },
      { id: 'role-2', name: '网格员', kind: 'fixed' },
    ])
    const again = validateRosterRows(headers, rows, preset)
    expect(again.ok && again.unknownRoles).toEqual([])
    expect(again.ok && again.people.map((p) => p.roleIds)).toEqual([['resident-rep', 'role-1'], ['role-2'], ['role-1']])
  })

  it('an own preset is extended in place, keeping its id', () => {
    const own = presetWithRoles(PRESET_KENLI, [], ids, 'c1', 'own')
    const more = presetWithRoles(own, ['楼长', '楼长'], ids, 'c1', 'other')
    expect(more.id).toBe('own')
    expect(more.roles.filter((r) => r.name === '楼长')).toHaveLength(1)
    expect(own.roles).toHaveLength(PRESET_KENLI.roles.length)
  })

  it('on confirmation the preset and the people are saved together, and the community uses the preset', async () => {
    const c = await saveCommunity(settings)
    const preset = presetWithRoles(PRESET_KENLI, ['楼长', '网格员'], ids, c.id, 'own')
    const r = validateRosterRows(headers, rows, preset)
    if (!r.ok) throw new Error('expected ok')
    expect(await importPeople(c.id, r.people, preset)).toBe(3)
    expect((await db.communities.get(c.id))?.rolePresetId).toBe('own')
    const saved = (await rolePresets(c.id)).find((p) => p.id === 'own')
    expect(saved?.roles.map((x) => x.name)).toContain('网格员')
    expect((await listPeople(c.id)).map((p) => p.name).sort()).toEqual(['张建国', '李秀英', '王海'].sort())
  })

  it('a refused import changes neither the preset nor the roster', async () => {
    const c = await saveCommunity(settings)
    const preset = presetWithRoles(PRESET_KENLI, ['楼长'], ids, c.id, 'own')
    await expect(importPeople(c.id, [{ name: '', roleIds: ['role-1'] }], preset)).rejects.toThrow()
    // A failure inside the transaction, after the preset was written, rolls it back too.
    const spy = vi.spyOn(db.people, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'))
    await expect(importPeople(c.id, [{ name: '王海', roleIds: ['role-1'] }], preset)).rejects.toThrow('disk full')
    spy.mockRestore()
    expect(await db.rolePresets.count()).toBe(0)
    expect((await db.communities.get(c.id))?.rolePresetId).toBe(PRESET_KENLI.id)
    expect(await db.people.count()).toBe(0)
  })
})

// The role-preset screen's rules: add, rename, retire and restore roles; a role
// someone holds is retired, never deleted, and keeps its name on old records.
// The first edit of a built-in preset gives the community its own copy.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { rolePresets, saveCommunity } from '@/db/community.repo'
import { changeRolePreset } from '@/db/role-presets.repo'
import { savePerson } from '@/db/people.repo'
import type { CommunitySettings } from '@/domain/community'
import { DomainError } from '@/domain/problem'
import { activeRoles, changeRoles, PRESET_KENLI, type RoleChange } from '@/domain/roles'

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
let n = 0
const ids = () => `role-${++n}`
const keys = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((p) => p.key)
    throw e
  }
  return []
}
const keysAsync = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((x) => x.key)
    throw e
  }
  return []
}

beforeEach(async () => {
  n = 0
  await Promise.all(db.tables.map((t) => t.clear()))
})

describe('changeRoles (pure)', () => {
  const none = new Set<string>()
  it.each<[string, RoleChange, string[]]>([
    ['adds a standing role', { op: 'add', name: '楼长', kind: 'fixed' }, []],
    [
      'refuses a name the preset has',
      { op: 'add', name: '居民代表', kind: 'fixed' },
      ['settings.roles.error.duplicate'],
    ],
    [
      'refuses a name the preset has, quotes aside',
      { op: 'add', name: '两委成员', kind: 'fixed' },
      ['settings.roles.error.duplicate'],
    ],
    ['renames a role', { op: 'rename', roleId: 'resident-rep', name: '居民代表（楼栋长）' }, []],
    [
      'refuses a rename onto another role',
      { op: 'rename', roleId: 'resident-rep', name: '业委会代表' },
      ['settings.roles.error.duplicate'],
    ],
    ['keeps a role’s own name on rename', { op: 'rename', roleId: 'resident-rep', name: '居民代表' }, []],
    ['retires a role', { op: 'retire', roleId: 'co-building-unit' }, []],
    ['deletes a role nobody holds', { op: 'delete', roleId: 'co-building-unit' }, []],
    ['refuses an unknown role', { op: 'retire', roleId: 'nope' }, ['settings.roles.error.notFound']],
  ])('%s', (_, change, expected) => {
    expect(keys(() => changeRoles(PRESET_KENLI, change, none, ids))).toEqual(expected)
  })

  it('a role in use is retired, not deleted, and stays in the preset by its name', () => {
    const used = new Set(['resident-rep'])
    expect(keys(() => changeRoles(PRESET_KENLI, { op: 'delete', roleId: 'resident-rep' }, used, ids))).toEqual([
      'settings.roles.error.inUse',
    ])
    const retired = changeRoles(PRESET_KENLI, { op: 'retire', roleId: 'resident-rep' }, used, ids)
    expect(retired.roles.find((r) => r.id === 'resident-rep')).toMatchObject({ name: '居民代表', retired: true })
    expect(activeRoles(retired).map((r) => r.name)).not.toContain('居民代表')
    const restored = changeRoles(retired, { op: 'restore', roleId: 'resident-rep' }, used, ids)
    expect(activeRoles(restored).map((r) => r.name)).toContain('居民代表')
  })

  it('never changes the preset it was given', () => {
    const before = JSON.stringify(PRESET_KENLI)
    changeRoles(PRESET_KENLI, { op: 'rename', roleId: 'resident-rep', name: '楼栋长' }, new Set(), ids)
    changeRoles(PRESET_KENLI, { op: 'retire', roleId: 'owners-committee' }, new Set(), ids)
    expect(JSON.stringify(PRESET_KENLI)).toBe(before)
  })
})

describe('changeRolePreset (stored)', () => {
  it('copies the built-in preset on the first edit and uses the copy from then on', async () => {
    const c = await saveCommunity(settings)
    const added = await changeRolePreset(c.id, { op: 'add', name: '楼长', kind: 'fixed' })
    expect(added.builtIn).toBe(false)
    expect(added.communityId).toBe(c.id)
    expect((await db.communities.get(c.id))?.rolePresetId).toBe(added.id)
    const renamed = await changeRolePreset(c.id, { op: 'rename', roleId: 'resident-rep', name: '居民代表（楼栋长）' })
    expect(renamed.id).toBe(added.id)
    expect(renamed.roles.map((r) => r.name)).toEqual([
      '党组织书记',
      '“两委”成员',
      '业委会代表',
      '物业企业代表',
      '居民代表（楼栋长）',
      '共建单位代表',
      '利益相关方',
      '楼长',
    ])
    // The built-in preset is still offered as it was.
    const all = await rolePresets(c.id)
    expect(all.find((p) => p.id === PRESET_KENLI.id)?.roles.map((r) => r.name)).toContain('居民代表')
  })

  it('refuses to delete a role a person holds, changing nothing; retiring keeps the person’s role', async () => {
    const c = await saveCommunity(settings)
    const p = await savePerson(c.id, { name: '张建国', roleIds: ['owners-committee'] })
    expect(await keysAsync(changeRolePreset(c.id, { op: 'delete', roleId: 'owners-committee' }))).toEqual([
      'settings.roles.error.inUse',
    ])
    expect((await db.communities.get(c.id))?.rolePresetId).toBe(PRESET_KENLI.id)
    expect(await db.rolePresets.count()).toBe(0)
    const retired = await changeRolePreset(c.id, { op: 'retire', roleId: 'owners-committee' })
    expect(retired.roles.find((r) => r.id === 'owners-committee')).toMatchObject({ name: '业委会代表', retired: true })
    expect((await db.people.get(p.id))?.roleIds).toEqual(['owners-committee'])
  })

  it('refuses a blank name with a clear message', async () => {
    const c = await saveCommunity(settings)
    expect(await keysAsync(changeRolePreset(c.id, { op: 'add', name: '  ', kind: 'fixed' }))).toEqual([
      'settings.roles.error.noName',
    ])
  })
})

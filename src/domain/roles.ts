// Roles of the parties present. Presets are data the user can copy and edit:
// the app never hard-codes one participation model.
import { z } from 'zod'
import { DomainError, problem } from './problem'

/** convener = the "1"; fixed = the standing categories; topic = the per-topic X / N. */
export type RoleKind = 'convener' | 'fixed' | 'topic'

export interface RoleDef {
  id: string
  name: string
  kind: RoleKind
  /** No longer offered for new records; kept so old records and sealed minutes still name it */
  retired?: boolean
}

export interface RolePreset {
  id: string
  /** null for the built-in presets, a community id for a user's copy */
  communityId: string | null
  name: string
  roles: RoleDef[]
  builtIn: boolean
}

/** Jinchang "1+7+X". */
export const PRESET_JINCHANG: RolePreset = {
  id: 'preset-jinchang-1-7-x',
  communityId: null,
  name: '金昌“1+7+X”',
  builtIn: true,
  roles: [
    { id: 'secretary', name: '党组织书记', kind: 'convener' },
    { id: 'party-committee', name: '党组织代表', kind: 'fixed' },
    { id: 'residents-committee', name: '居（村）委会代表', kind: 'fixed' },
    { id: 'supervisory-committee', name: '村（居）务监督委员会代表', kind: 'fixed' },
    { id: 'deputies', name: '“两代表一委员”', kind: 'fixed' },
    { id: 'legal-worker', name: '法律工作者', kind: 'fixed' },
    { id: 'social-organisation', name: '辖区经济社会组织代表', kind: 'fixed' },
    { id: 'respected-resident', name: '德高望重居民代表', kind: 'fixed' },
    { id: 'stakeholder', name: '利益相关方', kind: 'topic' },
    { id: 'department', name: '政府相关部门', kind: 'topic' },
    { id: 'expert', name: '专家', kind: 'topic' },
  ],
}

/** Kenli "6+N". */
export const PRESET_KENLI: RolePreset = {
  id: 'preset-kenli-6-n',
  communityId: null,
  name: '垦利“6+N”',
  builtIn: true,
  roles: [
    { id: 'secretary', name: '党组织书记', kind: 'convener' },
    { id: 'two-committees', name: '“两委”成员', kind: 'fixed' },
    { id: 'owners-committee', name: '业委会代表', kind: 'fixed' },
    { id: 'property-company', name: '物业企业代表', kind: 'fixed' },
    { id: 'resident-rep', name: '居民代表', kind: 'fixed' },
    { id: 'co-building-unit', name: '共建单位代表', kind: 'fixed' },
    { id: 'stakeholder', name: '利益相关方', kind: 'topic' },
  ],
}

export const BUILT_IN_PRESETS: readonly RolePreset[] = [PRESET_JINCHANG, PRESET_KENLI]

/** A person's role within one meeting, separate from their standing party role. */
export const MEETING_ROLES = ['chair', 'recorder', 'voting', 'nonVoting', 'stakeholder', 'guest', 'teller'] as const
export type MeetingRole = (typeof MEETING_ROLES)[number]

/** Copies a preset so a community can edit it without touching the built-in one. */
export function copyPreset(preset: RolePreset, id: string, communityId: string, name: string): RolePreset {
  return { id, communityId, name, builtIn: false, roles: preset.roles.map((r) => ({ ...r })) }
}

/**
 * Names a built-in role had or goes by, so rosters written with them still
 * import, into the preset and into every community copy (same role id).
 */
const ROLE_ALIASES: Record<string, readonly string[]> = {
  'supervisory-committee': ['务监会代表', '村（居）务监督委员会代表', '村务监督委员会代表', '居务监督委员会代表'],
}

/** Finds a role by id, its displayed name or one of its older names (imports use names). */
export function findRole(preset: RolePreset, idOrName: string): RoleDef | undefined {
  const key = stripQuotes(idOrName.trim())
  const names = (r: RoleDef) => [r.name, ...(ROLE_ALIASES[r.id] ?? [])].map(stripQuotes)
  return preset.roles.find((r) => r.id === idOrName.trim() || names(r).includes(key))
}

function stripQuotes(s: string): string {
  return s.replace(/[“”"'「」（）()]/g, '')
}

/** The roles offered for new records: every role not retired. */
export function activeRoles(preset: RolePreset): RoleDef[] {
  return preset.roles.filter((r) => !r.retired)
}

const roleName = z.string().trim().min(1, 'settings.roles.error.noName').max(30, 'validation.tooLong')

/** One edit of a preset's roles, as the role-preset screen sends it. */
export const roleChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), name: roleName, kind: z.enum(['convener', 'fixed', 'topic']) }),
  z.object({ op: z.literal('rename'), roleId: z.string().min(1), name: roleName }),
  z.object({ op: z.literal('retire'), roleId: z.string().min(1) }),
  z.object({ op: z.literal('restore'), roleId: z.string().min(1) }),
  z.object({ op: z.literal('delete'), roleId: z.string().min(1) }),
])
export type RoleChange = z.infer<typeof roleChangeSchema>

/**
 * The preset after one change. A role held by a person or named on a meeting
 * (`inUse`) can be retired but never deleted: old records and sealed minutes
 * keep its name. Names stay unique (a roster file names roles by name).
 */
export function changeRoles(preset: RolePreset, change: RoleChange, inUse: ReadonlySet<string>, newId: () => string) {
  const roles = preset.roles.map((r) => ({ ...r }))
  const role = change.op === 'add' ? undefined : roles.find((r) => r.id === change.roleId)
  if (change.op !== 'add' && !role) throw new DomainError([problem('settings.roles.error.notFound')])
  const clash = (name: string) => {
    const other = findRole({ ...preset, roles }, name)
    if (other && other.id !== role?.id) throw new DomainError([problem('settings.roles.error.duplicate', { name })])
  }
  switch (change.op) {
    case 'add':
      clash(change.name)
      roles.push({ id: newId(), name: change.name, kind: change.kind })
      break
    case 'rename':
      clash(change.name)
      role!.name = change.name
      break
    case 'retire':
      if (activeRoles({ ...preset, roles }).length === 1 && !role!.retired)
        throw new DomainError([problem('settings.roles.error.lastRole')])
      role!.retired = true
      break
    case 'restore':
      delete role!.retired
      break
    case 'delete':
      if (inUse.has(role!.id)) throw new DomainError([problem('settings.roles.error.inUse', { name: role!.name })])
      roles.splice(roles.indexOf(role!), 1)
      break
  }
  return { ...preset, roles }
}

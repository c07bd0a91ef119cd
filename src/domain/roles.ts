// Roles of the parties present. Presets are data the user can copy and edit:
// the app never hard-codes one participation model.

/** convener = the "1"; fixed = the standing categories; topic = the per-topic X / N. */
export type RoleKind = 'convener' | 'fixed' | 'topic'

export interface RoleDef {
  id: string
  name: string
  kind: RoleKind
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

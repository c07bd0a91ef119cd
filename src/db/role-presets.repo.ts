// The community's role preset, edited on the settings screen: add, rename,
// retire, restore or delete a role. A built-in preset is never changed: the
// first edit gives the community its own copy (as a roster import does), and
// the community uses it from then on.
import { newId, nowIso } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import { BUILT_IN_PRESETS, changeRoles, copyPreset, roleChangeSchema, type RolePreset } from '@/domain/roles'
import { db } from './schema'
import { parseInput, write } from './write'

/** Role ids a person holds or a meeting's invitation names: these may be retired, not deleted. */
async function rolesInUse(communityId: string): Promise<Set<string>> {
  const used = new Set<string>()
  await db.people
    .where('communityId')
    .equals(communityId)
    .each((p) => p.roleIds.forEach((r) => used.add(r)))
  const meetings = await db.meetings.where('communityId').equals(communityId).primaryKeys()
  await db.participants
    .where('meetingId')
    .anyOf(meetings)
    .each((p) => p.partyRoleId && used.add(p.partyRoleId))
  return used
}

/** Applies one change to the community's preset, in one transaction; returns the preset now in use. */
export async function changeRolePreset(communityId: string, input: unknown): Promise<RolePreset> {
  const change = parseInput(roleChangeSchema, input)
  return write([db.rolePresets, db.communities, db.people, db.meetings, db.participants], async () => {
    const community = await db.communities.get(communityId)
    if (!community) throw new DomainError([problem('settings.roles.error.notFound')])
    const current =
      (await db.rolePresets.get(community.rolePresetId)) ??
      BUILT_IN_PRESETS.find((p) => p.id === community.rolePresetId) ??
      BUILT_IN_PRESETS[0]!
    const own = current.builtIn ? copyPreset(current, newId(), communityId, current.name) : current
    const next = changeRoles(own, change, await rolesInUse(communityId), newId)
    await db.rolePresets.put(next)
    if (community.rolePresetId !== next.id)
      await db.communities.put({ ...community, rolePresetId: next.id, updatedAt: nowIso() })
    return next
  })
}

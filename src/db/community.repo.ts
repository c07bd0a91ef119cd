import { communitySettingsSchema, type Community } from '@/domain/community'
import { newId, nowIso } from '@/domain/ids'
import { BUILT_IN_PRESETS, type RolePreset } from '@/domain/roles'
import { db } from './schema'
import { parseInput, write } from './write'
import { getSetting, setSetting } from './settings.repo'

const CURRENT = 'currentCommunityId'

export async function currentCommunity(): Promise<Community | undefined> {
  const id = await getSetting<string>(CURRENT)
  return id ? db.communities.get(id) : undefined
}

/** Creates the community (first run) or updates its settings. */
export async function saveCommunity(input: unknown, existing?: Community): Promise<Community> {
  const settings = parseInput(communitySettingsSchema, input)
  const now = nowIso()
  const id = existing?.id ?? newId()
  const record: Community = {
    ...existing,
    ...settings,
    id,
    communityId: id,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
  await write([db.communities, db.settings], async () => {
    await db.communities.put(record)
    if (!existing) await setSetting(CURRENT, id)
  })
  return record
}

/** Built-in presets plus the community's own copies. */
export async function rolePresets(communityId: string): Promise<RolePreset[]> {
  const own = await db.rolePresets.where('communityId').equals(communityId).toArray()
  return [...BUILT_IN_PRESETS, ...own]
}

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Community, CommunitySettings } from '@/domain/community'
import { BUILT_IN_PRESETS, PRESET_JINCHANG, type RolePreset } from '@/domain/roles'
import { currentCommunity, rolePresets, saveCommunity } from '@/db/community.repo'
import { changeRolePreset } from '@/db/role-presets.repo'

/** The community this laptop works for, and its role presets. */
export const useCommunityStore = defineStore('community', () => {
  /** The current community, undefined until set up */
  const current = ref<Community>()
  /** Built-in and own role presets */
  const presets = ref<RolePreset[]>([])
  const loaded = ref(false)

  /** The preset the community uses (falls back to Jinchang 1+7+X) */
  const preset = computed(() => presets.value.find((p) => p.id === current.value?.rolePresetId) ?? PRESET_JINCHANG)

  /** Reads the community from the database. */
  async function load() {
    current.value = await currentCommunity()
    // First run: every built-in preset (金昌“1+7+X”, 垦利“6+N”) is offered, not only the default.
    presets.value = current.value ? await rolePresets(current.value.id) : [...BUILT_IN_PRESETS]
    loaded.value = true
  }

  /** Creates or updates the community's settings. */
  async function save(settings: CommunitySettings) {
    current.value = await saveCommunity(settings, current.value)
    presets.value = await rolePresets(current.value.id)
  }

  /** Adds, renames, retires, restores or deletes a role of the community's preset (input checked by the repository). */
  async function changeRoles(change: unknown) {
    await changeRolePreset(current.value!.id, change)
    await load()
  }

  return { current, presets, loaded, preset, load, save, changeRoles }
})

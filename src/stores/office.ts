import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { OfficeMode, StreetOffice } from '@/domain/street-office'
import { getOffice, saveOffice } from '@/db/street.repo'

/** Whether this laptop is a street office, and which one. */
export const useOfficeStore = defineStore('office', () => {
  /** The street office this laptop works for; undefined on a community laptop */
  const office = ref<StreetOffice>()
  const loaded = ref(false)
  /** 'street' once a street office is set up here, else 'community' */
  const mode = computed<OfficeMode>(() => (office.value ? 'street' : 'community'))

  async function load() {
    office.value = await getOffice()
    loaded.value = true
  }

  /** Creates or updates the office (input checked by the repository). */
  async function save(input: unknown) {
    office.value = await saveOffice(input)
  }

  return { office, loaded, mode, load, save }
})

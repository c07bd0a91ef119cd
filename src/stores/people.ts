import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Person } from '@/domain/person'
import { observe } from '@/db/observe'
import { listPeople } from '@/db/people.repo'
import { useCommunityStore } from './community'

/**
 * The roster of the current community, kept live for every picker in the app.
 * It follows the community store by itself: views only read it.
 */
export const usePeopleStore = defineStore('people', () => {
  const community = useCommunityStore()
  /** Everyone on the roster, active or not, sorted by name */
  const all = ref<Person[]>([])
  /** Only people who may be picked for new records */
  const active = computed(() => all.value.filter((p) => p.active))
  const byId = computed(() => new Map(all.value.map((p) => [p.id, p])))
  let stop: (() => void) | undefined

  watch(
    () => community.current?.id,
    (id) => {
      stop?.()
      stop = undefined
      all.value = []
      if (id)
        stop = observe(
          () => listPeople(id),
          (people) => (all.value = people),
        )
    },
    { immediate: true },
  )

  /** A person's name, or the fallback when the id is unknown */
  function nameOf(id: string | undefined, fallback = ''): string {
    return (id && byId.value.get(id)?.name) || fallback
  }

  return { all, active, byId, nameOf }
})

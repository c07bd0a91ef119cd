import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Person } from '@/domain/person'
import { observe } from '@/db/live'
import { listPeople } from '@/db/people.repo'

/** The roster of the current community, kept live for every picker in the app. */
export const usePeopleStore = defineStore('people', () => {
  /** Everyone on the roster, active or not, sorted by name */
  const all = ref<Person[]>([])
  /** Only people who may be picked for new records */
  const active = computed(() => all.value.filter((p) => p.active))
  const byId = computed(() => new Map(all.value.map((p) => [p.id, p])))
  let stop: (() => void) | undefined
  let followed: string | undefined

  /** Starts following the roster of a community (idempotent). */
  function follow(communityId: string) {
    if (followed === communityId) return
    stop?.()
    followed = communityId
    stop = observe(
      () => listPeople(communityId),
      (people) => (all.value = people),
    )
  }

  /** A person's name, or the fallback when the id is unknown */
  function nameOf(id: string | undefined, fallback = ''): string {
    return (id && byId.value.get(id)?.name) || fallback
  }

  return { all, active, byId, follow, nameOf }
})

import type { Ref } from 'vue'
import { useCommunityStore } from '@/stores/community'
import { useLive } from './useLive'

/** A live list of the current community's rows, empty while no community is open, following a switch of community. */
export function useCommunityLive<T>(list: (communityId: string) => Promise<T[]>): Ref<T[]> {
  const community = useCommunityStore()
  return useLive<T[]>(
    async () => (community.current ? list(community.current.id) : []),
    [],
    [() => community.current?.id],
  )
}

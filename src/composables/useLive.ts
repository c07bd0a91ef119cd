import { onScopeDispose, ref, watch, type Ref, type WatchSource } from 'vue'
import { observe } from '@/db/observe'

/**
 * A ref that follows a database query live, re-running when `deps` change.
 * Other windows' writes show up too (same origin, same IndexedDB).
 */
export function useLive<T>(query: () => Promise<T>, initial: T, deps: WatchSource[] = []): Ref<T> {
  const value = ref(initial) as Ref<T>
  let stop: (() => void) | undefined
  const start = () => {
    stop?.()
    stop = observe(query, (v) => (value.value = v))
  }
  if (deps.length > 0) watch(deps, start, { immediate: true })
  else start()
  onScopeDispose(() => stop?.())
  return value
}

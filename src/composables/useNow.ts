import { onScopeDispose, ref } from 'vue'

/** The current time in ms, ticking every half second while the component lives. */
export function useNow() {
  const now = ref(Date.now())
  const timer = setInterval(() => (now.value = Date.now()), 500)
  onScopeDispose(() => clearInterval(timer))
  return now
}

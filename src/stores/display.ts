import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

const KEY = 'shangliang.display'

interface Saved {
  /** The chair turned the compact live mode off */
  liveOff?: boolean
}

function load(): Saved {
  try {
    return typeof localStorage !== 'undefined' ? (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Saved) : {}
  } catch {
    return {}
  }
}

/**
 * How the console lays itself out: the compact live mode while a meeting is
 * live (one-line header, no sidebar, one topic on one screen). The chair's
 * choices are kept on this machine between sessions.
 */
export const useDisplayStore = defineStore('display', () => {
  const saved = load()
  /** A live meeting's deliberation panel is on screen */
  const live = ref(false)
  /** The chair chose the full layout during the live meeting */
  const liveOff = ref(saved.liveOff ?? false)
  /** The sidebar opened by hand while the live mode hides it */
  const sidebarOpen = ref(false)
  /** The compact live mode is on */
  const compact = computed(() => live.value && !liveOff.value)
  /** Whether the sidebar shows */
  const sidebar = computed(() => !compact.value || sidebarOpen.value)

  watch(live, () => (sidebarOpen.value = false))
  watch([liveOff], () => {
    if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, JSON.stringify({ liveOff: liveOff.value }))
  })
  return { live, liveOff, sidebarOpen, compact, sidebar }
})

import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

const KEY = 'shangliang.display'

interface Saved {
  /** The chair turned the compact live mode off */
  liveOff?: boolean
  /** 大字号: the whole console one size up, for older eyes */
  largeText?: boolean
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
 * live (one-line header, no sidebar, one topic on one screen) and 大字号. The chair's
 * choices are kept on this machine between sessions.
 */
export const useDisplayStore = defineStore('display', () => {
  const saved = load()
  /** A live meeting's deliberation panel is on screen */
  const live = ref(false)
  /** The chair chose the full layout during the live meeting */
  const liveOff = ref(saved.liveOff ?? false)
  /** 大字号 is on (the theme scales text and controls from the root) */
  const largeText = ref(saved.largeText ?? false)
  /** The sidebar opened by hand while the live mode hides it */
  const sidebarOpen = ref(false)
  /** The compact live mode is on */
  const compact = computed(() => live.value && !liveOff.value)
  /** Whether the sidebar shows */
  const sidebar = computed(() => !compact.value || sidebarOpen.value)

  watch(live, () => (sidebarOpen.value = false))
  watch([liveOff, largeText], () => {
    if (typeof localStorage === 'undefined') return
    localStorage.setItem(KEY, JSON.stringify({ liveOff: liveOff.value, largeText: largeText.value }))
  })
  return { live, liveOff, largeText, sidebarOpen, compact, sidebar }
})

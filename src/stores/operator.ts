import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const KEY = 'shangliang.operator'

/**
 * Whoever is at the keyboard, kept between sessions: there are no logins,
 * yet every decision must say who made it.
 */
export const useOperatorStore = defineStore('operator', () => {
  /** The operator's name as typed in any form; saved in this window's localStorage */
  const name = ref(typeof localStorage !== 'undefined' ? (localStorage.getItem(KEY) ?? '') : '')
  watch(name, (v) => {
    if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, v)
  })
  return { name }
})

import { today } from '@/domain/calendar'
import { ref, watch } from 'vue'

const KEY = 'shangliang.operator'

// The name of whoever is at the keyboard, kept between sessions: there are no
// logins, yet every decision must say who made it.
const operator = ref(typeof localStorage !== 'undefined' ? (localStorage.getItem(KEY) ?? '') : '')
watch(operator, (v) => localStorage.setItem(KEY, v))

/** The operator's name (shared by every form) and today's date in local time. */
export function useOperator() {
  return { operator, today }
}

import { onBeforeUnmount, onMounted } from 'vue'
import { ElMessage } from 'element-plus'
import { readTypedDay } from '@/domain/calendar'

const BAD = 'is-bad-day'

/** The text typed into an Element Plus day picker, or undefined when the event is not from one. */
function typedDayInput(target: EventTarget | null): HTMLInputElement | undefined {
  if (!(target instanceof HTMLInputElement)) return undefined
  const editor = target.closest('.el-date-editor')
  if (!editor || !editor.classList.contains('el-date-editor--date')) return undefined
  return target
}

/**
 * Every day field refuses an impossible day with a red message. Element Plus
 * parses typed text leniently (2026/13/45 became 2027-02-14), so before the
 * picker sees Enter, change or blur we read the text ourselves and, when it is
 * not a real day, swallow the event: the stored value stays as it was.
 */
export function useDayGuard(message: (text: string) => string) {
  const check = (e: Event) => {
    const input = typedDayInput(e.target)
    if (!input) return
    if (e instanceof KeyboardEvent && e.key !== 'Enter') return
    const text = input.value.trim()
    const editor = input.closest('.el-date-editor')!
    if (!text || readTypedDay(text)) {
      editor.classList.remove(BAD)
      return
    }
    e.preventDefault()
    e.stopImmediatePropagation()
    if (!editor.classList.contains(BAD) || e.type !== 'blur') ElMessage.error(message(text))
    editor.classList.add(BAD)
  }
  const clear = (e: Event) => {
    const input = typedDayInput(e.target)
    if (input && readTypedDay(input.value)) input.closest('.el-date-editor')!.classList.remove(BAD)
  }
  const events = ['keydown', 'change', 'blur'] as const
  onMounted(() => {
    for (const ev of events) window.addEventListener(ev, check, { capture: true })
    window.addEventListener('input', clear, { capture: true })
  })
  onBeforeUnmount(() => {
    for (const ev of events) window.removeEventListener(ev, check, { capture: true })
    window.removeEventListener('input', clear, { capture: true })
  })
}

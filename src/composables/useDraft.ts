import { watch } from 'vue'

const PREFIX = 'shangliang.draft.'

/** A draft kept on this machine while it is typed, so a click on the menu never loses it. */
export function loadDraft<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key)
    return raw ? (JSON.parse(raw) as T) : undefined
  } catch {
    return undefined
  }
}

export function dropDraft(key: string): void {
  localStorage.removeItem(PREFIX + key)
}

/**
 * Keeps `form` as a draft under `key` whenever it differs from what is saved, and
 * drops it when it matches again. `saved` gives the saved value in the form's shape.
 */
export function keepDrafts<T extends object>(key: () => string, form: T, saved: () => T): () => boolean {
  const dirty = () => JSON.stringify(form) !== JSON.stringify(saved())
  watch(
    () => JSON.stringify(form),
    () => {
      if (dirty()) localStorage.setItem(PREFIX + key(), JSON.stringify(form))
      else dropDraft(key())
    },
  )
  return dirty
}

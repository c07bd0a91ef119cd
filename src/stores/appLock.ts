// The app lock's state for this window: locked at start when a password is
// set, locked again after the idle time. The password typed to unlock stays
// in memory only (never stored) as the passphrase for encrypted backups.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { forgetContactKeys, getLock, tryUnlock, unlockWithRecoveryKey, type UnlockResult } from '@/db/privacy.repo'

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

export const useAppLockStore = defineStore('appLock', () => {
  /** True while the lock screen covers the app */
  const locked = ref(false)
  /** True after an unlock with the recovery key, until a new password is set */
  const mustSetPassword = ref(false)
  /** True once the lock setting has been read (the app waits for it before showing data) */
  const ready = ref(false)
  let idleMs = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let secret: string | undefined
  let started = false

  function armIdle() {
    clearTimeout(timer)
    if (idleMs > 0 && !locked.value) timer = setTimeout(lockNow, idleMs)
  }

  /** Locks at once (the lock button, or the idle timer). */
  function lockNow() {
    clearTimeout(timer)
    locked.value = true
    secret = undefined
    forgetContactKeys()
  }

  /** Reads the lock setting; call again after the password or idle time changed. */
  async function refresh(initial = false): Promise<void> {
    const lock = await getLock()
    idleMs = lock ? lock.idleMinutes * 60_000 : 0
    if (!lock) {
      locked.value = false
      secret = undefined
    } else if (initial) locked.value = true
    ready.value = true
    armIdle()
  }

  /** Unlocks with the password and keeps it in memory as the backup passphrase. */
  async function unlock(password: string): Promise<UnlockResult> {
    const r = await tryUnlock(password)
    if (r.ok) {
      secret = password
      locked.value = false
      armIdle()
    }
    return r
  }

  /**
   * Unlocks with the printed recovery key. The password is not known then, so
   * `mustSetPassword` stays true until a new one is set on the privacy screen.
   */
  async function unlockWithRecovery(key: string): Promise<UnlockResult> {
    const r = await unlockWithRecoveryKey(key)
    if (r.ok) {
      mustSetPassword.value = true
      locked.value = false
      armIdle()
    }
    return r
  }

  /** Starts once per window: listens for activity to reset the idle timer. */
  function start(): void {
    if (started) return
    started = true
    for (const type of ACTIVITY) window.addEventListener(type, armIdle, { passive: true, capture: true })
    void refresh(true)
  }

  /** The password of this session (undefined when the app has no lock or was not unlocked yet) */
  const sessionSecret = () => secret
  /** Remembers a password just set, so backups can use it without unlocking first. */
  const rememberSecret = (s: string) => {
    secret = s
    mustSetPassword.value = false
  }

  return {
    locked,
    mustSetPassword,
    ready,
    start,
    unlock,
    unlockWithRecovery,
    lockNow,
    refresh,
    sessionSecret,
    rememberSecret,
  }
})

// What the console's backup line says, from the recorded outcomes alone, so
// it can be tested without a clock or a main process. "Missed" means the
// scheduler should have backed up (or found nothing new) and did not.

export type BackupFailureReason = 'noSecret' | 'weakPassword' | 'notMounted' | 'noFolder' | 'tampered' | 'failed'

export interface BackupOutcomes {
  /** Last successful backup to the app's own folder */
  lastAt?: string
  /** Last successful copy to the chosen folder (USB stick) */
  lastCopyAt?: string
  /** Last time the scheduler looked and found nothing new to back up */
  lastCheckAt?: string
  lastFailure?: { at: string; target: 'app' | 'folder'; reason: BackupFailureReason; message?: string }
  copyToFolder?: boolean
}

export type BackupStatus =
  | { state: 'ok'; lastAt?: string; lastCopyAt?: string }
  | { state: 'warning'; why: 'missed' | 'copyMissed' | 'never'; lastAt?: string; lastCopyAt?: string }
  | {
      state: 'failed'
      target: 'app' | 'folder'
      reason: BackupFailureReason
      message?: string
      at: string
      lastAt?: string
      lastCopyAt?: string
    }

const ms = (iso?: string) => (iso ? Date.parse(iso) : 0)

/**
 * Failed when the newest attempt failed (for either target); a warning when
 * more than one interval passed without a backup or a check, or when copies
 * to the chosen folder fell behind the local backups; ok otherwise.
 */
export function backupStatus(o: BackupOutcomes, now: number, intervalMs: number): BackupStatus {
  const times = { lastAt: o.lastAt, lastCopyAt: o.lastCopyAt }
  const f = o.lastFailure
  const lastGood = f?.target === 'folder' ? ms(o.lastCopyAt) : ms(o.lastAt)
  if (f && ms(f.at) >= lastGood && (f.target === 'app' || o.copyToFolder))
    return { state: 'failed', target: f.target, reason: f.reason, message: f.message, at: f.at, ...times }
  if (!o.lastAt) return { state: 'warning', why: 'never', ...times }
  if (now - Math.max(ms(o.lastAt), ms(o.lastCheckAt)) > 2 * intervalMs)
    return { state: 'warning', why: 'missed', ...times }
  if (o.copyToFolder && ms(o.lastCopyAt) < ms(o.lastAt)) return { state: 'warning', why: 'copyMissed', ...times }
  return { state: 'ok', ...times }
}

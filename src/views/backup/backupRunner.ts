// Writes one backup through the main process. In a plain browser there is no
// main process: automatic backups do not exist there, and the backup screen
// says so (only manual export, as a download, is available). Every outcome is
// recorded (backup.repo), so the console's status line can say when the last
// backup and the last USB copy happened, and why the latest attempt failed.
import type { BackupReasonName } from '../../../electron/shared/channels'
import { ArchiveError } from '@/archive/errors'
import type { BackupFailureReason } from '@/domain/backup-status'
import { exportArchive } from '@/db/archive.repo'
import { changedSinceBackup, getBackupPrefs, setBackupPrefs } from '@/db/backup.repo'
import { getLock } from '@/db/privacy.repo'
import { useAppLockStore } from '@/stores/appLock'
import { writeBackup } from '@/platform'

export type BackupRun =
  | { ok: true; name: string; copied: boolean; copyFailure?: BackupFailureReason }
  | { ok: false; reason: 'unavailable' | BackupFailureReason; message?: string }

export const backupsAvailable = () => typeof window !== 'undefined' && Boolean(window.shangliang)

/** Main answers with a short code for the refusals the user can act on. */
const reasonOf = (message: string): BackupFailureReason =>
  message === 'notMounted' || message === 'noFolder' ? message : 'failed'

async function failed(target: 'app' | 'folder', reason: BackupFailureReason, message?: string): Promise<BackupRun> {
  await setBackupPrefs({ lastFailure: { at: new Date().toISOString(), target, reason, message } })
  return { ok: false, reason, message }
}

export async function runBackup(reason: BackupReasonName): Promise<BackupRun> {
  if (!backupsAvailable()) return { ok: false, reason: 'unavailable' }
  const [prefs, lock, { hash }] = await Promise.all([getBackupPrefs(), getLock(), changedSinceBackup()])
  const secret = useAppLockStore().sessionSecret()
  // Default: encrypted when an app password is set (its password is the passphrase).
  const encrypt = prefs.encryptLocal ?? Boolean(lock)
  if (encrypt && !secret) return failed('app', 'noSecret')
  let bytes: Uint8Array
  try {
    // The copy taken before a restore keeps the state as it is, even a tampered one: it is the evidence.
    bytes = await exportArchive({ passphrase: encrypt ? secret : undefined, unaudited: reason === 'beforeRestore' })
  } catch (e) {
    // The audit before export refused a database changed around the seal guard.
    if (e instanceof ArchiveError) return failed('app', e.code === 'tampered' ? 'tampered' : 'failed', e.code)
    return failed('app', 'failed', e instanceof Error ? e.message : String(e))
  }
  const local = await writeBackup(bytes, reason, 'app')
  if (!local.ok) return failed('app', reasonOf(local.message), local.message)
  const at = new Date().toISOString()
  await setBackupPrefs({ lastHash: hash, lastAt: at })
  if (!prefs.copyToFolder) return { ok: true, name: local.name, copied: false }
  // Removable media always get an encrypted copy, never a plain one; without a passphrase none is written, and that is said.
  // The local backup stands either way; a failed copy is recorded for the status line and returned.
  const copyFailed = async (why: BackupFailureReason, message?: string): Promise<BackupRun> => {
    await failed('folder', why, message)
    return { ok: true, name: local.name, copied: false, copyFailure: why }
  }
  if (!secret) return copyFailed('noSecret')
  if (!lock?.mediaReady) return copyFailed('weakPassword')
  const copy = encrypt ? bytes : await exportArchive({ passphrase: secret, unaudited: reason === 'beforeRestore' })
  const r = await writeBackup(copy, reason, 'folder')
  if (!r.ok) return copyFailed(reasonOf(r.message), r.message)
  await setBackupPrefs({ lastCopyAt: at })
  return { ok: true, name: local.name, copied: true }
}

/** The scheduler found nothing new: recorded, so a quiet day does not read as a missed backup. */
export async function recordCheck(): Promise<void> {
  await setBackupPrefs({ lastCheckAt: new Date().toISOString() })
}

// Writes one backup through the main process. In a plain browser there is no
// main process: automatic backups do not exist there, and the backup screen
// says so (only manual export, as a download, is available).
import type { BackupReasonName } from '../../../electron/shared/channels'
import { exportArchive } from '@/db/archive.repo'
import { changedSinceBackup, getBackupPrefs, setBackupPrefs } from '@/db/backup.repo'
import { getLock } from '@/db/privacy.repo'
import { useAppLockStore } from '@/stores/appLock'

export type BackupRun =
  { ok: true; name: string } | { ok: false; reason: 'unavailable' | 'noSecret' | 'failed'; message?: string }

export const backupsAvailable = () => typeof window !== 'undefined' && Boolean(window.shangliang)

export async function runBackup(reason: BackupReasonName): Promise<BackupRun> {
  const api = window.shangliang
  if (!api) return { ok: false, reason: 'unavailable' }
  const [prefs, lock, { hash }] = await Promise.all([getBackupPrefs(), getLock(), changedSinceBackup()])
  const secret = useAppLockStore().sessionSecret()
  // Default: encrypted when an app password is set (its password is the passphrase).
  const encrypt = prefs.encryptLocal ?? Boolean(lock)
  if (encrypt && !secret) return { ok: false, reason: 'noSecret' }
  const bytes = await exportArchive({ passphrase: encrypt ? secret : undefined })
  const local = await api.writeBackup(bytes, reason, 'app')
  if (!local.ok) return { ok: false, reason: 'failed', message: local.message }
  // Removable media always get an encrypted copy, never a plain one.
  if (prefs.copyToFolder && secret) {
    const copy = encrypt ? bytes : await exportArchive({ passphrase: secret })
    const r = await api.writeBackup(copy, reason, 'folder')
    if (!r.ok) return { ok: false, reason: 'failed', message: r.message }
  }
  await setBackupPrefs({ lastHash: hash, lastAt: new Date().toISOString() })
  return { ok: true, name: local.name }
}

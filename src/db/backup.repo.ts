// Backup preferences (device-local, in settings) and the "is there anything
// new since the last backup" check the scheduler runs every 15 minutes.
import type { BackupOutcomes } from '@/domain/backup-status'
import { databaseHash } from './archive.repo'
import { db } from './schema'
import { write } from './write'

export interface BackupPrefs extends BackupOutcomes {
  /** Encrypt backups in the app's own folder; undefined = encrypted when an app password is set */
  encryptLocal?: boolean
  /** Also write each backup to the folder the user picked (a USB stick), always encrypted */
  copyToFolder?: boolean
  lastHash?: string
}

const KEY = 'backupPrefs'

export async function getBackupPrefs(): Promise<BackupPrefs> {
  return ((await db.settings.get(KEY))?.value as BackupPrefs | undefined) ?? {}
}

export async function setBackupPrefs(patch: Partial<BackupPrefs>): Promise<void> {
  await write([db.settings], async () => {
    const prefs = ((await db.settings.get(KEY))?.value as BackupPrefs | undefined) ?? {}
    await db.settings.put({ key: KEY, value: { ...prefs, ...patch } })
  })
}

/** The current content hash, and whether it differs from the last backed-up one. */
export async function changedSinceBackup(): Promise<{ changed: boolean; hash: string }> {
  const [hash, prefs] = await Promise.all([databaseHash(), getBackupPrefs()])
  return { changed: hash !== prefs.lastHash, hash }
}

/** Ids of sealed meetings; a new one means a meeting was just closed. */
export async function sealedMeetingIds(): Promise<string[]> {
  return (await db.meetings.filter((m) => Boolean(m.sealedAt)).primaryKeys()) as string[]
}

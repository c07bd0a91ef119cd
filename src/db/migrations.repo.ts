// Before Dexie upgrades the schema, the data as it is on disk is backed up:
// opened in Dexie's dynamic mode (no schema: whatever version is stored) and
// exported whole. Call before anything opens the app database. With an app
// password set it is sealed to the laptop's backup key (backup-key.ts): no
// password is known this early, and the copy must not hold contact details
// or anything else in plain.
import Dexie from 'dexie'
import { exportArchive } from './archive.repo'
import { backupPublicKey, sealBackup } from './backup-key'
import { db as appDb, DB_NAME } from './schema'

/** The Dexie version stored on disk, 0 when there is no database yet. */
export async function storedVersion(name = DB_NAME): Promise<number> {
  if (!(await Dexie.exists(name))) return 0
  const raw = new Dexie(name)
  try {
    await raw.open()
    return raw.verno
  } finally {
    raw.close()
  }
}

export type MigrationBackup = (bytes: Uint8Array, reason: 'beforeMigration') => Promise<unknown>

/** Backs up the stored data when this build is about to upgrade it. Returns whether it did. */
export async function backupBeforeMigration(
  write: MigrationBackup,
  name = DB_NAME,
  target = appDb.verno,
): Promise<boolean> {
  const stored = await storedVersion(name)
  if (stored === 0 || stored >= target) return false
  const raw = new Dexie(name)
  try {
    await raw.open()
    const framed = await exportArchive({ unaudited: true }, raw)
    const publicKey = raw.tables.some((t) => t.name === 'settings') ? await backupPublicKey(raw) : undefined
    await write(publicKey ? await sealBackup(framed, publicKey) : framed, 'beforeMigration')
    return true
  } finally {
    raw.close()
  }
}

// The copy taken before a schema upgrade runs before anyone unlocks the app.
// With a password set it is sealed to the laptop's backup key (header
// version 3): no phone or ID number in it, nothing readable without the
// private key, which opens only after an unlock; and it restores then.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { containsBytes } from '@/archive/bytes'
import { isKeySealed } from '@/archive/key-sealed'
import { checkArchiveFile, checkFrame } from '@/archive/frame'
import { ArchiveError } from '@/archive/errors'
import { db, DB_NAME } from '@/db/schema'
import { backupBeforeMigration } from '@/db/migrations.repo'
import { importArchive, inspectArchive } from '@/db/archive.repo'
import { openBackupSeal } from '@/db/backup-key'
import { rewriteBackup, scanBackup } from '@/db/backup-erasure'
import { getContact } from '@/db/people.repo'
import { eraseContact, forgetContactKeys, setLockPassword, tryUnlock, unlockWithRecoveryKey } from '@/db/privacy.repo'
import { ID_NUMBER, PHONE, seedCommunity, wipe } from './support/archive-fixture'

const PASSWORD = '新华路议事会2026'
const text = (s: string) => new TextEncoder().encode(s)

/** What main would write: the bytes handed over before the upgrade. */
async function migrationBackup(): Promise<Uint8Array> {
  const written: Uint8Array[] = []
  // The stored version is this build's; a build one version newer is about to upgrade it.
  expect(await backupBeforeMigration(async (b) => written.push(b), DB_NAME, db.verno + 1)).toBe(true)
  return written[0]!
}

describe('the before-migration backup with a password set', () => {
  beforeEach(async () => {
    forgetContactKeys()
    await wipe()
    await seedCommunity()
    await db.settings.delete('lock')
  })
  afterEach(forgetContactKeys)

  it('holds no plain phone or ID number, and restores after unlock', async () => {
    const { recoveryKey } = await setLockPassword(PASSWORD, 10)
    // A new start: nothing unlocked when the backup is taken.
    forgetContactKeys()
    const bytes = await migrationBackup()
    expect(isKeySealed(bytes)).toBe(true)
    for (const secret of [PHONE, ID_NUMBER, '幸福小区1号楼', '王建国', '北门开通议事会'])
      expect(containsBytes(bytes, text(secret)), secret).toBe(false)
    // Main's checks take it as a good file without opening it.
    expect(await checkArchiveFile(bytes)).toEqual({ ok: true, encrypted: true })
    expect(await checkFrame(bytes)).toBe(true)

    // Locked: it does not open.
    await expect(openBackupSeal(bytes)).rejects.toBeInstanceOf(ArchiveError)

    expect((await tryUnlock(PASSWORD)).ok).toBe(true)
    const rows = await db.people.count()
    await db.people.clear()
    await importArchive(await openBackupSeal(bytes), 'replace')
    expect(await db.people.count()).toBe(rows)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)

    // The recovery key opens it too (the private key is wrapped under the keyring, which both open).
    forgetContactKeys()
    expect((await unlockWithRecoveryKey(recoveryKey)).ok).toBe(true)
    expect((await inspectArchive(await openBackupSeal(bytes))).tables.people).toHaveLength(rows)
  })

  it('after a password change the same key still opens the older copy', async () => {
    await setLockPassword(PASSWORD, 10)
    forgetContactKeys()
    const bytes = await migrationBackup()
    expect((await tryUnlock(PASSWORD)).ok).toBe(true)
    await setLockPassword('换了一个新密码2027', 10)
    forgetContactKeys()
    expect((await tryUnlock('换了一个新密码2027')).ok).toBe(true)
    expect((await inspectArchive(await openBackupSeal(bytes))).tables.contacts).toHaveLength(6)
  })

  it('is rewritten without an erased person and stays sealed to the key', async () => {
    await setLockPassword(PASSWORD, 10)
    forgetContactKeys()
    const bytes = await migrationBackup()
    expect((await tryUnlock(PASSWORD)).ok).toBe(true)
    await eraseContact('p-0', '书记')
    expect(await scanBackup(bytes, undefined)).toMatchObject({ state: 'holds' })
    const r = await rewriteBackup(bytes, undefined)
    expect(isKeySealed(r.bytes)).toBe(true)
    expect(await scanBackup(r.bytes, undefined)).toEqual({ state: 'clean' })
  })

  it('without a password it stays a plain archive, as before', async () => {
    const bytes = await migrationBackup()
    expect(isKeySealed(bytes)).toBe(false)
    expect((await inspectArchive(bytes)).tables.contacts).toHaveLength(6)
  })
})

// Contact details encrypted at rest: after a password is set, no phone or ID
// number is found in plain in the contacts table (read raw, not through
// Dexie), in the journal's files or in a backup; the screens still see them
// while unlocked; changing the password re-encrypts, removing it decrypts,
// the recovery key opens them, and a failure midway changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { containsBytes } from '@/archive/bytes'
import { db } from '@/db/schema'
import { exportArchive, importArchive } from '@/db/archive.repo'
import { getContact, savePerson } from '@/db/people.repo'
import {
  eraseContact,
  forgetContactKeys,
  getLock,
  removeLock,
  setLockPassword,
  tryUnlock,
  unlockWithRecoveryKey,
} from '@/db/privacy.repo'
import { journalSettled, startJournal, stopJournal } from '@/db/journal/journal'
import { normalizeRecoveryKey } from '@/domain/lock'
import { COMMUNITY, ID_NUMBER, PHONE, seedCommunity, wipe } from './support/archive-fixture'
import { memoryFiles } from './support/journal-files'

const PASSWORD = '新华路议事会2026'
const bytesOf = (s: string) => new TextEncoder().encode(s)
/** A plain archive and every entry inflated: compression must not hide a match. */
const inArchive = (file: Uint8Array, text: string) =>
  [file, ...Object.values(unzipSync(file.subarray(37)))].some((b) => containsBytes(b, bytesOf(text)))

/** The contacts object store read with the IndexedDB API itself, around Dexie and the repositories. */
async function rawContacts(): Promise<string> {
  const open = indexedDB.open(db.name)
  const idb = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result)
    open.onerror = () => fail(open.error)
  })
  const req = idb.transaction('contacts').objectStore('contacts').getAll()
  const rows = await new Promise<unknown[]>((ok, fail) => {
    req.onsuccess = () => ok(req.result)
    req.onerror = () => fail(req.error)
  })
  idb.close()
  return JSON.stringify(rows)
}

describe('contact details encrypted at rest', () => {
  let files: ReturnType<typeof memoryFiles>
  beforeEach(async () => {
    stopJournal()
    forgetContactKeys()
    await wipe()
    files = memoryFiles()
    await startJournal(db, files)
    await seedCommunity()
    await journalSettled()
  })
  afterEach(() => {
    stopJournal()
    forgetContactKeys()
  })

  it('after the password is set, the contacts table, the journal and a backup hold no phone or ID number', async () => {
    // Before: in plain everywhere (the fixture was written without a password).
    expect(await rawContacts()).toContain(PHONE)
    expect([...files.files.values()].join('')).toContain(PHONE)

    const t0 = performance.now()
    const { recoveryKey } = await setLockPassword(PASSWORD, 10)
    console.info(`[contacts] password set, 6 rows encrypted in ${Math.round(performance.now() - t0)} ms`)
    expect(normalizeRecoveryKey(recoveryKey)).toBe(recoveryKey)
    // A later save goes through the repository, so it is encrypted too.
    await savePerson(COMMUNITY, { name: '赵敏', roleIds: [], phone: '13900001111', idNumber: '440301199003071230' })
    await journalSettled()

    const table = await rawContacts()
    const journal = [...files.files.values()].join('')
    const backup = await exportArchive()
    for (const secret of [PHONE, ID_NUMBER, '13900001111', '440301199003071230', '幸福小区1号楼']) {
      expect(table).not.toContain(secret)
      expect(journal).not.toContain(secret)
      expect(inArchive(backup, secret)).toBe(false)
    }
    expect(table).toContain('sl1:')
    expect(JSON.stringify(await getLock())).not.toContain(PASSWORD)
    console.info(
      `[contacts] searched ${table.length} B of table, ${journal.length} B of journal, ${backup.length} B of backup`,
    )

    // Unlocked, the screens see the details; locked, they do not.
    expect(await getContact('p-0')).toMatchObject({ phone: PHONE, idNumber: ID_NUMBER, unreadable: [] })
    forgetContactKeys()
    const locked = await getContact('p-0')
    expect(locked?.phone).toBeUndefined()
    expect(locked?.unreadable).toEqual(['phone', 'address', 'idNumber'])
    expect((await tryUnlock('错误的密码')).ok).toBe(false)
    expect((await tryUnlock(PASSWORD)).ok).toBe(true)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)

    // The backup restores on this laptop and its details open.
    await importArchive(backup, 'replace')
    expect((await getContact('p-0'))?.idNumber).toBe(ID_NUMBER)
  })

  it('changing the password re-encrypts every row; a backup from before the change still opens', async () => {
    await setLockPassword(PASSWORD, 10)
    const first = await rawContacts()
    const oldBackup = await exportArchive()
    await setLockPassword('另一个新密码2027', 10)
    const second = await rawContacts()
    const keyOf = (raw: string) => new Set([...raw.matchAll(/sl1:([\w-]+):/g)].map((m) => m[1]))
    expect([...keyOf(first)]).toHaveLength(1)
    expect([...keyOf(second)]).toHaveLength(1)
    expect([...keyOf(second)][0]).not.toBe([...keyOf(first)][0])
    forgetContactKeys()
    expect((await tryUnlock(PASSWORD)).ok).toBe(false)
    expect((await tryUnlock('另一个新密码2027')).ok).toBe(true)
    await importArchive(oldBackup, 'replace')
    expect((await getContact('p-0'))?.phone).toBe(PHONE)
  })

  it('the printed recovery key unlocks, and a new password can be set after it', async () => {
    const { recoveryKey } = await setLockPassword(PASSWORD, 10)
    forgetContactKeys()
    expect((await unlockWithRecoveryKey('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE')).ok).toBe(false)
    // Typed in lower case without dashes, as someone reading it off paper might.
    expect((await unlockWithRecoveryKey(recoveryKey.replace(/-/g, ' ').toLowerCase())).ok).toBe(true)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)
    const { recoveryKey: next } = await setLockPassword('忘记后重设的密码', 10)
    expect(next).not.toBe(recoveryKey)
    forgetContactKeys()
    expect((await unlockWithRecoveryKey(recoveryKey)).ok).toBe(false)
    expect((await tryUnlock('忘记后重设的密码')).ok).toBe(true)
    expect((await getContact('p-1'))?.address).toBe('幸福小区2号楼')
  })

  it('a password change that fails midway changes nothing; removing the lock decrypts every row', async () => {
    await setLockPassword(PASSWORD, 10)
    const before = await rawContacts()
    const lockBefore = JSON.stringify(await getLock())
    const put = db.settings.put.bind(db.settings)
    db.settings.put = (() => Promise.reject(new Error('disk full'))) as never
    await expect(setLockPassword('另一个新密码2027', 10)).rejects.toThrow('disk full')
    db.settings.put = put
    expect(await rawContacts()).toBe(before)
    expect(JSON.stringify(await getLock())).toBe(lockBefore)
    // Nothing moved: the old password opens the rows.
    forgetContactKeys()
    expect((await tryUnlock(PASSWORD)).ok).toBe(true)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)

    await removeLock()
    expect(await getLock()).toBeUndefined()
    expect(await rawContacts()).toContain(PHONE)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)
  })

  it('a backup made before the password is encrypted as it is restored; erasure still removes the row', async () => {
    const plainBackup = await exportArchive()
    expect(inArchive(plainBackup, PHONE)).toBe(true)
    await setLockPassword(PASSWORD, 10)
    await importArchive(plainBackup, 'merge')
    await importArchive(plainBackup, 'replace')
    expect(await rawContacts()).not.toContain(PHONE)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)
    await eraseContact('p-0', '书记 王建国')
    expect(await getContact('p-0')).toBeUndefined()
  })
})

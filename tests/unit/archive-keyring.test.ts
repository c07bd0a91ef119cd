// An archive made on another laptop with encrypted contacts: the keys its
// contact rows use travel inside the passphrase-encrypted archive, and the
// importing laptop re-encrypts the rows under its own key. Archives without
// them (older ones, or plain exports) import as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { containsBytes } from '@/archive/bytes'
import { KEYRING_DOCUMENT } from '@/archive/keyring'
import { db } from '@/db/schema'
import { exportArchive, importArchive, inspectArchive } from '@/db/archive.repo'
import { heldKeyring } from '@/db/contact-crypto'
import { getContact } from '@/db/people.repo'
import { forgetContactKeys, setLockPassword, tryUnlock } from '@/db/privacy.repo'
import { ID_NUMBER, PHONE, seedCommunity, wipe } from './support/archive-fixture'

const A = '甲电脑的开机密码2026'
const B = '乙电脑另一个密码2027'
const ARCHIVE = '交接用归档口令2026'

/** Laptop A: a roster with a password set, exported under the archive passphrase. */
async function fromLaptopA(passphrase?: string): Promise<{ bytes: Uint8Array; keyA: string }> {
  forgetContactKeys()
  await wipe()
  await seedCommunity()
  await db.settings.delete('lock')
  await setLockPassword(A, 10)
  const keyA = heldKeyring()!.current
  const bytes = await exportArchive({ passphrase })
  return { bytes, keyA }
}

/** Laptop B: a fresh profile, with its own password when given. */
async function laptopB(password?: string) {
  forgetContactKeys()
  await wipe()
  if (password) await setLockPassword(password, 10)
}

describe('contacts in an archive from another laptop', () => {
  beforeEach(() => forgetContactKeys())
  afterEach(() => forgetContactKeys())

  it('read correctly on B and are stored encrypted under B’s key', async () => {
    const { bytes, keyA } = await fromLaptopA(ARCHIVE)
    for (const plain of [PHONE, ID_NUMBER, '幸福小区1号楼'])
      expect(containsBytes(bytes, new TextEncoder().encode(plain))).toBe(false)
    const content = await inspectArchive(bytes, ARCHIVE)
    expect(content.documents.map((d) => d.name)).toContain(KEYRING_DOCUMENT)
    expect(String(content.tables.contacts![0]!.phone)).toMatch(/^sl1:/)

    await laptopB(B)
    const keyB = heldKeyring()!.current
    await importArchive(bytes, 'merge', ARCHIVE)
    const stored = (await db.contacts.get('p-0'))!
    expect(stored.phone).toMatch(new RegExp(`^sl1:${keyB}:`))
    expect(stored.idNumber).toMatch(new RegExp(`^sl1:${keyB}:`))
    expect(JSON.stringify(await db.contacts.toArray())).not.toContain(keyA)
    expect(JSON.stringify(await db.contacts.toArray())).not.toContain(PHONE)

    // A new window on B: its own password opens them.
    forgetContactKeys()
    expect((await tryUnlock(B)).ok).toBe(true)
    const c = await getContact('p-0')
    expect(c).toMatchObject({ phone: PHONE, idNumber: ID_NUMBER, address: '幸福小区1号楼', unreadable: [] })
    expect((await getContact('p-3'))?.phone).toBe('13812345673')
  })

  it('B without a password keeps them plain, as its own rows are', async () => {
    const { bytes } = await fromLaptopA(ARCHIVE)
    await laptopB()
    await importArchive(bytes, 'replace', ARCHIVE)
    expect((await db.contacts.get('p-0'))?.phone).toBe(PHONE)
  })

  it('an archive without the keys (a plain export, or one made before) imports as before: unreadable, never lost', async () => {
    const { bytes } = await fromLaptopA()
    expect((await inspectArchive(bytes)).documents.map((d) => d.name)).not.toContain(KEYRING_DOCUMENT)
    await laptopB(B)
    await importArchive(bytes, 'merge')
    const c = await getContact('p-0')
    expect(c?.unreadable).toEqual(['phone', 'address', 'idNumber'])
    expect(String((await db.contacts.get('p-0'))?.phone)).toMatch(/^sl1:/)
  })
})

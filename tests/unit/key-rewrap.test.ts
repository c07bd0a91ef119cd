// The signing keys follow the app password: changing it re-wraps every
// stored private key in the same transaction as the contact re-encryption,
// so the new password signs and opens packages and the old one no longer
// does; a failure midway leaves keys and contacts exactly as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ephemeralDh, importDhPublic, packageKey, sign, verify } from '@/archive/keys'
import { db } from '@/db/schema'
import { createOwnKeys, lockKeys, ownKey, sessionKeys, unlockKeys } from '@/db/keys.repo'
import { getContact } from '@/db/people.repo'
import { forgetContactKeys, removeLock, setLockPassword, tryUnlock, unlockWithRecoveryKey } from '@/db/privacy.repo'
import { KEY_ESCROW } from '@/db/key-escrow'
import { exportArchive, inspectArchive } from '@/db/archive.repo'
import { COMMUNITY, PHONE, seedCommunity, wipe } from './support/archive-fixture'

const A = '新华路议事会2026'
const B = '幸福里换了新密码2027'
const minutes = new TextEncoder().encode('第3次议事会议 表决结果 5:1 通过')

/** A new window: nothing unlocked, no secret in memory. */
function restart() {
  lockKeys()
  forgetContactKeys()
}

/** The unwrapped keys really work: a signature verifies and an ECDH package key opens what it sealed. */
async function keysWork(): Promise<boolean> {
  const { row, priv } = sessionKeys()
  const signature = await sign(priv.sign, minutes)
  const eph = await ephemeralDh()
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealing = await packageKey(eph.priv, await importDhPublic(row.publicKeys.enc), salt)
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, sealing, minutes)
  const opening = await packageKey(priv.enc, await importDhPublic(eph.pub), salt)
  const opened = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, opening, sealed))
  return (await verify(row.publicKeys.sign, signature, minutes)) && opened.every((b, i) => b === minutes[i])
}

const stored = async () => JSON.stringify([await db.officeKeys.toArray(), await db.contacts.toArray()])

describe('signing keys re-wrapped on a password change', () => {
  beforeEach(async () => {
    restart()
    await wipe()
    await seedCommunity()
    // The fixture stores a stand-in lock record (to check it stays local); these tests set real ones.
    await db.settings.delete('lock')
  })
  afterEach(restart)

  it('keys made under A open and sign with B after the change, and no longer with A', async () => {
    await setLockPassword(A, 10)
    const created = await createOwnKeys('community', COMMUNITY, A)
    await setLockPassword(B, 10)
    expect((await ownKey())?.fingerprint).toBe(created.fingerprint)

    restart()
    expect((await tryUnlock(B)).ok).toBe(true)
    expect(await unlockKeys(A)).toBe(false)
    expect(await unlockKeys(B)).toBe(true)
    expect(await keysWork()).toBe(true)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)
  })

  it('a change in a later window, after unlocking the app only, re-wraps too', async () => {
    await setLockPassword(A, 10)
    await createOwnKeys('street', COMMUNITY, A)
    restart()
    expect((await tryUnlock(A)).ok).toBe(true)
    await setLockPassword(B, 10)
    restart()
    expect(await unlockKeys(A)).toBe(false)
    expect(await unlockKeys(B)).toBe(true)
    expect(await keysWork()).toBe(true)
  })

  it('keys made before any lock move from their setup password to the first app password', async () => {
    await createOwnKeys('community', COMMUNITY, 'setup-pw-1')
    await setLockPassword(A, 10)
    restart()
    expect(await unlockKeys('setup-pw-1')).toBe(false)
    expect(await unlockKeys(A)).toBe(true)
    expect(await keysWork()).toBe(true)
  })

  it('removing the lock keeps the keys under the last password; a new lock then re-wraps them', async () => {
    await setLockPassword(A, 10)
    await createOwnKeys('community', COMMUNITY, A)
    await setLockPassword(B, 10)
    await removeLock()
    lockKeys()
    expect(await unlockKeys(B)).toBe(true)
    expect(await keysWork()).toBe(true)
    await setLockPassword(A, 10)
    restart()
    expect(await unlockKeys(B)).toBe(false)
    expect(await unlockKeys(A)).toBe(true)
  })

  // The password was forgotten: only the printed recovery key opens the app, and the keys were wrapped under the old password.
  it('after a recovery-key reset the keys open and sign with the new password', async () => {
    const { recoveryKey } = await setLockPassword(A, 10)
    const created = await createOwnKeys('community', COMMUNITY, A)
    restart()
    expect((await unlockWithRecoveryKey(recoveryKey)).ok).toBe(true)
    await setLockPassword(B, 10)
    expect((await ownKey())?.fingerprint).toBe(created.fingerprint)

    restart()
    expect((await tryUnlock(B)).ok).toBe(true)
    expect(await unlockKeys(A)).toBe(false)
    expect(await unlockKeys(B)).toBe(true)
    expect(await keysWork()).toBe(true)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)
  })

  it('keys made before the lock, and keys from before the escrow existed, also follow a recovery reset', async () => {
    await createOwnKeys('street', COMMUNITY, 'setup-pw-1')
    const { recoveryKey } = await setLockPassword(A, 10)
    // As a laptop that set its lock before this build: no escrow until the next unlock with the password.
    await db.settings.delete(KEY_ESCROW)
    restart()
    expect((await tryUnlock(A)).ok).toBe(true)
    restart()
    expect((await unlockWithRecoveryKey(recoveryKey)).ok).toBe(true)
    await setLockPassword(B, 10)
    restart()
    expect(await unlockKeys(B)).toBe(true)
    expect(await keysWork()).toBe(true)
  })

  it('the escrow stays on this laptop and goes with the lock', async () => {
    await setLockPassword(A, 10)
    await createOwnKeys('community', COMMUNITY, A)
    expect(await db.settings.get(KEY_ESCROW)).toBeDefined()
    const archive = await inspectArchive(await exportArchive({ passphrase: A }), A)
    expect(JSON.stringify(archive.tables)).not.toContain(KEY_ESCROW)
    await removeLock()
    expect(await db.settings.get(KEY_ESCROW)).toBeUndefined()
  })

  const failures: [string, () => () => void][] = [
    ['the key rows cannot be written', () => inject(db.officeKeys, 'bulkPut')],
    ['the lock record cannot be written after the keys', () => inject(db.settings, 'put')],
  ]
  it.each(failures)('when %s, keys and contacts stay exactly as they were', async (_, fail) => {
    await setLockPassword(A, 10)
    await createOwnKeys('community', COMMUNITY, A)
    const before = await stored()
    const undo = fail()
    await expect(setLockPassword(B, 10)).rejects.toThrow('disk full')
    undo()
    expect(await stored()).toBe(before)

    restart()
    expect((await tryUnlock(B)).ok).toBe(false)
    expect((await tryUnlock(A)).ok).toBe(true)
    expect(await unlockKeys(B)).toBe(false)
    expect(await unlockKeys(A)).toBe(true)
    expect(await keysWork()).toBe(true)
    expect((await getContact('p-0'))?.phone).toBe(PHONE)
  })
})

/** Makes one table method fail like a full disk; returns the undo. */
function inject<T extends object>(table: T, method: keyof T & string): () => void {
  const original = table[method]
  table[method] = (() => Promise.reject(new Error('disk full'))) as T[typeof method]
  return () => {
    table[method] = original
  }
}

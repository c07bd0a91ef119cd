// Personal data: the app lock and the contact-field encryption it carries,
// and erasure of a resident's contact details with an audit record.
//
// Setting the password creates a new contact key, re-encrypts every contact
// row under it in one transaction (rows written before any password are
// encrypted here for the first time) and seals the keyring twice: under an
// Argon2id key from the password and under the printed recovery key. Older
// keys stay in the keyring, so backups made before a change still open.
import { newId, nowIso } from '@/domain/ids'
import {
  encryptsContacts,
  failureDelayMs,
  MEDIA_PASSPHRASE_MIN,
  normalizeRecoveryKey,
  recoveryKeyFrom,
  sameDigest,
  type ContactKeyring,
  type EncryptingLockRecord,
  type LockFailures,
  type LockKdf,
  type LockRecord,
  type WrappedKeys,
} from '@/domain/lock'
import { DomainError, problem } from '@/domain/problem'
import { pbkdf2 } from '@/archive/crypto'
import { ARGON2_DEFAULT, argon2AesKey, argon2ParamsOk } from '@/archive/kdf'
import { fromBase64, toBase64 } from '@/archive/bytes'
import { db } from './schema'
import { write } from './write'
import { TOMBSTONES, tombstones, type ErasureRecord } from './tombstones'
import { forgetKeyring, heldKeyring, holdKeyring, resealContact } from './contact-crypto'
import { forgetKeySecrets, holdKeySecret, rewrapKeys } from './key-rewrap'
import { escrowMissing, KEY_ESCROW } from './key-escrow'
import { ensureBackupKey } from './backup-key'

export type { ErasureRecord }
import { takeSnapshot } from './journal/journal'

const LOCK = 'lock'
const FAILURES = 'lockFailures'
/** The keyring kept in plain after the lock was removed: the rows are plain then, and older backups still open. */
const RETIRED = 'contactKeysRetired'
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))

export async function getLock(): Promise<LockRecord | undefined> {
  return (await db.settings.get(LOCK))?.value as LockRecord | undefined
}

async function wrapKeys(ring: ContactKeyring, secret: string, kdf: LockKdf): Promise<WrappedKeys> {
  const salt = random(16)
  const iv = random(12)
  const key = await argon2AesKey(secret, salt, kdf)
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(ring)))
  const sealed = new Uint8Array(12 + ct.byteLength)
  sealed.set(iv)
  sealed.set(new Uint8Array(ct), 12)
  return { salt: toBase64(salt), sealed: toBase64(sealed) }
}

/** The keyring, or undefined for a wrong secret (the GCM tag is the password check). */
async function unwrapKeys(w: WrappedKeys, secret: string, kdf: LockKdf): Promise<ContactKeyring | undefined> {
  if (!argon2ParamsOk(kdf)) return undefined
  const key = await argon2AesKey(secret, fromBase64(w.salt), kdf)
  const sealed = fromBase64(w.sealed)
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, 12) as BufferSource },
      key,
      sealed.subarray(12) as BufferSource,
    )
    return JSON.parse(new TextDecoder().decode(plain)) as ContactKeyring
  } catch {
    return undefined
  }
}

/**
 * Rewrites every contact row from one keyring to another (undefined = plain)
 * in one transaction, together with `alsoWrite` and, when `keysTo` is given,
 * every stored private key re-wrapped under that new password. The
 * encryption runs before the transaction (WebCrypto would let IndexedDB
 * commit early); inside, every row is checked to be the one that was
 * encrypted, so a save in between makes the whole rewrite start again instead
 * of losing it. A failure changes nothing.
 */
async function rewriteContacts(
  from: ContactKeyring | undefined,
  to: ContactKeyring | undefined,
  alsoWrite: () => Promise<unknown>,
  keysTo?: string,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await db.contacts.toArray()
    const after = await Promise.all(before.map((c) => resealContact(c, from, to)))
    const keys = keysTo === undefined ? undefined : await rewrapKeys(keysTo)
    const same = await write([db.contacts, db.settings, db.officeKeys], async () => {
      const now = await db.contacts.toArray()
      if (now.length !== before.length || now.some((c, i) => JSON.stringify(c) !== JSON.stringify(before[i])))
        return false
      if (keys && !(await keys.unchanged())) return false
      await db.contacts.bulkPut(after)
      if (keys) await db.officeKeys.bulkPut(keys.after)
      await alsoWrite()
      return true
    })
    if (same) return
  }
  throw new DomainError([problem('privacy.lock.busy')])
}

export interface PasswordSet {
  /** Shown and printed once; never stored */
  recoveryKey: string
}

/**
 * Sets or changes the app password: a new contact key, every contact row
 * re-encrypted under it, the signing keys re-wrapped under the new password
 * (key-rewrap.ts), and a new recovery key. Changing needs the app
 * unlocked (the old keys are in memory); a lock set before encryption existed
 * is upgraded here, encrypting the rows for the first time.
 */
export async function setLockPassword(password: string, idleMinutes: number): Promise<PasswordSet> {
  const current = await getLock()
  if (encryptsContacts(current) && !heldKeyring()) throw new DomainError([problem('privacy.lock.unlockFirst')])
  const old = heldKeyring() ?? ((await db.settings.get(RETIRED))?.value as ContactKeyring | undefined)
  const keyId = newId()
  const ring: ContactKeyring = { current: keyId, keys: { ...old?.keys, [keyId]: toBase64(random(32)) } }
  const recoveryKey = recoveryKeyFrom(random(25))
  const kdf = ARGON2_DEFAULT
  const record: EncryptingLockRecord = {
    algo: 'Argon2id',
    kdf,
    keys: await wrapKeys(ring, password, kdf),
    recovery: await wrapKeys(ring, recoveryKey, kdf),
    idleMinutes,
    setAt: nowIso(),
    mediaReady: [...password].length >= MEDIA_PASSPHRASE_MIN,
  }
  await rewriteContacts(
    old,
    ring,
    async () => {
      await db.settings.put({ key: LOCK, value: record })
      await db.settings.bulkDelete([FAILURES, RETIRED])
    },
    password,
  )
  holdKeyring(ring)
  holdKeySecret(password)
  await ensureBackupKey()
  await escrowMissing(password)
  // A snapshot at once: the journal files before it, which held the rows in plain or under the old key, are removed.
  await takeSnapshot()
  return { recoveryKey }
}

export async function setIdleMinutes(idleMinutes: number): Promise<void> {
  const lock = await getLock()
  if (lock) await db.settings.put({ key: LOCK, value: { ...lock, idleMinutes } })
}

/**
 * Removes the lock: every contact row is decrypted again, in one transaction,
 * and the contact keys leave memory. The signing keys stay wrapped under the
 * last app password (a private key is never stored in plain), which opens them.
 */
export async function removeLock(): Promise<void> {
  const lock = await getLock()
  const ring = heldKeyring()
  if (encryptsContacts(lock) && !ring) throw new DomainError([problem('privacy.lock.unlockFirst')])
  await rewriteContacts(ring, undefined, async () => {
    // The keyring is kept in plain from here on: an escrow under it would be a signing key in plain.
    await db.settings.bulkDelete([LOCK, FAILURES, KEY_ESCROW])
    if (ring) await db.settings.put({ key: RETIRED, value: ring })
  })
  forgetKeyring()
}

/** The lock screen is up: the contact keys leave memory until the next unlock. */
export function forgetContactKeys(): void {
  forgetKeyring()
  forgetKeySecrets()
}

export type UnlockResult = { ok: true } | { ok: false; waitMs: number; failures: number }

/**
 * Checks a secret. Failures are stored, so a restart does not reset the
 * delay that follows the fifth wrong try; while the delay runs no try counts.
 */
async function tryWith(
  open: (lock: LockRecord) => Promise<ContactKeyring | boolean>,
  now: number,
): Promise<UnlockResult> {
  const lock = await getLock()
  if (!lock) return { ok: true }
  const failures = ((await db.settings.get(FAILURES))?.value as LockFailures | undefined) ?? { count: 0 }
  if (failures.until && Date.parse(failures.until) > now)
    return { ok: false, waitMs: Date.parse(failures.until) - now, failures: failures.count }
  const opened = await open(lock)
  if (opened) {
    if (typeof opened === 'object') holdKeyring(opened)
    await db.settings.delete(FAILURES)
    return { ok: true }
  }
  const count = failures.count + 1
  const waitMs = failureDelayMs(count)
  await db.settings.put({
    key: FAILURES,
    value: { count, until: waitMs ? new Date(now + waitMs).toISOString() : undefined },
  })
  return { ok: false, waitMs, failures: count }
}

/** Unlocks with the app password; on success the contact keys are held in memory. */
export async function tryUnlock(password: string, now = Date.now()): Promise<UnlockResult> {
  let opened = false
  const result = await tryWith(async (lock) => {
    const ok = encryptsContacts(lock)
      ? ((await unwrapKeys(lock.keys, password, lock.kdf)) ?? false)
      : sameDigest(hex(await pbkdf2(password, fromBase64(lock.salt), lock.iterations)), lock.hash)
    opened = Boolean(ok)
    return ok
  }, now)
  // The signing keys are wrapped under this password: a later change re-wraps them with it.
  if (opened) holdKeySecret(password)
  // A lock set before the backup key and the key escrow existed gets them at its first unlock.
  if (opened && heldKeyring()) {
    await ensureBackupKey()
    await escrowMissing(password)
  }
  return result
}

/** Unlocks with the printed recovery key (wrong tries count like wrong passwords); a new password is set next. */
export async function unlockWithRecoveryKey(typed: string, now = Date.now()): Promise<UnlockResult> {
  const result = await tryWith(async (lock) => {
    const key = normalizeRecoveryKey(typed)
    if (!encryptsContacts(lock) || !key) return false
    return (await unwrapKeys(lock.recovery, key, lock.kdf)) ?? false
  }, now)
  if (result.ok) await ensureBackupKey()
  return result
}

/**
 * Erases a person's contact details everywhere they are kept in this
 * database (only the contacts table holds them), records who did it and
 * when, and keeps a device-local tombstone. Sealed records hold names and
 * roles only, so the chain still verifies afterwards.
 */
export async function eraseContact(personId: string, actor: string): Promise<ErasureRecord | null> {
  const erased = await write([db.contacts, db.people, db.auditLog, db.settings], async () => {
    const [contact, person] = await Promise.all([db.contacts.get(personId), db.people.get(personId)])
    if (!contact || !person) return null
    const fields = (['phone', 'address', 'idNumber'] as const).filter((f) => contact[f])
    const at = nowIso()
    const record: ErasureRecord = {
      id: newId(),
      communityId: person.communityId,
      action: 'contact.erased',
      subjectId: personId,
      subjectName: person.name,
      fields,
      actor,
      at,
      createdAt: at,
      updatedAt: at,
    }
    await db.contacts.delete(personId)
    await db.auditLog.add(record as never)
    await db.settings.put({ key: TOMBSTONES, value: [...(await tombstones(db)), record] })
    return record
  })
  // A snapshot at once: the journal files older than it, which hold the erased details, are removed.
  if (erased) await takeSnapshot()
  return erased
}

export async function listErasures(communityId: string): Promise<ErasureRecord[]> {
  const rows = (await db.auditLog.where('communityId').equals(communityId).toArray()) as unknown as ErasureRecord[]
  return rows.filter((r) => r.action === 'contact.erased').sort((a, b) => (a.at < b.at ? 1 : -1))
}

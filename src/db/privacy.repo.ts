// Personal data: the app-lock password (as a slow salted hash, never the
// password) and erasure of a resident's contact details with an audit record.
import { newId, nowIso } from '@/domain/ids'
import {
  failureDelayMs,
  LOCK_ITERATIONS,
  MEDIA_PASSPHRASE_MIN,
  sameDigest,
  type LockFailures,
  type LockRecord,
} from '@/domain/lock'
import { pbkdf2 } from '@/archive/crypto'
import { fromBase64, toBase64 } from '@/archive/bytes'
import { db } from './schema'
import { write } from './write'
import { TOMBSTONES, tombstones, type ErasureRecord } from './tombstones'

export type { ErasureRecord }
import { takeSnapshot } from './journal/journal'

const LOCK = 'lock'
const FAILURES = 'lockFailures'
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export async function getLock(): Promise<LockRecord | undefined> {
  return (await db.settings.get(LOCK))?.value as LockRecord | undefined
}

export async function setLockPassword(password: string, idleMinutes: number): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const hash = hex(await pbkdf2(password, salt, LOCK_ITERATIONS))
  const record: LockRecord = {
    algo: 'PBKDF2-SHA256',
    iterations: LOCK_ITERATIONS,
    salt: toBase64(salt),
    hash,
    idleMinutes,
    setAt: nowIso(),
    mediaReady: [...password].length >= MEDIA_PASSPHRASE_MIN,
  }
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: LOCK, value: record })
    await db.settings.delete(FAILURES)
  })
}

export async function setIdleMinutes(idleMinutes: number): Promise<void> {
  const lock = await getLock()
  if (lock) await db.settings.put({ key: LOCK, value: { ...lock, idleMinutes } })
}

export async function removeLock(): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.delete(LOCK)
    await db.settings.delete(FAILURES)
  })
}

export type UnlockResult = { ok: true } | { ok: false; waitMs: number; failures: number }

/**
 * Checks a password. Failures are stored, so a restart does not reset the
 * delay that follows the fifth wrong try; while the delay runs no try counts.
 */
export async function tryUnlock(password: string, now = Date.now()): Promise<UnlockResult> {
  const lock = await getLock()
  if (!lock) return { ok: true }
  const failures = ((await db.settings.get(FAILURES))?.value as LockFailures | undefined) ?? { count: 0 }
  if (failures.until && Date.parse(failures.until) > now)
    return { ok: false, waitMs: Date.parse(failures.until) - now, failures: failures.count }
  const hash = hex(await pbkdf2(password, fromBase64(lock.salt), lock.iterations))
  if (sameDigest(hash, lock.hash)) {
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

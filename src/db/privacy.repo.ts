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
import type { Dexie } from 'dexie'
import { db } from './schema'
import { write } from './write'
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

export interface ErasureRecord {
  id: string
  communityId: string
  action: 'contact.erased'
  subjectId: string
  subjectName: string
  /** Which kinds of detail were removed — never their values */
  fields: string[]
  actor: string
  at: string
  createdAt: string
  updatedAt: string
}

/**
 * Device-local (settings never travel): every erasure made on this laptop.
 * Imports, restores and journal recovery re-apply it, so an older copy never
 * brings erased details back, and a restore never clears the erasure log.
 */
const TOMBSTONES = 'erasures'

async function tombstones(d: Dexie): Promise<ErasureRecord[]> {
  return ((await d.table('settings').get(TOMBSTONES))?.value as ErasureRecord[] | undefined) ?? []
}

export async function erasedPersonIds(d: Dexie = db): Promise<string[]> {
  return (await tombstones(d)).map((t) => t.subjectId)
}

/**
 * Deletes the contact details of every erased person again and puts back any
 * erasure record an older copy lacked. Joins the caller's transaction when
 * there is one (an import applies it before it commits). Returns the contacts removed.
 */
export async function applyTombstones(d: Dexie = db): Promise<number> {
  return d.transaction('rw', [d.table('settings'), d.table('contacts'), d.table('auditLog')], async () => {
    // Erasures recorded in the database (made before tombstones existed, or merged in from another laptop) join the list.
    const own = await tombstones(d)
    const known = new Set(own.map((t) => t.id))
    const logged0 = (await d.table('auditLog').toArray()) as ErasureRecord[]
    const extra = logged0.filter((r) => r.action === 'contact.erased' && !known.has(r.id))
    const list = [...own, ...extra]
    if (extra.length) await d.table('settings').put({ key: TOMBSTONES, value: list })
    if (!list.length) return 0
    // A contact entered again after the erasure (the resident gave a new number) is kept.
    const erasedAt = new Map<string, string>()
    for (const t of list) if ((erasedAt.get(t.subjectId) ?? '') < t.at) erasedAt.set(t.subjectId, t.at)
    const contacts = (await d.table('contacts').bulkGet([...erasedAt.keys()])) as (
      { id: string; updatedAt?: string } | undefined
    )[]
    const doomed = contacts.filter((c) => c && (c.updatedAt ?? '') <= erasedAt.get(c.id)!).map((c) => c!.id)
    await d.table('contacts').bulkDelete(doomed)
    const present = doomed.length
    const logged = await d.table('auditLog').bulkGet(list.map((t) => t.id))
    const missing = list.filter((_, i) => !logged[i])
    if (missing.length) await d.table('auditLog').bulkPut(missing)
    return present
  })
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

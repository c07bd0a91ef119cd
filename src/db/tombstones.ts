// Erased people (tombstones), apart from the privacy repository so the journal
// can re-apply them after a recovery without importing the schema (no cycle).
import type { Dexie } from 'dexie'

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
export const TOMBSTONES = 'erasures'

export async function tombstones(d: Dexie): Promise<ErasureRecord[]> {
  return ((await d.table('settings').get(TOMBSTONES))?.value as ErasureRecord[] | undefined) ?? []
}

export async function erasedPersonIds(d: Dexie): Promise<string[]> {
  return (await tombstones(d)).map((t) => t.subjectId)
}

/**
 * Deletes the contact details of every erased person again and puts back any
 * erasure record an older copy lacked. Joins the caller's transaction when
 * there is one (an import applies it before it commits). Returns the contacts removed.
 */
export async function applyTombstones(d: Dexie): Promise<number> {
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

// After an erasure, the erased phone and ID numbers may still sit in free
// text someone typed (a request's description, feedback, a statement, an
// objection). This finds them and masks them where the row may change; a
// row of a sealed meeting is never edited (the seal guard would refuse it
// anyway), so those are only reported: they stay as they are, and the
// privacy screen says so.
import { nowIso } from '@/domain/ids'
import { maskIdNumber, maskPhone } from '@/domain/privacy'
import { db } from './schema'
import { archivedTables } from './archive.repo'
import { write } from './write'
import { openContact } from './contact-crypto'
import type { Contact } from '@/domain/person'

/** Tables that hold no free text worth searching, or that are handled elsewhere (contacts by the erasure itself). */
// `seals` in an archive, `sealBatches` in the database: the same links, no free text.
export const SKIP = new Set(['contacts', 'attachments', 'seals', 'sealBatches', 'auditLog'])

export interface TextHit {
  table: string
  id: string
  /** A row of a sealed meeting: reported, never edited */
  sealed: boolean
}

export interface Needle {
  pattern: RegExp
  masked: string
}

/** The number, also when typed with spaces or dashes between its digits (138 1234 5678). */
function needle(value: string, masked: string): Needle {
  const chars = [...value.replace(/[\s-]/g, '')]
  const body = chars.map((c) => (/[xX]/.test(c) ? '[xX]' : c)).join('[\\s-]?')
  return { pattern: new RegExp(`(?<![0-9])${body}(?![0-9xX])`, 'g'), masked }
}

/** What to look for: the person's phone and ID number (decrypted; the call needs the app unlocked). */
export async function erasedNeedles(personId: string): Promise<Needle[]> {
  const stored = await db.contacts.get(personId)
  return stored ? needlesOf(stored) : []
}

/** The needles of one stored contact row (a backup's, too): decrypted with the held keyring. */
export async function needlesOf(stored: Contact): Promise<Needle[]> {
  const c = await openContact(stored)
  return [
    ...(c.phone && c.phone.replace(/\D/g, '').length >= 7 ? [needle(c.phone, maskPhone(c.phone))] : []),
    ...(c.idNumber ? [needle(c.idNumber, maskIdNumber(c.idNumber))] : []),
  ]
}

export const hasNeedle = (v: unknown, needles: Needle[]): boolean =>
  typeof v === 'string'
    ? needles.some((n) => ((n.pattern.lastIndex = 0), n.pattern.test(v)))
    : Array.isArray(v)
      ? v.some((x) => hasNeedle(x, needles))
      : v !== null && typeof v === 'object' && !(v instanceof Uint8Array)
        ? Object.values(v).some((x) => hasNeedle(x, needles))
        : false

export function masked<T>(v: T, needles: Needle[]): T {
  if (typeof v === 'string') return needles.reduce((s, n) => s.replace(n.pattern, n.masked), v as string) as T
  if (Array.isArray(v)) return v.map((x) => masked(x, needles)) as T
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, masked(x, needles)])) as T
  return v
}

export type Row = Record<string, unknown> & { id: string }

async function sealedMeetings(): Promise<Set<string>> {
  const meetings = (await db.meetings.toArray()) as unknown as Row[]
  return new Set(meetings.filter((m) => m.sealedAt).map((m) => m.id))
}

export const isSealed = (table: string, row: Row, sealed: Set<string>) =>
  table === 'meetings' ? sealed.has(row.id) : typeof row.meetingId === 'string' && sealed.has(row.meetingId)

/** Every row whose text holds one of the numbers. */
export async function findInFreeText(needles: Needle[]): Promise<TextHit[]> {
  if (!needles.length) return []
  const sealed = await sealedMeetings()
  const hits: TextHit[] = []
  for (const t of archivedTables(db).filter((t) => !SKIP.has(t.name))) {
    for (const row of (await t.toArray()) as Row[])
      if (hasNeedle(row, needles)) hits.push({ table: t.name, id: row.id, sealed: isSealed(t.name, row, sealed) })
  }
  return hits
}

/** Masks the numbers in every unsealed hit, in one transaction. Returns how many rows changed. */
export async function maskInFreeText(hits: TextHit[], needles: Needle[]): Promise<number> {
  const open = hits.filter((h) => !h.sealed)
  if (!open.length || !needles.length) return 0
  const tables = [...new Set(open.map((h) => h.table))].map((n) => db.table(n))
  const sealed = await sealedMeetings()
  return write(tables, async () => {
    let changed = 0
    for (const h of open) {
      const row = (await db.table(h.table).get(h.id)) as Row | undefined
      if (!row || isSealed(h.table, row, sealed) || !hasNeedle(row, needles)) continue
      const next = masked(row, needles)
      await db.table(h.table).put('updatedAt' in row ? { ...next, updatedAt: nowIso() } : next)
      changed += 1
    }
    return changed
  })
}

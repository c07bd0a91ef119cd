// After an erasure, the backups made before it still hold the person. This
// reads a backup, tells whom it still holds, and rewrites it without them:
// the contact row goes, the erased phone and ID numbers are masked in free
// text, the erasure records join its audit log (so a restore anywhere
// applies them), and the file is packed, framed, hashed and encrypted again
// as it was. A row of a sealed meeting is never edited: what it still holds
// is counted and said. The main process writes the new bytes under the
// backup's own name (BackupStore.replace).
import { ArchiveError } from '@/archive/errors'
import { isEncryptedFile } from '@/archive/frame'
import { isKeySealed } from '@/archive/key-sealed'
import { packArchive, verifyArchiveChains, type ArchiveRow, type ArchiveTables, type Unpacked } from '@/archive/format'
import type { Contact } from '@/domain/person'
import { inspectArchive } from './archive.repo'
import { openBackupSeal, resealBackup } from './backup-key'
import { hasNeedle, isSealed, masked, needlesOf, SKIP, type Needle, type Row } from './erasure-text.repo'
import { db } from './schema'
import { tombstones, type ErasureRecord } from './tombstones'

export interface HeldPerson {
  id: string
  name: string
}

export type BackupScan =
  | { state: 'clean' }
  | { state: 'holds'; people: HeldPerson[] }
  /** Encrypted under another password, locked, or not a good file: it cannot be checked here */
  | { state: 'unreadable'; code: string }

type Seal = 'plain' | 'passphrase' | 'key'

async function openBackup(bytes: Uint8Array, secret: string | undefined): Promise<{ unpacked: Unpacked; seal: Seal }> {
  const seal: Seal = isKeySealed(bytes) ? 'key' : isEncryptedFile(bytes) ? 'passphrase' : 'plain'
  const opened = await openBackupSeal(bytes)
  return { unpacked: await inspectArchive(opened, seal === 'passphrase' ? secret : undefined), seal }
}

/**
 * The erasures whose person this copy still holds: a contact row no newer
 * than the latest erasure of that person (details given again afterwards are
 * the resident's new ones, kept as applyTombstones keeps them).
 */
export function heldErasures(tables: ArchiveTables, erasures: readonly ErasureRecord[]): ErasureRecord[] {
  const latest = new Map<string, ErasureRecord>()
  for (const e of erasures) if ((latest.get(e.subjectId)?.at ?? '') < e.at) latest.set(e.subjectId, e)
  const contacts = new Map((tables.contacts ?? []).map((c) => [c.id, c]))
  return [...latest.values()].filter((e) => {
    const c = contacts.get(e.subjectId)
    return c && String(c.updatedAt ?? '') <= e.at
  })
}

/** When the latest erasure on this laptop was made; a backup written after it was made without the person. */
export async function latestErasureAt(): Promise<string | undefined> {
  return (await tombstones(db)).reduce<string | undefined>((a, e) => (a && a > e.at ? a : e.at), undefined)
}

const people = (held: ErasureRecord[]): HeldPerson[] => held.map((e) => ({ id: e.subjectId, name: e.subjectName }))

/** Whom of the people erased on this laptop a backup still holds. Reads only. */
export async function scanBackup(bytes: Uint8Array, secret: string | undefined): Promise<BackupScan> {
  const erasures = await tombstones(db)
  if (!erasures.length) return { state: 'clean' }
  try {
    const { unpacked } = await openBackup(bytes, secret)
    const held = heldErasures(unpacked.tables, erasures)
    return held.length ? { state: 'holds', people: people(held) } : { state: 'clean' }
  } catch (e) {
    return { state: 'unreadable', code: e instanceof ArchiveError ? e.code : 'notArchive' }
  }
}

export interface RewrittenBackup {
  bytes: Uint8Array
  removed: HeldPerson[]
  /** Unsealed rows whose free text had the erased numbers masked */
  masked: number
  /** Rows of sealed meetings that still hold an erased number: never edited */
  sealedKept: number
}

/** Masks the numbers in every unsealed row of every searched table; counts the sealed rows that keep them. */
function maskTables(tables: ArchiveTables, needles: Needle[]): { masked: number; sealedKept: number } {
  const sealedMeetings = new Set((tables.meetings ?? []).filter((m) => m.sealedAt).map((m) => m.id))
  let maskedRows = 0
  let sealedKept = 0
  if (!needles.length) return { masked: 0, sealedKept: 0 }
  for (const [table, rows] of Object.entries(tables)) {
    if (SKIP.has(table)) continue
    tables[table] = rows.map((row) => {
      if (!hasNeedle(row, needles)) return row
      if (isSealed(table, row as Row, sealedMeetings)) return (void (sealedKept += 1), row)
      maskedRows += 1
      return masked(row, needles) as ArchiveRow
    })
  }
  return { masked: maskedRows, sealedKept }
}

/**
 * The backup without the erased people it holds, encrypted as it was (a
 * version-1 file comes back as version 2, under the same password). The
 * result is checked as an import would check it before it is returned:
 * chains, codes and row schemas all hold.
 */
export async function rewriteBackup(bytes: Uint8Array, secret: string | undefined): Promise<RewrittenBackup> {
  const { unpacked, seal } = await openBackup(bytes, secret)
  const tables: ArchiveTables = { ...unpacked.tables }
  const held = heldErasures(tables, await tombstones(db))
  const doomed = new Set(held.map((e) => e.subjectId))
  const needles: Needle[] = []
  for (const c of tables.contacts ?? [])
    if (doomed.has(c.id)) needles.push(...(await needlesOf(c as unknown as Contact)))
  tables.contacts = (tables.contacts ?? []).filter((c) => !doomed.has(c.id))
  const counts = maskTables(tables, needles)
  const logged = new Set((tables.auditLog ?? []).map((r) => r.id))
  if (tables.auditLog)
    tables.auditLog = [
      ...tables.auditLog,
      ...held.filter((e) => !logged.has(e.id)).map((e) => e as unknown as ArchiveRow),
    ]
  await verifyArchiveChains(tables, unpacked.issued)
  const framed = await packArchive({
    tables,
    documents: unpacked.documents,
    scope: unpacked.manifest.scope,
    schemaVersion: unpacked.manifest.schemaVersion,
    createdAt: unpacked.manifest.createdAt,
    issued: unpacked.issued,
    passphrase: seal === 'passphrase' ? secret : undefined,
  })
  const out = seal === 'key' ? await resealBackup(framed) : framed
  // Read back as an import would: a rewrite that does not open is never handed to main.
  await openBackup(out, secret)
  return { bytes: out, removed: people(held), ...counts }
}

// Whole-database export and import through the archive format. Import runs
// every check on the file first (src/archive/format.ts) and then writes in
// one transaction, so a refused file leaves the database exactly as it was.
import type { Dexie, Table } from 'dexie'
import { canonicalJson, sealedPayload, type SealKind } from '@/domain/seal'
import { nowIso } from '@/domain/ids'
import { ArchiveError } from '@/archive/errors'
import {
  canonicalTablesHash,
  packArchive,
  SEAL_TABLES,
  unpackArchive,
  type ArchiveDocument,
  type ArchiveRow,
  type ArchiveTables,
  type Unpacked,
} from '@/archive/format'
import { db as appDb } from './schema'
import { markRestoring } from './seal-guard'

/** Device-local: the projector's slide and this laptop's settings (lock, backup folder) never travel. */
export const LOCAL_TABLES = ['projection', 'settings'] as const
/** Tables whose rows are sealed facts: an import may add them, never change them. */
const SEALED_TABLES = new Set(['seals', ...Object.values(SEAL_TABLES)])
const KIND_OF_TABLE = new Map(Object.entries(SEAL_TABLES).map(([kind, table]) => [table, kind as SealKind]))

/** The part of a row that may not differ between two copies (meetings and action items move on after sealing). */
function frozen(table: string, row: ArchiveRow): string {
  const kind = KIND_OF_TABLE.get(table)
  return canonicalJson(kind ? sealedPayload(kind, row) : row)
}

export function archivedTables(d: Dexie = appDb): Table[] {
  return d.tables
    .filter((t) => !(LOCAL_TABLES as readonly string[]).includes(t.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
}

export interface ExportOptions {
  /** Only this community's records; all communities when absent. */
  communityId?: string
  /** A period (YYYY-MM-DD, inclusive) for the unsealed records; the sealed chain always travels whole so it verifies. */
  from?: string
  to?: string
  passphrase?: string
  /** The period's PDFs, for the package handed upward. */
  documents?: ArchiveDocument[]
}

function inScope(table: string, row: ArchiveRow, opts: ExportOptions): boolean {
  if (opts.communityId && row.communityId !== opts.communityId && row.id !== opts.communityId) return false
  if ((opts.from || opts.to) && !SEALED_TABLES.has(table) && table !== 'communities' && table !== 'people') {
    const day = String(row.createdAt ?? '').slice(0, 10)
    if (opts.from && day < opts.from) return false
    if (opts.to && day > opts.to) return false
  }
  return true
}

/** Reads every archived table in one read transaction: a consistent snapshot. */
export async function readTables(d: Dexie = appDb, opts: ExportOptions = {}): Promise<ArchiveTables> {
  const tables = archivedTables(d)
  const out: ArchiveTables = {}
  await d.transaction('r', tables, async () => {
    for (const t of tables) out[t.name] = ((await t.toArray()) as ArchiveRow[]).filter((r) => inScope(t.name, r, opts))
  })
  return out
}

export async function exportArchive(opts: ExportOptions = {}, d: Dexie = appDb): Promise<Uint8Array> {
  return packArchive({
    tables: await readTables(d, opts),
    documents: opts.documents,
    scope: { communityId: opts.communityId ?? null, from: opts.from ?? null, to: opts.to ?? null },
    schemaVersion: d.verno,
    createdAt: nowIso(),
    passphrase: opts.passphrase,
  })
}

/** The database's content as one hash: equal hashes mean equal records. */
export async function databaseHash(d: Dexie = appDb): Promise<string> {
  return canonicalTablesHash(await readTables(d))
}

/** Validates without writing: what the import screen shows before asking to confirm. */
export async function inspectArchive(bytes: Uint8Array, passphrase?: string, d: Dexie = appDb): Promise<Unpacked> {
  return unpackArchive(bytes, { passphrase, knownTables: archivedTables(d).map((t) => t.name) })
}

export type ImportMode = 'replace' | 'merge'
export interface ImportResult {
  rows: number
  tables: Record<string, number>
}

/**
 * 'replace' restores: the archive becomes the database. 'merge' adds another
 * community's or another laptop's records; a sealed record that differs from
 * the one already here is a conflict and refuses the whole file.
 */
export async function importArchive(
  bytes: Uint8Array,
  mode: ImportMode,
  passphrase?: string,
  d: Dexie = appDb,
): Promise<ImportResult> {
  const { tables: content } = await inspectArchive(bytes, passphrase, d)
  const tables = archivedTables(d).filter((t) => content[t.name])
  if (mode === 'merge') await checkMerge(content, d)
  const written: Record<string, number> = {}
  await d.transaction('rw', archivedTables(d), async () => {
    // The file's chain was verified above, so a restore may replace sealed rows wholesale.
    if (mode === 'replace') markRestoring()
    if (mode === 'replace') for (const t of archivedTables(d)) await t.clear()
    for (const t of tables) {
      const rows = content[t.name]!
      if (rows.length) await t.bulkPut(rows)
      written[t.name] = rows.length
    }
  })
  return { rows: Object.values(written).reduce((a, b) => a + b, 0), tables: written }
}

async function checkMerge(content: ArchiveTables, d: Dexie): Promise<void> {
  for (const name of SEALED_TABLES) {
    const rows = content[name] ?? []
    if (!rows.length) continue
    const existing = await d.table(name).bulkGet(rows.map((r) => r.id))
    rows.forEach((row, i) => {
      const here = existing[i]
      if (here && frozen(name, here as ArchiveRow) !== frozen(name, row))
        throw new ArchiveError('conflict', { table: name })
    })
  }
  // Two different chains for one community cannot both be kept: the one here must be a prefix of the file's, or the other way round.
  const bySeq = (rows: ArchiveRow[]) =>
    new Map(rows.map((r) => [`${String(r.communityId)}#${String(r.seq)}`, String(r.hash)]))
  const incoming = bySeq(content.seals ?? [])
  const communities = new Set((content.seals ?? []).map((s) => String(s.communityId)))
  for (const c of communities) {
    const here = bySeq((await d.table('seals').where('communityId').equals(c).toArray()) as ArchiveRow[])
    for (const [k, hash] of here)
      if (incoming.has(k) && incoming.get(k) !== hash) throw new ArchiveError('conflict', { table: 'seals' })
  }
}

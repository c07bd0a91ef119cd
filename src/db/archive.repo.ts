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
  verifyArchiveChains,
  type ArchiveDocument,
  type ArchiveRow,
  type ArchiveTables,
  type Unpacked,
} from '@/archive/format'
import { db as appDb } from './schema'
import { markRestoring } from './seal-guard'
import { rebuildStatMonths } from './aggregates/rebuild'
import { sealContact } from './contact-crypto'
import { carriedKeysDocument, reopenCarried } from './archive-keyring'
import type { Contact } from '@/domain/person'
import { takeSnapshot } from './journal/journal'
import { applyTombstones, erasedPersonIds } from './tombstones'
import { FLAT_OF_STORE, flatGet, flatRows, putFlat } from './per-meeting'
import { reporter, type OnProgress } from '@/archive/progress'
import type { IssuedCode } from '@/domain/chain-audit'
import { issueCode, issuedCodes } from '@/platform'

/** Device-local: the projector's slide and this laptop's settings (lock, backup folder) never travel. */
export const LOCAL_TABLES = ['projection', 'settings', 'statMonths'] as const
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
    .sort((a, b) => (archiveName(a) < archiveName(b) ? -1 : 1))
}

/**
 * The table a store travels as: per-meeting sheets and link batches travel
 * flat (`attendance`, `seals`, per-meeting.ts), so archives, packages and
 * their checks are the same whichever schema wrote them.
 */
export const archiveName = (t: Table): string => FLAT_OF_STORE[t.name] ?? t.name

export interface ExportOptions {
  /** Only this community's records; all communities when absent. */
  communityId?: string
  /** A period (YYYY-MM-DD, inclusive) for the unsealed records; the sealed chain always travels whole so it verifies. */
  from?: string
  to?: string
  passphrase?: string
  /** The period's PDFs, for the package handed upward. */
  documents?: ArchiveDocument[]
  /**
   * Skips the audit: only the copy taken before a schema upgrade, which keeps
   * whatever is on disk. Every other export is refused when the chain does not verify.
   */
  unaudited?: boolean
  onProgress?: OnProgress
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
  const report = reporter(opts.onProgress)
  await d.transaction('r', tables, async () => {
    for (const [i, t] of tables.entries()) {
      void report('read', i, tables.length, true)
      const name = archiveName(t)
      out[name] = flatRows(t.name, await t.toArray()).filter((r) => inScope(name, r, opts))
    }
  })
  await report('read', tables.length, tables.length)
  return out
}

/**
 * Packs the database (or a community, or a period). The audit runs first over
 * exactly the rows being packed, against the codes issued at sealing: a
 * database changed around the seal guard (raw IndexedDB writes) is refused
 * here, so no backup or hand-out carries it as if it were genuine.
 */
export async function exportArchive(opts: ExportOptions = {}, d: Dexie = appDb): Promise<Uint8Array> {
  const tables = await readTables(d, opts)
  const issued = await issuedCodes()
  if (!opts.unaudited) await auditBeforeExport(tables, issued, opts.onProgress)
  return packArchive({
    onProgress: opts.onProgress,
    tables,
    // Under a passphrase, the keys of the contact rows travel too, so another laptop can read them.
    documents: [...(opts.documents ?? []), ...carriedKeysDocument(tables, opts.passphrase)],
    scope: { communityId: opts.communityId ?? null, from: opts.from ?? null, to: opts.to ?? null },
    schemaVersion: d.verno,
    createdAt: nowIso(),
    passphrase: opts.passphrase,
    issued: opts.communityId ? issued.filter((c) => c.communityId === opts.communityId) : issued,
  })
}

async function auditBeforeExport(tables: ArchiveTables, issued: IssuedCode[], onProgress?: OnProgress): Promise<void> {
  try {
    await verifyArchiveChains(tables, issued, onProgress, 'audit')
  } catch (e) {
    if (e instanceof ArchiveError) throw new ArchiveError('tampered', e.params)
    throw e
  }
}

/** The database's content as one hash: equal hashes mean equal records. */
export async function databaseHash(d: Dexie = appDb): Promise<string> {
  return canonicalTablesHash(await readTables(d))
}

/** Validates without writing: what the import screen shows before asking to confirm. */
export async function inspectArchive(bytes: Uint8Array, passphrase?: string, d: Dexie = appDb): Promise<Unpacked> {
  return unpackArchive(bytes, { passphrase, knownTables: archivedTables(d).map(archiveName) })
}

export type ImportMode = 'replace' | 'merge'
export interface ImportResult {
  rows: number
  tables: Record<string, number>
}

/** What an import does to one table: the import screen shows it before the user confirms. */
export interface TablePlan {
  adds: number
  updates: number
  keeps: number
  refuses: number
}
export type ImportPlan = Record<string, TablePlan>

interface PlannedImport {
  plan: ImportPlan
  /** The rows to write, per table */
  writes: ArchiveTables
  /** The first refusal, for the message */
  refusal?: ArchiveError
}

const stampOf = (row: ArchiveRow) => (typeof row.updatedAt === 'string' ? row.updatedAt : '')

/**
 * Decides row by row. Replace: every row of the file, as it is. Merge: a new
 * row is added; a sealed or append-only row must be identical to ours (the
 * part that moves on after sealing may be newer) or it is refused; any other
 * row replaces ours only when its `updatedAt` is newer, so a merge never goes
 * backwards. Contact details of people erased on this laptop are never written.
 */
async function planImport(content: ArchiveTables, mode: ImportMode, d: Dexie): Promise<PlannedImport> {
  const plan: ImportPlan = {}
  const writes: ArchiveTables = {}
  const erased = new Set(await erasedPersonIds(d))
  let refusal: ArchiveError | undefined
  const ownTable = new Map<string, string>()
  for (const name of archivedTables(d).map(archiveName)) {
    const rows = content[name]
    if (!rows) continue
    const p: TablePlan = { adds: 0, updates: 0, keeps: 0, refuses: 0 }
    const out: ArchiveRow[] = []
    const meetings = rows.map((r) => String(r.meetingId))
    const existing =
      mode === 'merge'
        ? await flatGet(
            d,
            name,
            rows.map((r) => r.id),
            meetings,
          )
        : []
    rows.forEach((row, i) => {
      if (name === 'contacts' && erased.has(row.id)) return void (p.keeps += 1)
      if (SEALED_TABLES.has(name)) ownTable.set(row.id, name)
      const here = existing[i]
      if (!here) {
        out.push(row)
        return void (p.adds += 1)
      }
      if (SEALED_TABLES.has(name) && frozen(name, here) !== frozen(name, row)) {
        refusal ??= new ArchiveError('conflict', { table: name })
        return void (p.refuses += 1)
      }
      if (stampOf(row) > stampOf(here)) {
        out.push(row)
        return void (p.updates += 1)
      }
      p.keeps += 1
    })
    plan[name] = p
    writes[name] = out
  }
  if (mode === 'merge') refusal ??= await strayAcrossTables(ownTable, d)
  if (mode === 'merge') refusal ??= await chainsDisagree(content, d)
  return { plan, writes, refusal }
}

/** A sealed row whose id this laptop holds in another sealed table: a decoy, never merged. */
async function strayAcrossTables(ownTable: Map<string, string>, d: Dexie): Promise<ArchiveError | undefined> {
  const ids = [...ownTable.keys()]
  for (const table of new Set(Object.values(SEAL_TABLES))) {
    const here = await flatGet(d, table, ids)
    const stray = here.find((r) => r && ownTable.get(r.id) !== table)
    if (stray)
      return new ArchiveError('duplicateSealed', { id: stray.id, table: ownTable.get(stray.id)!, other: table })
  }
  return undefined
}

/** Two different chains for one community cannot both be kept: one must be a prefix of the other. */
async function chainsDisagree(content: ArchiveTables, d: Dexie): Promise<ArchiveError | undefined> {
  const bySeq = (rows: ArchiveRow[]) =>
    new Map(rows.map((r) => [`${String(r.communityId)}#${String(r.seq)}`, String(r.hash)]))
  const incoming = bySeq(content.seals ?? [])
  const communities = new Set((content.seals ?? []).map((s) => String(s.communityId)))
  for (const c of communities) {
    const here = bySeq(flatRows('sealBatches', await d.table('sealBatches').where('communityId').equals(c).toArray()))
    for (const [k, hash] of here)
      if (incoming.has(k) && incoming.get(k) !== hash) return new ArchiveError('conflict', { table: 'seals' })
  }
  return undefined
}

/** A file checked whole and planned row by row against this database: nothing is written yet. */
export interface PreparedImport {
  unpacked: Unpacked
  mode: ImportMode
  plan: ImportPlan
  refusal?: ArchiveError
}

export interface ImportOptions {
  passphrase?: string
  onProgress?: OnProgress
}

/**
 * The first stage of an import: every check on the file (size, zip,
 * checksums, row schemas, the hash chains and issued codes) and the plan of
 * what the mode would do. Throws an ArchiveError for a file that fails a check.
 */
export async function prepareImport(
  bytes: Uint8Array,
  mode: ImportMode,
  opts: ImportOptions = {},
  d: Dexie = appDb,
): Promise<PreparedImport> {
  const unpacked = await unpackArchive(bytes, {
    passphrase: opts.passphrase,
    knownTables: archivedTables(d).map(archiveName),
    onProgress: opts.onProgress,
  })
  return replanImport(unpacked, mode, opts.onProgress, d)
}

/** The plan for another mode, from a file already checked. */
export async function replanImport(
  unpacked: Unpacked,
  mode: ImportMode,
  onProgress?: OnProgress,
  d: Dexie = appDb,
): Promise<PreparedImport> {
  await reporter(onProgress)('plan', 0, 1)
  const { plan, refusal } = await planImport(unpacked.tables, mode, d)
  await reporter(onProgress)('plan', 1, 1)
  return { unpacked, mode, plan, refusal }
}

/** Checks the file and tells, per table, what an import in this mode would do. Writes nothing. */
export async function previewImport(
  bytes: Uint8Array,
  mode: ImportMode,
  passphrase?: string,
  d: Dexie = appDb,
): Promise<{ plan: ImportPlan; refusal?: ArchiveError }> {
  const { plan, refusal } = await prepareImport(bytes, mode, { passphrase }, d)
  return { plan, refusal }
}

/**
 * 'replace' restores: the archive becomes the database. 'merge' adds another
 * community's or another laptop's records row by row (planImport); a sealed
 * record that differs from ours refuses the whole file. Either way the
 * erasures made on this laptop are applied again in the same transaction,
 * and the codes the file's laptop issued join this laptop's log.
 */
export async function importArchive(
  bytes: Uint8Array,
  mode: ImportMode,
  passphrase?: string,
  d: Dexie = appDb,
  onProgress?: OnProgress,
): Promise<ImportResult> {
  return commitImport(await prepareImport(bytes, mode, { passphrase, onProgress }, d), onProgress, d)
}

/**
 * The second stage: writes a prepared import in one transaction, so a
 * failure at any row (a sealed record refused, a full disk) leaves the
 * database exactly as it was. The plan is made again first: the database
 * may have changed while the user looked at the preview.
 */
export async function commitImport(
  prepared: PreparedImport,
  onProgress?: OnProgress,
  d: Dexie = appDb,
): Promise<ImportResult> {
  const report = reporter(onProgress)
  const { tables: content, issued, documents } = prepared.unpacked
  const { writes, refusal } = await planImport(content, prepared.mode, d)
  if (refusal) throw refusal
  // Contact rows under another laptop's keys are opened with the keys the file carries and encrypted under ours.
  if (writes.contacts) writes.contacts = await reopenCarried(writes.contacts, documents)
  // Contact rows from a copy made before the password (or on a laptop without one) are encrypted on the way in.
  if (writes.contacts)
    writes.contacts = await Promise.all(
      writes.contacts.map(async (c) => (await sealContact(c as unknown as Contact)) as unknown as ArchiveRow),
    )
  const written: Record<string, number> = {}
  // Meetings last: a sealed meeting written first would make the seal guard refuse its own votes and attendance.
  const order = archivedTables(d)
    .map(archiveName)
    .sort((a, b) => Number(a === 'meetings') - Number(b === 'meetings'))
  const total = order.reduce((n, name) => n + (writes[name]?.length ?? 0), 0)
  await d.transaction('rw', d.tables, async () => {
    // The file's chain was verified above, so a restore may replace sealed rows wholesale.
    // First, before any await: the restore mark is read from the current transaction.
    if (prepared.mode === 'replace') markRestoring()
    void report('write', 0, total, true)
    if (prepared.mode === 'replace') for (const t of archivedTables(d)) await t.clear()
    let done = 0
    for (const name of order) {
      const rows = writes[name] ?? []
      await putFlat(d, name, rows)
      written[name] = rows.length
      done += rows.length
      void report('write', done, total, true)
    }
    await applyTombstones(d)
  })
  await report('finish', 0, 3)
  await keepIssuedCodes(issued)
  // The bulk write left the statistics month rows stale: count them now rather than at the first look.
  await rebuildStatMonths(d)
  await report('finish', 1, 3)
  // A snapshot right after: recovery then starts from the imported state, not by replaying one huge entry.
  await takeSnapshot()
  await report('finish', 3, 3)
  return { rows: Object.values(written).reduce((a, b) => a + b, 0), tables: written }
}

/** Adds the file's issued codes this laptop's log does not have yet. */
async function keepIssuedCodes(incoming: IssuedCode[]): Promise<void> {
  if (!incoming.length) return
  const known = new Set((await issuedCodes()).map((c) => `${c.meetingId}|${c.head}`))
  for (const c of incoming) if (!known.has(`${c.meetingId}|${c.head}`)) await issueCode(c)
}

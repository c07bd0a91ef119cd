// Packing and unpacking the archive. Unpack runs every check (size, zip,
// manifest schema, version, checksums, row schemas, ids, hash chains) and
// either returns the whole content or throws an ArchiveError: the caller
// writes only after it returned.
import { zipSync, type Unzipped, type Zippable } from 'fflate'
import { canonicalJson, sealedRecords, type SealEntry, type SealKind } from '@/domain/seal'
import { auditChain, type IssuedCode, type SealedMeetingRef } from '@/domain/chain-audit'
import { sha256Hex } from '@/platform/hash'
import { sha256Bytes } from './bytes'
import { frame, unframe, unzipLimited } from './frame'
import { decryptArchive, encryptArchive, isEncrypted } from './crypto'
import { ArchiveError } from './errors'
import { reporter, type OnProgress } from './progress'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  issuedCodesSchema,
  LIMITS,
  manifestSchema,
  rowSchema,
  unsafeJson,
  type Manifest,
} from './schema'

export type ArchiveRow = { id: string; [key: string]: unknown }
export type ArchiveTables = Record<string, ArchiveRow[]>
export interface ArchiveDocument {
  name: string
  bytes: Uint8Array
}

export interface PackInput {
  tables: ArchiveTables
  documents?: ArchiveDocument[]
  scope: Manifest['scope']
  schemaVersion: number
  createdAt: string
  passphrase?: string
  /** The codes the laptop issued at sealing (from its log outside the database) */
  issued?: readonly IssuedCode[]
  onProgress?: OnProgress
}

export interface Unpacked {
  manifest: Manifest
  tables: ArchiveTables
  documents: ArchiveDocument[]
  issued: IssuedCode[]
}

/**
 * Issued codes travel as a checksummed document, so builds that predate them
 * still read the archive (they list it as one more document).
 */
export const ISSUED_DOCUMENT = 'issued-codes.json'

/** Where each sealed kind's records live. */
export const SEAL_TABLES: Record<SealKind, string> = {
  meeting: 'meetings',
  attendance: 'attendance',
  vote: 'votes',
  resolution: 'resolutions',
  actionItem: 'actionItems',
  amendment: 'amendments',
}

const enc = new TextEncoder()
const MANIFEST = 'manifest.json'
// A fixed time stamp inside the zip: the same data packs to the same bytes.
const ZIP_TIME = new Date('2020-01-01T00:00:00Z')

function isBlobRef(v: unknown): v is { $blob: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as { $blob?: unknown }).$blob === 'string'
  )
}

export async function packArchive(input: PackInput): Promise<Uint8Array> {
  const report = reporter(input.onProgress)
  const files: Record<string, Uint8Array> = {}
  const counts: Record<string, number> = {}
  for (const [table, rows] of Object.entries(input.tables)) {
    const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const out = sorted.map((row, i) => {
      const copy: Record<string, unknown> = { ...row }
      for (const [field, value] of Object.entries(row)) {
        if (!(value instanceof Uint8Array)) continue
        const path = `blobs/${table}/${i}-${field}.bin`
        files[path] = value
        copy[field] = { $blob: path }
      }
      return copy
    })
    files[`tables/${table}.json`] = enc.encode(JSON.stringify(out))
    counts[table] = rows.length
  }
  for (const doc of input.documents ?? []) files[`documents/${doc.name}`] = doc.bytes
  if (input.issued?.length) files[`documents/${ISSUED_DOCUMENT}`] = enc.encode(JSON.stringify(input.issued))
  const sums: Record<string, string> = {}
  const paths = Object.entries(files)
  for (const [i, [path, bytes]] of paths.entries()) {
    await report('pack', i, paths.length + 1)
    sums[path] = await sha256Bytes(bytes)
  }
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt,
    app: 'shangliang',
    scope: input.scope,
    tables: counts,
    files: sums,
  }
  // Photos and PDFs are compressed already: stored as they are, which takes
  // a ten-year archive's export from half a minute to a few seconds.
  const entries: Zippable = { [MANIFEST]: enc.encode(JSON.stringify(manifest, null, 1)) }
  for (const [path, bytes] of Object.entries(files))
    entries[path] = path.startsWith('tables/') ? bytes : [bytes, { level: 0 }]
  await report('pack', paths.length, paths.length + 1)
  const zip = zipSync(entries, { level: 6, mtime: ZIP_TIME })
  const framed = await frame(zip)
  await report('pack', 1, 1)
  return input.passphrase ? encryptArchive(framed, input.passphrase) : framed
}

// The zip is framed by a magic, the format version and a SHA-256 of the
// whole zip (frame.ts): a flipped byte anywhere, even in a zip field no reader
// looks at, or a cut-off end is caught before the zip is even opened.

function parseJson(bytes: Uint8Array, code: 'badManifest' | 'badRows', params: Record<string, string>): unknown {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new ArchiveError(code, params)
  }
  if (unsafeJson(value) !== null) throw new ArchiveError(code, params)
  return value
}

export interface UnpackOptions {
  passphrase?: string
  /** Tables this build knows; any other name is refused. */
  knownTables: readonly string[]
  onProgress?: OnProgress
}

export async function unpackArchive(bytes: Uint8Array, opts: UnpackOptions): Promise<Unpacked> {
  const report = reporter(opts.onProgress)
  await report('unpack', 0, 1)
  if (bytes.byteLength === 0) throw new ArchiveError('empty')
  if (bytes.byteLength > LIMITS.fileBytes) throw new ArchiveError('tooLarge')
  if (isEncrypted(bytes)) {
    if (!opts.passphrase) throw new ArchiveError('needPassphrase')
    bytes = await decryptArchive(bytes, opts.passphrase)
  }
  const zip = unzipLimited(await unframe(bytes))
  if (!zip[MANIFEST]) throw new ArchiveError('notArchive')
  const raw = parseJson(zip[MANIFEST], 'badManifest', {})
  const versionSeen = (raw as { version?: unknown })?.version
  if (typeof versionSeen === 'number' && versionSeen > ARCHIVE_VERSION)
    throw new ArchiveError('newerVersion', { version: versionSeen })
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) throw new ArchiveError('badManifest')
  const manifest = parsed.data
  for (const path of Object.keys(zip))
    if (path !== MANIFEST && !(path in manifest.files)) throw new ArchiveError('extraFile', { path })
  const sums = Object.entries(manifest.files)
  for (const [i, [path, sum]] of sums.entries()) {
    const file = zip[path]
    if (!file) throw new ArchiveError('missingFile', { path })
    if ((await sha256Bytes(file)) !== sum) throw new ArchiveError('checksum', { path })
    await report('unpack', i + 1, sums.length)
  }
  const tables: ArchiveTables = {}
  const rowTotal = Object.values(manifest.tables).reduce((a, b) => a + b, 0)
  let rowsDone = 0
  for (const [table, count] of Object.entries(manifest.tables)) {
    await report('rows', rowsDone, rowTotal)
    rowsDone += count
    if (!opts.knownTables.includes(table)) throw new ArchiveError('badTable', { table })
    const file = zip[`tables/${table}.json`]
    if (!file) throw new ArchiveError('missingFile', { path: `tables/${table}.json` })
    tables[table] = readRows(table, parseJson(file, 'badRows', { table }), zip, manifest)
    if (tables[table].length !== count) throw new ArchiveError('count', { table })
  }
  await report('rows', rowTotal, rowTotal)
  const documents = Object.keys(zip)
    .filter((p) => p.startsWith('documents/') && p !== `documents/${ISSUED_DOCUMENT}`)
    .map((p) => ({ name: p.slice('documents/'.length), bytes: zip[p]! }))
  const issuedFile = zip[`documents/${ISSUED_DOCUMENT}`]
  const issued = issuedFile ? readIssued(parseJson(issuedFile, 'badRows', { table: ISSUED_DOCUMENT })) : []
  await verifyArchiveChains(tables, issued, opts.onProgress)
  return { manifest, tables, documents, issued }
}

function readIssued(value: unknown): IssuedCode[] {
  const parsed = issuedCodesSchema.safeParse(value)
  if (!parsed.success) throw new ArchiveError('badRows', { table: ISSUED_DOCUMENT })
  return parsed.data
}

function readRows(table: string, value: unknown, zip: Unzipped, manifest: Manifest): ArchiveRow[] {
  if (!Array.isArray(value)) throw new ArchiveError('badRows', { table })
  const schema = rowSchema(table)
  const seen = new Set<string>()
  return value.map((item) => {
    const row = schema.safeParse(item)
    if (!row.success) throw new ArchiveError('badRows', { table })
    const out = { ...(row.data as ArchiveRow) }
    if (seen.has(out.id)) throw new ArchiveError('duplicateId', { table })
    seen.add(out.id)
    const community = manifest.scope.communityId
    if (
      community &&
      typeof out.communityId === 'string' &&
      out.communityId !== community &&
      !(table === 'communities' && out.id === community)
    )
      throw new ArchiveError('community', { table })
    for (const [field, v] of Object.entries(out)) {
      if (!isBlobRef(v)) continue
      if (!v.$blob.startsWith('blobs/') || !zip[v.$blob] || !(v.$blob in manifest.files))
        throw new ArchiveError('missingFile', { path: v.$blob })
      out[field] = zip[v.$blob]
    }
    return out
  })
}

/**
 * Recomputes every community's chain over the archive's own records, each
 * looked up in its own kind's table, and each sealed meeting's code; an id in
 * two sealed tables is refused with both tables named, and so is a chain that
 * no longer matches a code issued on the laptop that made the archive.
 */
export async function verifyArchiveChains(
  tables: ArchiveTables,
  issued: readonly IssuedCode[] = [],
  onProgress?: OnProgress,
  phase: 'verify' | 'audit' = 'verify',
): Promise<void> {
  const report = reporter(onProgress)
  const total = (tables.seals ?? []).length
  let before = 0
  const seenIn = new Map<string, string>()
  for (const table of Object.values(SEAL_TABLES))
    for (const row of tables[table] ?? []) {
      const other = seenIn.get(row.id)
      if (other) throw new ArchiveError('duplicateSealed', { id: row.id, table: other, other: table })
      seenIn.set(row.id, table)
    }
  const records = sealedRecords(
    Object.fromEntries(Object.entries(SEAL_TABLES).map(([kind, table]) => [kind, tables[table] ?? []])),
  )
  const byCommunity = new Map<string, SealEntry[]>()
  for (const seal of (tables.seals ?? []) as unknown as SealEntry[]) {
    const list = byCommunity.get(seal.communityId) ?? []
    list.push(seal)
    byCommunity.set(seal.communityId, list)
  }
  // A community whose links were all deleted still has its sealed meetings and issued codes to answer for.
  const meetingIds = new Set((tables.meetings ?? []).map((m) => m.id))
  for (const m of tables.meetings ?? [])
    if (m.sealedAt) byCommunity.set(String(m.communityId), byCommunity.get(String(m.communityId)) ?? [])
  for (const c of issued)
    if (meetingIds.has(c.meetingId)) byCommunity.set(c.communityId, byCommunity.get(c.communityId) ?? [])
  for (const [communityId, seals] of byCommunity) {
    const meetings = (tables.meetings ?? []).filter(
      (m) => m.communityId === communityId,
    ) as unknown as SealedMeetingRef[]
    const mine = issued.filter((c) => c.communityId === communityId)
    const check = await auditChain(seals, records, meetings, sha256Hex, mine, (n) => report(phase, before + n, total))
    if (!check.ok) throw new ArchiveError('brokenChain', { communityId, seq: check.seq ?? '-' })
    before += seals.length
  }
  await report(phase, total, total)
}

/** One hash over tables of rows, independent of row order and of zip bytes. */
export async function canonicalTablesHash(tables: ArchiveTables): Promise<string> {
  const sorted = Object.fromEntries(
    Object.entries(tables)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([t, rows]) => [t, [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))]),
  )
  return sha256Hex(canonicalJson(sorted))
}

// The journal's file format: lines of JSON, each behind a checksum, so a line
// cut off by a killed process is recognised and skipped. Two kinds of file:
//   snapshot-<gen>.jsonl  every row of every table, read in one transaction
//   journal-<gen>.jsonl   one line per committed write transaction after it
// Recovery = the newest complete snapshot + every journal entry newer than it.

/** The settings row naming the database a journal belongs to (its `dbId`) */
export const JOURNAL_KEY = 'journal'

/** One write inside a committed transaction. */
export type JournalOp =
  | { t: string; put: unknown[] }
  | { t: string; del: unknown[] }
  | { t: string; range: { lower: unknown; upper: unknown; lowerOpen?: boolean; upperOpen?: boolean } | 'all' }

/** One committed transaction. */
export interface JournalEntry {
  seq: number
  ops: JournalOp[]
}

export interface SnapshotHeader {
  kind: 'snapshot'
  gen: number
  /** Entries up to this number are inside the snapshot */
  seq: number
  /** The database this snapshot belongs to (settings row "journal") */
  dbId: string
  at: string
}
type SnapshotChunk = { kind: 'rows'; t: string; rows: unknown[] }
type SnapshotEnd = { kind: 'end'; rows: number }
type SnapshotLine = SnapshotHeader | SnapshotChunk | SnapshotEnd

export interface JournalFile {
  name: string
  text: string
}

// Uint8Array (attachments) does not survive JSON: it travels as base64.
const BYTES = '$u8'

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text)
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES]: toBase64(v) } : v))
}

export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) =>
    v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as Record<string, unknown>)[BYTES] === 'string'
      ? fromBase64((v as Record<string, string>)[BYTES] ?? '')
      : v,
  )
}

/** FNV-1a over the UTF-16 code units: enough to tell a whole line from a cut one. */
function checksum(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

export function toLine(value: unknown): string {
  const json = encodeJson(value)
  return `${checksum(json)} ${json}\n`
}

/** The whole lines of a file; a cut or damaged line is skipped, the rest kept. */
export function readLines<T>(text: string): T[] {
  const out: T[] = []
  for (const line of text.split('\n')) {
    if (line.length < 10 || line[8] !== ' ') continue
    const json = line.slice(9)
    if (checksum(json) !== line.slice(0, 8)) continue
    try {
      out.push(decodeJson(json) as T)
    } catch {
      // a checksum collision on a cut line: skip it like any other damage
    }
  }
  return out
}

export const genOf = (name: string) => Number(/-(\d+)\.jsonl$/.exec(name)?.[1] ?? NaN)

export const snapshotName = (gen: number) => `snapshot-${gen}.jsonl`
export const journalName = (gen: number) => `journal-${gen}.jsonl`

export interface CompleteSnapshot {
  header: SnapshotHeader
  tables: Map<string, unknown[]>
  rows: number
}

/** A snapshot file read back; undefined unless its header and end line are there and the row count matches. */
export function readSnapshot(text: string): CompleteSnapshot | undefined {
  const lines = readLines<SnapshotLine>(text)
  const header = lines[0]
  const end = lines[lines.length - 1]
  if (header?.kind !== 'snapshot' || end?.kind !== 'end') return undefined
  const tables = new Map<string, unknown[]>()
  let rows = 0
  for (const line of lines) {
    if (line.kind !== 'rows') continue
    const list = tables.get(line.t) ?? []
    list.push(...line.rows)
    tables.set(line.t, list)
    rows += line.rows.length
  }
  return rows === end.rows ? { header, tables, rows } : undefined
}

export interface RecoveryPlan {
  snapshot: CompleteSnapshot
  /** Newer than the snapshot, oldest first, each once */
  entries: JournalEntry[]
}

/**
 * What to restore from the files found: the newest complete snapshot (a
 * snapshot cut off while being written falls back to the one before it) and
 * the journal entries after it. Undefined when no complete snapshot exists.
 */
export function planRecovery(files: JournalFile[]): RecoveryPlan | undefined {
  const snapshots = files.filter((f) => f.name.startsWith('snapshot-')).sort((a, b) => genOf(b.name) - genOf(a.name))
  let snapshot: CompleteSnapshot | undefined
  for (const f of snapshots) if ((snapshot = readSnapshot(f.text))) break
  if (!snapshot) return undefined
  const after = snapshot.header.seq
  const bySeq = new Map<number, JournalEntry>()
  for (const f of files.filter((f) => f.name.startsWith('journal-')))
    for (const e of readLines<JournalEntry>(f.text)) if (e.seq > after && Array.isArray(e.ops)) bySeq.set(e.seq, e)
  return { snapshot, entries: [...bySeq.values()].sort((a, b) => a.seq - b.seq) }
}

/** Snapshot file lines: header, the rows in chunks, and an end line that counts them. */
export function snapshotLines(header: SnapshotHeader, tables: [string, unknown[]][], chunk = 500): string[] {
  const lines = [toLine(header)]
  let rows = 0
  for (const [t, all] of tables)
    for (let i = 0; i < all.length; i += chunk) {
      const part = all.slice(i, i + chunk)
      lines.push(toLine({ kind: 'rows', t, rows: part } satisfies SnapshotChunk))
      rows += part.length
    }
  lines.push(toLine({ kind: 'end', rows } satisfies SnapshotEnd))
  return lines
}

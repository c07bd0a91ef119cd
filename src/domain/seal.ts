// Sealing: when a meeting closes, its attendance, votes and resolutions are
// appended to the community's hash chain. Any later change to a sealed
// record, or to the chain itself, is found by verifyChain.
import type { RecordBase } from './ids'

export type SealKind = 'meeting' | 'attendance' | 'vote' | 'resolution' | 'actionItem' | 'amendment'

/** One link of the chain. `hash` covers the link's fields and the previous hash. */
export interface SealEntry extends RecordBase {
  meetingId: string
  /** Position in the community's chain, from 0 */
  seq: number
  kind: SealKind
  recordId: string
  /** SHA-256 of the sealed record's canonical JSON */
  payloadHash: string
  prevHash: string
  hash: string
  at: string
}

/** SHA-256 as lowercase hex; injected so the domain stays free of platform APIs. */
export type Sha256 = (text: string) => Promise<string>

export const GENESIS = '0'.repeat(64)

/**
 * JSON with keys sorted at every level and undefined fields dropped, so the
 * same record always hashes the same on any machine.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  if (value instanceof Uint8Array) return canonicalJson(Array.from(value))
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`)
}

function linkText(
  e: Pick<SealEntry, 'seq' | 'kind' | 'recordId' | 'meetingId' | 'payloadHash' | 'prevHash' | 'at'>,
): string {
  return canonicalJson({
    seq: e.seq,
    kind: e.kind,
    recordId: e.recordId,
    meetingId: e.meetingId,
    payloadHash: e.payloadHash,
    prevHash: e.prevHash,
    at: e.at,
  })
}

/**
 * The part of a record the seal covers. Action items keep changing status
 * after the meeting (progress, acceptance), so only their four answers and
 * title are sealed; every other sealed kind is frozen whole.
 */
export function sealedPayload(kind: SealKind, record: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'actionItem') {
    const { id, communityId, meetingId, topicId, resolutionId, title, owner, standard, dueOn, supervisor } = record
    return { id, communityId, meetingId, topicId, resolutionId, title, owner, standard, dueOn, supervisor }
  }
  if (kind === 'meeting') {
    const { id, communityId, title, type, date, startTime, place, chairId, recorderId, bodyId } = record
    return { id, communityId, title, type, date, startTime, place, chairId, recorderId, bodyId }
  }
  return record
}

export interface ToSeal {
  kind: SealKind
  record: { id: string } & Record<string, unknown>
}

/**
 * Appends records to a chain whose last link is `head` (undefined for a new
 * chain). Returns the new links; ids come from `newId`.
 */
export async function appendToChain(
  head: SealEntry | undefined,
  records: ToSeal[],
  ctx: { communityId: string; meetingId: string; at: string; newId: () => string; sha256: Sha256 },
): Promise<SealEntry[]> {
  const out: SealEntry[] = []
  let prevHash = head?.hash ?? GENESIS
  let seq = head ? head.seq + 1 : 0
  for (const { kind, record } of records) {
    const payloadHash = await ctx.sha256(canonicalJson(sealedPayload(kind, record)))
    const base = { seq, kind, recordId: record.id, meetingId: ctx.meetingId, payloadHash, prevHash, at: ctx.at }
    const hash = await ctx.sha256(linkText(base))
    out.push({ ...base, id: ctx.newId(), communityId: ctx.communityId, hash, createdAt: ctx.at, updatedAt: ctx.at })
    prevHash = hash
    seq += 1
  }
  return out
}

/**
 * The records a chain covers, looked up in the table of each link's own kind:
 * a copy of a sealed vote stored under the same id among the amendments must
 * not stand in for the vote.
 */
export type SealedRecords = ReadonlyMap<SealKind, ReadonlyMap<string, unknown>>

export const SEAL_KINDS: readonly SealKind[] = [
  'meeting',
  'attendance',
  'vote',
  'resolution',
  'actionItem',
  'amendment',
]

/** Builds the per-kind lookup from rows grouped by kind. */
export function sealedRecords(rows: Partial<Record<SealKind, readonly unknown[]>>): SealedRecords {
  return new Map(SEAL_KINDS.map((k) => [k, new Map((rows[k] ?? []).map((r) => [(r as { id: string }).id, r]))]))
}

export type ChainFailure = 'order' | 'link' | 'hash' | 'payload' | 'missing' | 'duplicate'

export type ChainCheck =
  { ok: true; head: string; length: number } | { ok: false; seq: number; reason: ChainFailure; strayKind?: SealKind }

/**
 * Recomputes the chain from the start. Each link's record is read from its
 * own kind; a missing or altered record fails the check, and so does a record
 * whose id also appears under another sealed kind (the stray copy is named).
 */
export async function verifyChain(
  entries: SealEntry[],
  records: SealedRecords,
  sha256: Sha256,
  /** Called every 500 links with how many are checked: a ten-year chain takes seconds. */
  onLinks?: (done: number) => void | Promise<void>,
): Promise<ChainCheck> {
  let prevHash = GENESIS
  for (let i = 0; i < entries.length; i++) {
    if (onLinks && i % 500 === 0) await onLinks(i)
    const e = entries[i]!
    if (e.seq !== i) return { ok: false, seq: i, reason: 'order' }
    if (e.prevHash !== prevHash) return { ok: false, seq: i, reason: 'link' }
    if ((await sha256(linkText(e))) !== e.hash) return { ok: false, seq: i, reason: 'hash' }
    const stray = SEAL_KINDS.find((k) => k !== e.kind && records.get(k)?.has(e.recordId))
    if (stray) return { ok: false, seq: i, reason: 'duplicate', strayKind: stray }
    const record = records.get(e.kind)?.get(e.recordId)
    if (record === undefined || record === null || typeof record !== 'object')
      return { ok: false, seq: i, reason: 'missing' }
    const payload = sealedPayload(e.kind, record as Record<string, unknown>)
    if ((await sha256(canonicalJson(payload))) !== e.payloadHash) return { ok: false, seq: i, reason: 'payload' }
    prevHash = e.hash
  }
  return { ok: true, head: prevHash, length: entries.length }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Characters of the printed code: 20 × 5 = 100 bits, beyond guessing. */
const CODE_CHARS = 20
/** Codes printed before 2026-12 were 10 characters (50 bits); they still verify their own meetings. */
const LEGACY_CHARS = 10

function crockford(hash: string, chars: number): string {
  let bits = ''
  for (const ch of hash.slice(0, Math.ceil((chars * 5) / 4))) bits += parseInt(ch, 16).toString(2).padStart(4, '0')
  let code = ''
  for (let i = 0; i < chars * 5; i += 5) code += CROCKFORD[parseInt(bits.slice(i, i + 5), 2)]
  return code
}

const group = (code: string, size: number) => code.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-')

/**
 * The code printed on minutes and notices: the first 100 bits of the
 * meeting's last link hash in Crockford base32, in five groups of four
 * (no I, L, O, U to misread). Typed back in, it is checked against the chain.
 */
export function verificationCode(hash: string): string {
  return group(crockford(hash, CODE_CHARS), 4)
}

/** Normalises a typed code: case, spaces, and the letters people confuse. */
export function normaliseCode(typed: string): string {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
  if (clean.length === CODE_CHARS) return group(clean, 4)
  return clean.length === LEGACY_CHARS ? group(clean, 5) : clean
}

/** Whether a code (typed, printed or stored, either length) is the one of this link hash. */
export function codeMatches(hash: string, code: string): boolean {
  const n = normaliseCode(code).replace(/-/g, '')
  if (n.length === CODE_CHARS) return crockford(hash, CODE_CHARS) === n
  return n.length === LEGACY_CHARS && crockford(hash, LEGACY_CHARS) === n
}

/** Whether a code is in the short form printed before codes grew to 100 bits. */
export const isLegacyCode = (code: string) => normaliseCode(code).replace(/-/g, '').length === LEGACY_CHARS

const QR_PREFIX = 'shangliang:seal:'

/** What the QR on a sealed document holds: the full hash of the meeting's last chain link. */
export const headQrText = (hash: string) => `${QR_PREFIX}${hash}`

/** The full link hash from a scanned QR (a scanner types it like a keyboard) or a pasted hash. */
export function headFromText(typed: string): string | undefined {
  const t = typed.trim().toLowerCase()
  const hex = t.startsWith(QR_PREFIX) ? t.slice(QR_PREFIX.length) : t
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined
}

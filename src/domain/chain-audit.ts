// Auditing a community's whole chain: the links and sealed records (verifyChain)
// plus each sealed meeting's printed verification code, which pins where that
// meeting's part of the chain ends — so a chain cut short is found too — and
// the codes issued when each meeting was sealed, kept outside the database,
// which catch a chain recomputed from scratch with its stored codes rewritten.
import {
  codeMatches,
  headFromText,
  isLegacyCode,
  verifyChain,
  type ChainFailure,
  type SealEntry,
  type SealKind,
  type SealedRecords,
  type Sha256,
} from './seal'

export interface SealedMeetingRef {
  id: string
  title?: string
  date?: string
  verificationCode?: string
}

/** A code as issued at sealing time, appended to a log the database cannot rewrite. */
export interface IssuedCode {
  communityId: string
  meetingId: string
  /** The printed code */
  code: string
  /** The full hash of the meeting's last chain link (what the QR holds) */
  head: string
  /** When it was issued (ISO) */
  at: string
  title?: string
  date?: string
}

export type ChainAudit =
  | { ok: true; length: number; head: string }
  | {
      ok: false
      reason: ChainFailure | 'code' | 'issued'
      seq?: number
      meetingId?: string
      recordId?: string
      kind?: SealKind
      /** For 'duplicate': the other kind whose table holds a row with the same id */
      strayKind?: SealKind
    }

export async function auditChain(
  entries: SealEntry[],
  records: SealedRecords,
  meetings: SealedMeetingRef[],
  sha256: Sha256,
  issued: readonly IssuedCode[] = [],
  onLinks?: (done: number) => void | Promise<void>,
): Promise<ChainAudit> {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq)
  const check = await verifyChain(sorted, records, sha256, onLinks)
  if (!check.ok) {
    const e = sorted[check.seq]
    return {
      ok: false,
      reason: check.reason,
      seq: check.seq,
      meetingId: e?.meetingId,
      recordId: e?.recordId,
      kind: e?.kind,
      strayKind: check.strayKind,
    }
  }
  const last = lastLinks(sorted)
  for (const m of meetings) {
    if (!m.verificationCode) continue
    const link = last.get(m.id)
    if (!link || !codeMatches(link.hash, m.verificationCode)) return { ok: false, reason: 'code', meetingId: m.id }
  }
  for (const c of issued) {
    if (sorted.length && c.communityId !== sorted[0]!.communityId) continue
    if (last.get(c.meetingId)?.hash !== c.head) return { ok: false, reason: 'issued', meetingId: c.meetingId }
  }
  return { ok: true, length: check.length, head: check.head }
}

/** Each meeting's last sealing link: what its code pins (later amendments append links of their own). */
export function lastLinks(sorted: SealEntry[]): Map<string, SealEntry> {
  const last = new Map<string, SealEntry>()
  for (const e of sorted) if (e.kind !== 'amendment') last.set(e.meetingId, e)
  return last
}

/**
 * The sealed meeting a typed code belongs to, if any. Takes the printed code
 * (either length, compared after normalising) or the full hash from the QR.
 * A short pre-2026-12 code only matches a meeting that was issued one.
 */
export function meetingForCode(
  typed: string,
  entries: SealEntry[],
  meetings: SealedMeetingRef[] = [],
): string | undefined {
  const head = headFromText(typed)
  const legacy = new Set(
    meetings.filter((m) => m.verificationCode && isLegacyCode(m.verificationCode)).map((m) => m.id),
  )
  for (const [meetingId, e] of lastLinks([...entries].sort((a, b) => a.seq - b.seq))) {
    if (head ? e.hash === head : codeMatches(e.hash, typed) && (!isLegacyCode(typed) || legacy.has(meetingId)))
      return meetingId
  }
  return undefined
}

/** Tables whose rows the data layer guards once their meeting is sealed (action items: their four answers). */
export const SEALED_RECORD_TABLES = ['signInSheets', 'votes', 'resolutions', 'actionItems', 'sealBatches']

/** Refused change to a sealed record; `key` is the message to show. */
export class SealedRecordError extends Error {
  readonly key = 'backup.errors.sealed'
  constructor(readonly table: string) {
    super(`sealed record in ${table} cannot be changed or deleted`)
    this.name = 'SealedRecordError'
  }
}

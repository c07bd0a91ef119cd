// Auditing a community's whole chain: the links and sealed records (verifyChain)
// plus each sealed meeting's printed verification code, which pins where that
// meeting's part of the chain ends — so a chain cut short is found too.
import { normaliseCode, verificationCode, verifyChain, type SealEntry, type Sha256 } from './seal'

export interface SealedMeetingRef {
  id: string
  title?: string
  date?: string
  verificationCode?: string
}

export type ChainAudit =
  | { ok: true; length: number; head: string }
  | { ok: false; reason: 'order' | 'link' | 'hash' | 'payload' | 'missing' | 'code'; seq?: number; meetingId?: string }

export async function auditChain(
  entries: SealEntry[],
  records: ReadonlyMap<string, unknown>,
  meetings: SealedMeetingRef[],
  sha256: Sha256,
): Promise<ChainAudit> {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq)
  const check = await verifyChain(sorted, records, sha256)
  if (!check.ok) return { ok: false, reason: check.reason, seq: check.seq }
  for (const m of meetings) {
    if (!m.verificationCode) continue
    const last = sorted.filter((e) => e.meetingId === m.id).at(-1)
    if (!last || verificationCode(last.hash) !== normaliseCode(m.verificationCode))
      return { ok: false, reason: 'code', meetingId: m.id }
  }
  return { ok: true, length: check.length, head: check.head }
}

/** The sealed meeting a typed code belongs to, if any (codes are compared after normalising). */
export function meetingForCode(typed: string, entries: SealEntry[]): string | undefined {
  const code = normaliseCode(typed)
  const lastByMeeting = new Map<string, SealEntry>()
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) lastByMeeting.set(e.meetingId, e)
  for (const [meetingId, e] of lastByMeeting) if (verificationCode(e.hash) === code) return meetingId
  return undefined
}

/** Tables whose rows a sealed meeting freezes; a change after sealing is an amendment record instead. */
/** Tables whose rows the data layer guards once their meeting is sealed (action items: their four answers). */
export const SEALED_RECORD_TABLES = ['attendance', 'votes', 'resolutions', 'actionItems', 'seals']

/** Refused change to a sealed record; `key` is the message to show. */
export class SealedRecordError extends Error {
  readonly key = 'backup.errors.sealed'
  constructor(readonly table: string) {
    super(`sealed record in ${table} cannot be changed or deleted`)
    this.name = 'SealedRecordError'
  }
}

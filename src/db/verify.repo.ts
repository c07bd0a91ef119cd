// The verification screen's reads: recompute a community's chain over the
// records as stored now (each link's record read from the table of its own
// kind), compare it with the codes issued at sealing (kept outside the
// database), and find the sealed meeting a printed code names.
import { auditChain, meetingForCode, type ChainAudit, type IssuedCode } from '@/domain/chain-audit'
import {
  codeMatches,
  headFromText,
  sealedRecords,
  type SealEntry,
  type SealKind,
  type SealedRecords,
} from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { issuedCodes } from '@/platform'
import type { Meeting } from '@/domain/meeting'
import { SEAL_TABLES } from '@/archive/format'
import { db } from './schema'
import { chainCommunities, communityChain } from './chain-links'
import { flatGet } from './per-meeting'

/**
 * Every sealed table's rows with the chain's record ids, per kind: the audit
 * needs the rows of other kinds too, to refuse an id that sits in two tables.
 */
export async function sealedRecordsFor(entries: SealEntry[]): Promise<SealedRecords> {
  const ids = [...new Set(entries.map((s) => s.recordId))]
  const rows: Partial<Record<SealKind, { id: string }[]>> = {}
  // Attendance is read from every sheet: a stray copy may sit on another meeting's sheet.
  for (const [kind, table] of Object.entries(SEAL_TABLES) as [SealKind, string][])
    rows[kind] = (await flatGet(db, table, ids)).filter((r) => r !== undefined)
  return sealedRecords(rows)
}

async function chainOf(communityId: string) {
  const seals = await communityChain(communityId)
  const records = await sealedRecordsFor(seals)
  const meetings = (await db.meetings.where('communityId').equals(communityId).toArray()).filter((m) => m.sealedAt)
  const issued = (await issuedCodes()).filter((c) => c.communityId === communityId)
  return { seals, records, meetings, issued }
}

export interface CommunityAudit {
  audit: ChainAudit
  links: number
  sealedMeetings: number
  /** For a failed audit: the table the named record (or its stray copy) sits in */
  table?: string
  strayTable?: string
}

export async function auditCommunity(communityId: string): Promise<CommunityAudit> {
  const { seals, records, meetings, issued } = await chainOf(communityId)
  const audit = await auditChain(seals, records, meetings, sha256Hex, issued)
  return {
    audit,
    links: seals.length,
    sealedMeetings: meetings.length,
    ...(!audit.ok && audit.kind ? { table: SEAL_TABLES[audit.kind] } : {}),
    ...(!audit.ok && audit.strayKind ? { strayTable: SEAL_TABLES[audit.strayKind] } : {}),
  }
}

export type CommunityAuditFailure = CommunityAudit & { communityId: string; communityName?: string }

/**
 * Audits every community's chain. Runs at start and before every export: it
 * is what catches writes made to IndexedDB around Dexie and its seal guard.
 */
export async function auditAll(): Promise<CommunityAuditFailure[]> {
  const communities = await db.communities.toArray()
  const ids = new Set([...communities.map((c) => c.id), ...(await chainCommunities())])
  const failures: CommunityAuditFailure[] = []
  for (const id of ids) {
    const a = await auditCommunity(String(id))
    if (!a.audit.ok)
      failures.push({ ...a, communityId: String(id), communityName: communities.find((c) => c.id === id)?.name })
  }
  return failures
}

type MeetingRef = Pick<Meeting, 'id' | 'title' | 'date' | 'sealedAt'>
export type CodeCheck =
  | { found: false; issued: IssuedCode[]; issuedMatch?: IssuedCode }
  | { found: true; meeting: MeetingRef; chainOk: boolean }

/**
 * A code typed in from a printed notice (or the full hash its QR holds):
 * which meeting it seals, and whether its records are still as sealed. A code
 * that matches nothing comes back with the codes this machine issued, newest first.
 */
export async function checkCode(communityId: string, typed: string): Promise<CodeCheck> {
  const { seals, records, meetings, issued } = await chainOf(communityId)
  const meetingId = meetingForCode(typed, seals, meetings)
  const meeting = meetingId ? await db.meetings.get(meetingId) : undefined
  if (!meeting) {
    // A code this machine issued that no longer matches the chain: the records were changed, not mistyped.
    const issuedMatch = issued.find((c) => codeMatches(c.head, typed) || headFromText(typed) === c.head)
    return { found: false, issued: [...issued].sort((a, b) => (a.at < b.at ? 1 : -1)), issuedMatch }
  }
  const audit = await auditChain(seals, records, meetings, sha256Hex, issued)
  return {
    found: true,
    meeting: { id: meeting.id, title: meeting.title, date: meeting.date, sealedAt: meeting.sealedAt },
    chainOk: audit.ok,
  }
}

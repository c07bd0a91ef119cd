// The verification screen's reads: recompute a community's chain over the
// records as stored now, and find the sealed meeting a printed code names.
import { auditChain, meetingForCode, type ChainAudit } from '@/domain/chain-audit'
import { sha256Hex } from '@/platform/hash'
import type { Meeting } from '@/domain/meeting'
import { SEAL_TABLES } from '@/archive/format'
import { db } from './schema'

async function chainOf(communityId: string) {
  const seals = await db.seals.where('communityId').equals(communityId).toArray()
  const records = new Map<string, unknown>()
  for (const name of new Set(Object.values(SEAL_TABLES))) {
    const ids = [...new Set(seals.map((s) => s.recordId))]
    const rows = await db.table(name).bulkGet(ids)
    for (const r of rows) if (r) records.set((r as { id: string }).id, r)
  }
  const meetings = (await db.meetings.where('communityId').equals(communityId).toArray()).filter((m) => m.sealedAt)
  return { seals, records, meetings }
}

export interface CommunityAudit {
  audit: ChainAudit
  links: number
  sealedMeetings: number
}

export async function auditCommunity(communityId: string): Promise<CommunityAudit> {
  const { seals, records, meetings } = await chainOf(communityId)
  return {
    audit: await auditChain(seals, records, meetings, sha256Hex),
    links: seals.length,
    sealedMeetings: meetings.length,
  }
}

export type CodeCheck =
  { found: false } | { found: true; meeting: Pick<Meeting, 'id' | 'title' | 'date' | 'sealedAt'>; chainOk: boolean }

/** A code typed in from a printed notice: which meeting it seals, and whether its records are still as sealed. */
export async function checkCode(communityId: string, typed: string): Promise<CodeCheck> {
  const { seals, records, meetings } = await chainOf(communityId)
  const meetingId = meetingForCode(typed, seals)
  const meeting = meetingId ? await db.meetings.get(meetingId) : undefined
  if (!meeting) return { found: false }
  const audit = await auditChain(seals, records, meetings, sha256Hex)
  return {
    found: true,
    meeting: { id: meeting.id, title: meeting.title, date: meeting.date, sealedAt: meeting.sealedAt },
    chainOk: audit.ok,
  }
}

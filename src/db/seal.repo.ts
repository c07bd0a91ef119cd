import { amendmentSchema, type Amendment } from '@/domain/amendment'
import { newId, nowIso } from '@/domain/ids'
import { sealBlockers } from '@/domain/meeting'
import { DomainError, problem } from '@/domain/problem'
import {
  appendToChain,
  verificationCode,
  verifyChain,
  type ChainCheck,
  type SealEntry,
  type ToSeal,
} from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { issueCode } from '@/platform'
import { base } from './live-meeting'
import { db } from './schema'
import { sealedRecordsFor } from './verify.repo'
import { parseInput, write } from './write'
import { listAttendance } from './attendance.repo'
import { chainHead, communityChain } from './chain-links'
import { batchOf, sheetOf } from './per-meeting'

const stamp = <T extends { updatedAt: string }>(rows: T[]) => rows.map((r) => r.updatedAt).join('|')

/**
 * Closes the meeting and seals its attendance, votes, resolutions and action
 * items onto the community's chain. Hashing (WebCrypto) cannot run inside an
 * IndexedDB transaction, so the links are computed first and written only if
 * neither the records nor the chain head changed meanwhile; else it retries.
 */
export async function closeAndSeal(meetingId: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const m = await db.meetings.get(meetingId)
    if (!m) throw new DomainError([problem('deliberation.error.noMeeting')])
    if (m.sealedAt) throw new DomainError([problem('deliberation.error.sealed')])
    const [attendance, votes, resolutions, items, head] = await Promise.all([
      listAttendance(meetingId),
      db.votes.where('meetingId').equals(meetingId).toArray(),
      db.resolutions.where('meetingId').equals(meetingId).toArray(),
      db.actionItems.where('meetingId').equals(meetingId).toArray(),
      chainHead(m.communityId),
    ])
    if (attendance.length === 0) throw new DomainError([problem('deliberation.error.noAttendance')])
    const blockers = sealBlockers(m, attendance)
    if (blockers.length > 0) throw new DomainError(blockers)
    const open = votes.filter((v) => v.status === 'open').length
    if (open > 0) throw new DomainError([problem('deliberation.error.openVotes', { count: open })])
    const at = nowIso()
    const sealed = <T>(rows: T[]) => rows.map((r) => ({ ...r, sealedAt: at }))
    // Whoever is still 未到 when the meeting closes did not come: the sealed sheet says 缺席.
    const rows = {
      attendance: sealed(attendance.map((a) => (a.state === 'pending' ? { ...a, state: 'absent' as const } : a))),
      votes: sealed(votes),
      resolutions: sealed(resolutions),
      items: sealed(items),
    }
    const toSeal: ToSeal[] = [
      { kind: 'meeting', record: m as unknown as ToSeal['record'] },
      ...rows.attendance.map((record) => ({
        kind: 'attendance' as const,
        record: record as unknown as ToSeal['record'],
      })),
      ...rows.votes.map((record) => ({ kind: 'vote' as const, record: record as unknown as ToSeal['record'] })),
      ...rows.resolutions.map((record) => ({
        kind: 'resolution' as const,
        record: record as unknown as ToSeal['record'],
      })),
      ...rows.items.map((record) => ({ kind: 'actionItem' as const, record: record as unknown as ToSeal['record'] })),
    ]
    const links = await appendToChain(head, toSeal, {
      communityId: m.communityId,
      meetingId,
      at,
      newId,
      sha256: sha256Hex,
    })
    const code = verificationCode(links[links.length - 1]!.hash)
    const written = await db.transaction(
      'rw',
      [db.meetings, db.signInSheets, db.votes, db.resolutions, db.actionItems, db.sealBatches],
      async () => {
        const now = await db.meetings.get(meetingId)
        const [a2, v2, r2, i2, h2] = await Promise.all([
          listAttendance(meetingId),
          db.votes.where('meetingId').equals(meetingId).toArray(),
          db.resolutions.where('meetingId').equals(meetingId).toArray(),
          db.actionItems.where('meetingId').equals(meetingId).toArray(),
          chainHead(m.communityId),
        ])
        const unchanged =
          now?.updatedAt === m.updatedAt &&
          !now.sealedAt &&
          h2?.id === head?.id &&
          stamp(a2) === stamp(attendance) &&
          stamp(v2) === stamp(votes) &&
          stamp(r2) === stamp(resolutions) &&
          stamp(i2) === stamp(items)
        if (!unchanged) return false
        await db.signInSheets.put(sheetOf(meetingId, m.communityId, rows.attendance))
        await db.votes.bulkPut(rows.votes)
        await db.resolutions.bulkPut(rows.resolutions)
        await db.actionItems.bulkPut(rows.items)
        await db.sealBatches.add(batchOf(links))
        await db.meetings.update(meetingId, { status: 'closed', sealedAt: at, verificationCode: code, updatedAt: at })
        return true
      },
    )
    if (written) {
      const last = links[links.length - 1]!
      await issueCode({
        communityId: m.communityId,
        meetingId,
        code,
        head: last.hash,
        at,
        title: m.title,
        date: m.date,
      })
      return code
    }
  }
  throw new DomainError([problem('deliberation.error.sealBusy')])
}

export type CommunityChainCheck = ChainCheck & { meetingId?: string; kind?: SealEntry['kind']; recordId?: string }

/** Recomputes the community's whole chain against the records as stored now, each in its own kind's table. */
export async function verifyCommunityChain(communityId: string): Promise<CommunityChainCheck> {
  const entries = await communityChain(communityId)
  const check = await verifyChain(entries, await sealedRecordsFor(entries), sha256Hex)
  if (check.ok) return check
  const e = entries[check.seq]
  return { ...check, meetingId: e?.meetingId, kind: e?.kind, recordId: e?.recordId }
}

/**
 * A correction after closing: the sealed record stays; a new amendment that
 * points to it is appended to the chain in the same step.
 */
export async function amendSealed(meetingId: string, input: unknown): Promise<Amendment> {
  const a = parseInput(amendmentSchema, input)
  for (let attempt = 0; attempt < 3; attempt++) {
    const m = await db.meetings.get(meetingId)
    if (!m?.sealedAt) throw new DomainError([problem('deliberation.error.notSealed')])
    const head = await chainHead(m.communityId)
    const at = nowIso()
    const amendment: Amendment = { ...base(m.communityId), meetingId, ...a, reason: a.reason.trim(), at }
    const links = await appendToChain(head, [{ kind: 'amendment', record: amendment as unknown as ToSeal['record'] }], {
      communityId: m.communityId,
      meetingId,
      at,
      newId,
      sha256: sha256Hex,
    })
    const ok = await write([db.sealBatches, db.amendments], async () => {
      if ((await chainHead(m.communityId))?.id !== head?.id) return false
      await db.amendments.add(amendment)
      await db.sealBatches.add(batchOf(links))
      return true
    })
    if (ok) return amendment
  }
  throw new DomainError([problem('deliberation.error.sealBusy')])
}

export async function listAmendments(meetingId: string): Promise<Amendment[]> {
  return db.amendments.where('meetingId').equals(meetingId).toArray()
}

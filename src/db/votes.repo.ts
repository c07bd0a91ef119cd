import type { Attendance } from '@/domain/attendance'
import { DomainError, problem } from '@/domain/problem'
import { headcount, type Headcount } from '@/domain/quorum'
import type { Recusal } from '@/domain/speakers'
import { countsToClose, decide } from '@/domain/tally'
import type { Body, Counts, Vote, VoteMethod } from '@/domain/vote'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'

export async function listVotes(meetingId: string): Promise<Vote[]> {
  const all = await db.votes.where('meetingId').equals(meetingId).toArray()
  return all.sort((a, b) => a.openedAt.localeCompare(b.openedAt))
}

/** The headcount for one topic: recused people leave every base. */
export function topicHeadcount(rows: Attendance[], body: Body | undefined, recusals: Recusal[]): Headcount {
  const ids = new Set<string>()
  for (const r of recusals) {
    ids.add(r.attendanceId)
    if (r.personId) ids.add(r.personId)
  }
  return headcount(rows, body, ids)
}

async function meetingBody(meetingId: string): Promise<{ body: Body; communityId: string }> {
  const m = await liveMeeting(meetingId)
  const body = m.bodyId ? await db.bodies.get(m.bodyId) : undefined
  if (!body) throw new DomainError([problem('deliberation.error.noBody')])
  return { body, communityId: m.communityId }
}

/** Opens a vote on a topic; only one open vote per topic at a time. */
export async function openVote(
  meetingId: string,
  topicId: string,
  method: VoteMethod,
  optionId?: string,
): Promise<Vote> {
  return db.transaction('rw', [db.meetings, db.bodies, db.votes], async () => {
    const { body, communityId } = await meetingBody(meetingId)
    const open = await db.votes
      .where('topicId')
      .equals(topicId)
      .filter((v) => v.status === 'open')
      .count()
    if (open > 0) throw new DomainError([problem('deliberation.error.voteAlreadyOpen')])
    const now = new Date().toISOString()
    const vote: Vote = {
      ...base(communityId),
      meetingId,
      topicId,
      optionId,
      bodyId: body.id,
      method,
      status: 'open',
      openedAt: now,
    }
    await db.votes.add(vote)
    return vote
  })
}

async function changeOpen(voteId: string, changes: (v: Vote) => Partial<Vote>): Promise<void> {
  await db.transaction('rw', db.meetings, db.votes, async () => {
    const v = await db.votes.get(voteId)
    if (!v) throw new DomainError([problem('deliberation.error.noVote')])
    await liveMeeting(v.meetingId)
    if (v.status !== 'open') throw new DomainError([problem('deliberation.error.voteClosed')])
    await db.votes.update(voteId, { ...changes(v), updatedAt: new Date().toISOString() })
  })
}

export async function recordCounts(voteId: string, counts: Counts): Promise<void> {
  await changeOpen(voteId, () => ({ counts }))
}

/** One teller's independent count; entering it again replaces that teller's. */
export async function recordTellerCount(voteId: string, teller: string, counts: Counts): Promise<void> {
  const name = teller.trim()
  if (!name) throw new DomainError([problem('deliberation.error.tellerName')])
  await changeOpen(voteId, (v) => ({
    tellerCounts: [...(v.tellerCounts ?? []).filter((t) => t.teller !== name), { teller: name, counts }],
  }))
}

export async function recordRollCall(voteId: string, rollCall: NonNullable<Vote['rollCall']>): Promise<void> {
  await changeOpen(voteId, () => ({ rollCall }))
}

/**
 * Closes a vote: checks the counts (tellers agree, no more ballots than voters
 * present, quorum met), applies the body's passing rule and freezes the
 * numbers and rules used. A refusal changes nothing.
 */
export async function closeVote(voteId: string): Promise<Vote> {
  return db.transaction('rw', [db.meetings, db.bodies, db.votes, db.attendance, db.recusals], async () => {
    const v = await db.votes.get(voteId)
    if (!v) throw new DomainError([problem('deliberation.error.noVote')])
    if (v.status !== 'open') throw new DomainError([problem('deliberation.error.voteClosed')])
    const { body } = await meetingBody(v.meetingId)
    const picked = countsToClose(v)
    if ('problems' in picked) throw new DomainError(picked.problems)
    const rows = await db.attendance.where('meetingId').equals(v.meetingId).toArray()
    const recusals = await db.recusals.where('topicId').equals(v.topicId).toArray()
    const h = topicHeadcount(rows, body, recusals)
    const outcome = decide({
      method: v.method,
      counts: picked.counts,
      headcount: h,
      quorumRule: body.quorumRule,
      passingRule: body.passingRule,
    })
    if ('problems' in outcome) throw new DomainError(outcome.problems)
    const now = new Date().toISOString()
    const closed: Vote = {
      ...v,
      status: 'closed',
      counts: picked.counts,
      ...h,
      recusedIds: recusals.map((r) => r.attendanceId),
      quorumRule: body.quorumRule,
      passingRule: body.passingRule,
      decides: body.decides,
      quorumMet: outcome.quorumMet,
      result: outcome.result,
      closedAt: now,
      updatedAt: now,
    }
    await db.votes.put(closed)
    return closed
  })
}

/** 暂缓表决: closes the vote as deferred, with the reason. */
export async function deferVote(voteId: string, reason: string): Promise<void> {
  if (!reason.trim()) throw new DomainError([problem('deliberation.error.reason')])
  const now = new Date().toISOString()
  await changeOpen(voteId, () => ({ status: 'closed', result: 'deferred', deferReason: reason.trim(), closedAt: now }))
}

/**
 * Corrects a closed vote without touching it: a new closed vote that points
 * to it, with the reason, re-decided on the numbers frozen at the first close.
 */
export async function correctVote(voteId: string, counts: Counts, reason: string): Promise<Vote> {
  if (!reason.trim()) throw new DomainError([problem('deliberation.error.reason')])
  return db.transaction('rw', db.meetings, db.votes, async () => {
    const old = await db.votes.get(voteId)
    if (!old || old.status !== 'closed' || !old.quorumRule || !old.passingRule)
      throw new DomainError([problem('deliberation.error.noVote')])
    const m = await liveMeeting(old.meetingId)
    if (
      (await db.votes
        .where('topicId')
        .equals(old.topicId)
        .filter((v) => v.correctsVoteId === voteId)
        .count()) > 0
    )
      throw new DomainError([problem('deliberation.error.alreadyCorrected')])
    const h: Headcount = { members: old.members ?? 0, expected: old.expected ?? 0, present: old.present ?? 0 }
    const outcome = decide({
      method: old.method,
      counts,
      headcount: h,
      quorumRule: old.quorumRule,
      passingRule: old.passingRule,
    })
    if ('problems' in outcome) throw new DomainError(outcome.problems)
    const now = new Date().toISOString()
    const fresh: Vote = {
      ...old,
      ...base(m.communityId),
      counts,
      tellerCounts: undefined,
      result: outcome.result,
      openedAt: now,
      closedAt: now,
      correctsVoteId: old.id,
      correctionReason: reason.trim(),
    }
    await db.votes.add(fresh)
    return fresh
  })
}

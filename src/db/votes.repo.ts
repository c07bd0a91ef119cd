import type { Attendance } from '@/domain/attendance'
import type { MeetingHouseholds } from '@/domain/meeting'
import { now } from '@/domain/calendar'
import { canvassTotals } from '@/domain/canvass'
import { DomainError, problem } from '@/domain/problem'
import { DEFAULT_CANVASS_RULE, headcount, type Headcount } from '@/domain/rules'
import type { Recusal } from '@/domain/speakers'
import { BALLOT_METHODS, countsToClose, decide } from '@/domain/tally'
import type { Body, Counts, Vote, VoteMethod } from '@/domain/vote'
import { ballotsSchema, countsSchema, deferSchema, tellerCountSchema, voteMethodSchema } from '@/domain/vote-input'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'
import { listAttendance } from './attendance.repo'

export async function listVotes(meetingId: string): Promise<Vote[]> {
  const all = await db.votes.where('meetingId').equals(meetingId).toArray()
  return all.sort((a, b) => a.openedAt.localeCompare(b.openedAt))
}

/** The headcount for one topic: recused voters leave the passing base, never the quorum. */
export function topicHeadcount(
  rows: Attendance[],
  body: Body | undefined,
  recusals: Recusal[],
  households?: MeetingHouseholds,
): Headcount {
  const ids = new Set<string>()
  for (const r of recusals) {
    ids.add(r.attendanceId)
    if (r.personId) ids.add(r.personId)
  }
  return headcount(rows, body, ids, households)
}

async function meetingBody(
  meetingId: string,
): Promise<{ body: Body; communityId: string; households?: MeetingHouseholds }> {
  const m = await liveMeeting(meetingId)
  const body = m.bodyId ? await db.bodies.get(m.bodyId) : undefined
  if (!body) throw new DomainError([problem('deliberation.error.noBody')])
  return { body, communityId: m.communityId, households: m.households }
}

/**
 * Opens a vote on a topic; only one open vote per topic at a time. A canvass
 * takes its counts from the topic's research tally (入户征求意见), so they are
 * never typed twice: 同意 / 不同意 / 未表态 / 未见面 as for / against / abstain / invalid.
 */
export async function openVote(meetingId: string, topicId: string, method: unknown, optionId?: string): Promise<Vote> {
  const m = parseInput(voteMethodSchema, method) as VoteMethod
  return write([db.meetings, db.bodies, db.votes, db.canvasses], async () => {
    const { body, communityId } = await meetingBody(meetingId)
    const open = await db.votes
      .where('topicId')
      .equals(topicId)
      .filter((v) => v.status === 'open')
      .count()
    if (open > 0) throw new DomainError([problem('deliberation.error.voteAlreadyOpen')])
    let counts: Counts | undefined
    if (m === 'canvass') {
      const rows = (await db.canvasses.where('topicId').equals(topicId).toArray()).flatMap((c) => c.rows)
      if (rows.length > 0) {
        const t = canvassTotals(rows)
        counts = { for: t.agree, against: t.disagree, abstain: t.noAnswer, invalid: t.notReached }
      }
    }
    const vote: Vote = {
      ...base(communityId),
      meetingId,
      topicId,
      optionId,
      bodyId: body.id,
      method: m,
      status: 'open',
      counts,
      openedAt: now().toISOString(),
    }
    await db.votes.add(vote)
    return vote
  })
}

async function changeOpen(voteId: string, changes: (v: Vote) => Partial<Vote>): Promise<void> {
  await write([db.meetings, db.votes], async () => {
    const v = await db.votes.get(voteId)
    if (!v) throw new DomainError([problem('deliberation.error.noVote')])
    await liveMeeting(v.meetingId)
    if (v.status !== 'open') throw new DomainError([problem('deliberation.error.voteClosed')])
    await db.votes.update(voteId, { ...changes(v), updatedAt: now().toISOString() })
  })
}

export async function recordCounts(voteId: string, counts: unknown): Promise<void> {
  const c = parseInput(countsSchema, counts)
  await changeOpen(voteId, () => ({ counts: c }))
}

/** 发出 N 张，收回 M 张 for a paper or secret ballot. */
export async function recordBallots(voteId: string, ballots: unknown): Promise<void> {
  const b = parseInput(ballotsSchema, ballots)
  await changeOpen(voteId, () => ({ ballots: b }))
}

/** One teller's independent count; entering it again replaces that teller's. */
export async function recordTellerCount(voteId: string, teller: unknown, counts: unknown): Promise<void> {
  const input = parseInput(tellerCountSchema, { teller, counts })
  await changeOpen(voteId, (v) => ({
    tellerCounts: [...(v.tellerCounts ?? []).filter((t) => t.teller !== input.teller), input],
  }))
}

export async function recordRollCall(voteId: string, rollCall: NonNullable<Vote['rollCall']>): Promise<void> {
  await changeOpen(voteId, () => ({ rollCall }))
}

/** The canvass rule in force: the community's setting, else more than half of the households asked. */
async function canvassRule(communityId: string) {
  const c = await db.communities.get(communityId)
  return c?.canvassRule ?? DEFAULT_CANVASS_RULE
}

/** What closing an open vote would record: the counts, the frozen headcount and rules, the result. */
async function closing(voteId: string): Promise<Vote> {
  const v = await db.votes.get(voteId)
  if (!v) throw new DomainError([problem('deliberation.error.noVote')])
  if (v.status !== 'open') throw new DomainError([problem('deliberation.error.voteClosed')])
  const { body, communityId, households } = await meetingBody(v.meetingId)
  const picked = countsToClose(v)
  if ('problems' in picked) throw new DomainError(picked.problems)
  const rows = await listAttendance(v.meetingId)
  const recusals = await db.recusals.where('topicId').equals(v.topicId).toArray()
  const h = topicHeadcount(rows, body, recusals, households)
  const passingRule = v.method === 'canvass' ? await canvassRule(communityId) : body.passingRule
  const outcome = decide({
    method: v.method,
    counts: picked.counts,
    headcount: h,
    quorumRule: body.quorumRule,
    passingRule,
    ballots: BALLOT_METHODS.includes(v.method) ? v.ballots : undefined,
  })
  if ('problems' in outcome) throw new DomainError(outcome.problems)
  const at = now().toISOString()
  return {
    ...v,
    status: 'closed',
    counts: picked.counts,
    ...h,
    recusedIds: recusals.map((r) => r.attendanceId),
    quorumRule: body.quorumRule,
    passingRule,
    decides: body.decides,
    quorumMet: outcome.quorumMet,
    result: outcome.result,
    closedAt: at,
    updatedAt: at,
  }
}

const closeTables = () => [db.meetings, db.bodies, db.votes, db.signInSheets, db.recusals, db.communities]

/**
 * The vote as closing it now would record it, written nowhere: the console
 * shows these counts and the result for a confirmation before it is final.
 * Throws DomainError with what would refuse the close.
 */
export async function previewClose(voteId: string): Promise<Vote> {
  return db.transaction('r', closeTables(), () => closing(voteId))
}

/**
 * Closes a vote: checks the counts (tellers agree, ballots add up, no more
 * ballots than voters, quorum met), applies the rule and freezes the numbers
 * and rules used. A refusal changes nothing.
 */
export async function closeVote(voteId: string): Promise<Vote> {
  return write(closeTables(), async () => {
    const closed = await closing(voteId)
    await db.votes.put(closed)
    return closed
  })
}

/**
 * 暂缓表决: the topic is deferred, with the reason, whether or not a vote was
 * opened (an open vote closes as deferred). The topic's status 'deferred' and
 * its `deferredReason` are what routes it to a later meeting.
 */
export async function deferTopic(meetingId: string, topicId: string, reason: unknown): Promise<void> {
  const { reason: why } = parseInput(deferSchema, { reason })
  await write([db.meetings, db.votes, db.topics, db.topicEvents], async () => {
    const m = await liveMeeting(meetingId)
    const topic = await db.topics.get(topicId)
    if (!topic) throw new DomainError([problem('deliberation.error.noTopic')])
    const at = now().toISOString()
    const open = await db.votes
      .where('topicId')
      .equals(topicId)
      .filter((v) => v.status === 'open')
      .toArray()
    for (const v of open)
      await db.votes.update(v.id, {
        status: 'closed',
        result: 'deferred',
        deferReason: why,
        closedAt: at,
        updatedAt: at,
      })
    await db.topics.update(topicId, { status: 'deferred', deferredReason: why, updatedAt: at })
    await db.topicEvents.add({ ...base(m.communityId), topicId, at, by: '', kind: 'deferred', reason: why })
  })
}

/**
 * Corrects a closed vote without touching it: a new closed vote that points
 * to it, with the reason, re-decided on the numbers frozen at the first close.
 */
export async function correctVote(voteId: string, counts: unknown, reason: unknown): Promise<Vote> {
  const c = parseInput(countsSchema, counts)
  const { reason: why } = parseInput(deferSchema, { reason })
  return write([db.meetings, db.votes], async () => {
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
    const h: Headcount = {
      members: old.members ?? 0,
      expected: old.expected ?? 0,
      present: old.present ?? 0,
      recused: old.recused ?? old.recusedIds?.length ?? 0,
      households: old.households,
      householdsPresent: old.householdsPresent,
    }
    const outcome = decide({
      method: old.method,
      counts: c,
      headcount: h,
      quorumRule: old.quorumRule,
      passingRule: old.passingRule,
    })
    if ('problems' in outcome) throw new DomainError(outcome.problems)
    const at = now().toISOString()
    const fresh: Vote = {
      ...old,
      ...base(m.communityId),
      counts: c,
      tellerCounts: undefined,
      ballots: undefined,
      result: outcome.result,
      openedAt: at,
      closedAt: at,
      correctsVoteId: old.id,
      correctionReason: why,
    }
    await db.votes.add(fresh)
    return fresh
  })
}

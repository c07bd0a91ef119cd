import { DomainError, problem } from '@/domain/problem'
import {
  nextWaiting,
  secondsLeft,
  recusalSchema,
  speakerSchema,
  statementSchema,
  type Recusal,
  type Speaker,
  type Statement,
} from '@/domain/speakers'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'
import { listAttendance } from './attendance.repo'

const byOrder = (a: Speaker, b: Speaker) => a.order - b.order

export async function listSpeakers(meetingId: string): Promise<Speaker[]> {
  return (await db.speakers.where('meetingId').equals(meetingId).toArray()).sort(byOrder)
}

export async function addSpeaker(meetingId: string, topicId: string, input: unknown): Promise<Speaker> {
  const s = parseInput(speakerSchema, input)
  return write([db.meetings, db.speakers], async () => {
    const m = await liveMeeting(meetingId)
    const list = await db.speakers.where('topicId').equals(topicId).toArray()
    const row: Speaker = {
      ...base(m.communityId),
      meetingId,
      topicId,
      personId: s.personId,
      name: s.name.trim(),
      role: s.role,
      minutes: s.minutes,
      status: 'waiting',
      order: Math.max(0, ...list.map((x) => x.order)) + 1,
    }
    await db.speakers.add(row)
    return row
  })
}

/** Swaps a waiting speaker with the neighbour above (-1) or below (+1). */
export async function moveSpeaker(id: string, dir: -1 | 1): Promise<void> {
  await write([db.speakers], async () => {
    const s = await db.speakers.get(id)
    if (!s) return
    const list = (await db.speakers.where('topicId').equals(s.topicId).toArray()).sort(byOrder)
    const i = list.findIndex((x) => x.id === id)
    const other = list[i + dir]
    if (!other) return
    await db.speakers.update(s.id, { order: other.order })
    await db.speakers.update(other.id, { order: s.order })
  })
}

export async function removeSpeaker(id: string): Promise<void> {
  await write([db.speakers], () => db.speakers.delete(id))
}

function stopped(s: Speaker, now: number): Partial<Speaker> {
  const spoke = s.startedAt ? Math.max(0, Math.round((now - Date.parse(s.startedAt)) / 1000)) : 0
  return {
    status: 'done',
    spokeSeconds: (s.spokeSeconds ?? 0) + spoke,
    endsAt: undefined,
    startedAt: undefined,
    pausedLeft: undefined,
  }
}

/**
 * Starts a speaker's countdown (stopping whoever was speaking). Only the end
 * time is stored; the projector counts down to it, so nothing writes per second.
 */
export async function startSpeaker(id: string): Promise<Speaker | undefined> {
  return write([db.speakers], async () => {
    const s = await db.speakers.get(id)
    if (!s) return undefined
    const now = Date.now()
    for (const other of await db.speakers.where('topicId').equals(s.topicId).toArray()) {
      if (other.status === 'speaking' && other.id !== id) await db.speakers.update(other.id, stopped(other, now))
    }
    const changes: Partial<Speaker> = {
      status: 'speaking',
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + s.minutes * 60_000).toISOString(),
      pausedLeft: undefined,
    }
    await db.speakers.update(id, changes)
    return { ...s, ...changes }
  })
}

export async function stopSpeaker(id: string): Promise<void> {
  await write([db.speakers], async () => {
    const s = await db.speakers.get(id)
    if (s?.status === 'speaking') await db.speakers.update(id, stopped(s, Date.now()))
  })
}

/**
 * Pauses the countdown (a point of order, a microphone that fails): the time
 * spoken so far is kept and the clock freezes at what is left.
 */
export async function pauseSpeaker(id: string): Promise<void> {
  await write([db.speakers], async () => {
    const s = await db.speakers.get(id)
    if (s?.status !== 'speaking' || !s.endsAt || !s.startedAt) return
    const now = Date.now()
    await db.speakers.update(id, {
      pausedLeft: secondsLeft(s.endsAt, now),
      spokeSeconds: (s.spokeSeconds ?? 0) + Math.max(0, Math.round((now - Date.parse(s.startedAt)) / 1000)),
      endsAt: undefined,
      startedAt: undefined,
    })
  })
}

/** Runs a paused countdown again from what was left. */
export async function resumeSpeaker(id: string): Promise<void> {
  await write([db.speakers], async () => {
    const s = await db.speakers.get(id)
    if (s?.status !== 'speaking' || s.pausedLeft === undefined) return
    const now = Date.now()
    await db.speakers.update(id, {
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + s.pausedLeft * 1000).toISOString(),
      pausedLeft: undefined,
    })
  })
}

/** Gives the current speaker one more minute, running or paused; the allotment grows with it. */
export async function extendSpeaker(id: string): Promise<void> {
  await write([db.speakers], async () => {
    const s = await db.speakers.get(id)
    if (s?.status !== 'speaking') return
    const more: Partial<Speaker> = s.endsAt
      ? { endsAt: new Date(Date.parse(s.endsAt) + 60_000).toISOString() }
      : { pausedLeft: (s.pausedLeft ?? 0) + 60 }
    await db.speakers.update(id, { ...more, minutes: s.minutes + 1 })
  })
}

/** Stops the current speaker of the topic and starts the next waiting one. */
export async function nextSpeaker(topicId: string): Promise<Speaker | undefined> {
  const list = await db.speakers.where('topicId').equals(topicId).toArray()
  const current = list.find((s) => s.status === 'speaking')
  if (current) await stopSpeaker(current.id)
  const next = nextWaiting(list.filter((s) => s.id !== current?.id))
  return next ? startSpeaker(next.id) : undefined
}

export async function listStatements(meetingId: string): Promise<Statement[]> {
  return (await db.statements.where('meetingId').equals(meetingId).toArray()).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  )
}

export async function addStatement(meetingId: string, topicId: string, input: unknown): Promise<void> {
  const s = parseInput(statementSchema, input)
  await write([db.meetings, db.statements], async () => {
    const m = await liveMeeting(meetingId)
    await db.statements.add({
      ...base(m.communityId),
      meetingId,
      topicId,
      personId: s.personId,
      name: s.name.trim(),
      role: s.role,
      gist: s.gist.trim(),
    })
  })
}

export async function listRecusals(meetingId: string): Promise<Recusal[]> {
  return db.recusals.where('meetingId').equals(meetingId).toArray()
}

/** 回避: excludes a person from one topic's count; refused once its vote has closed. */
export async function addRecusal(meetingId: string, topicId: string, input: unknown): Promise<void> {
  const r = parseInput(recusalSchema, input)
  await write([db.meetings, db.recusals, db.signInSheets, db.votes], async () => {
    const m = await liveMeeting(meetingId)
    const row = (await listAttendance(meetingId)).find((a) => a.id === r.attendanceId)
    if (!row) throw new DomainError([problem('deliberation.error.noMeeting')])
    if ((await db.votes.where('topicId').equals(topicId).count()) > 0)
      throw new DomainError([problem('deliberation.error.recusalAfterVote')])
    const dup = await db.recusals
      .where('topicId')
      .equals(topicId)
      .filter((x) => x.attendanceId === r.attendanceId)
      .count()
    if (dup > 0) return
    await db.recusals.add({
      ...base(m.communityId),
      meetingId,
      topicId,
      attendanceId: row.id,
      personId: row.personId,
      name: row.name,
      reason: r.reason.trim(),
    })
  })
}

export async function removeRecusal(id: string): Promise<void> {
  await write([db.meetings, db.recusals, db.votes], async () => {
    const r = await db.recusals.get(id)
    if (!r) return
    await liveMeeting(r.meetingId)
    if ((await db.votes.where('topicId').equals(r.topicId).count()) > 0)
      throw new DomainError([problem('deliberation.error.recusalAfterVote')])
    await db.recusals.delete(id)
  })
}

import { localTime, now } from '@/domain/calendar'
import type { Attendance, AttendanceState, ExpectedRow } from '@/domain/attendance'
import { DomainError, problem } from '@/domain/problem'
import type { MeetingRole } from '@/domain/roles'
import { base, liveMeeting } from './live-meeting'
import { sheetOf } from './per-meeting'
import { db } from './schema'

/** The meeting's sign-in rows (its sheet, per-meeting.ts); empty before sign-in starts. */
export async function listAttendance(meetingId: string): Promise<Attendance[]> {
  return (await db.signInSheets.get(meetingId))?.rows ?? []
}

/** A sign-in row as the screen holds it: enough to find its meeting's sheet. */
export type AttendanceRef = Pick<Attendance, 'id' | 'meetingId'>

/** Replaces the meeting's rows in one write of its sheet. Inside a transaction over meetings and signInSheets. */
async function putRows(communityId: string, meetingId: string, rows: Attendance[]): Promise<void> {
  await db.signInSheets.put(sheetOf(meetingId, communityId, rows))
}

const hhmm = () => localTime(now())

/**
 * Creates the sign-in sheet from the expected list (everyone starts as
 * 未到, pending, until marked) and puts the meeting in session. Does nothing if the
 * sheet already exists, so a second click never duplicates people.
 */
export async function startSignIn(meetingId: string, expected: ExpectedRow[]): Promise<number> {
  return db.transaction('rw', db.meetings, db.signInSheets, async () => {
    const m = await liveMeeting(meetingId)
    if ((await listAttendance(meetingId)).length > 0) return 0
    if (expected.length === 0) throw new DomainError([problem('deliberation.error.noExpected')])
    await putRows(
      m.communityId,
      meetingId,
      expected.map((e) => ({ ...base(m.communityId), ...e, meetingId, state: 'pending' as const, walkIn: false })),
    )
    await db.meetings.update(meetingId, { status: 'live', updatedAt: new Date().toISOString() })
    return expected.length
  })
}

async function change(ref: AttendanceRef, changes: Partial<Attendance>): Promise<void> {
  await db.transaction('rw', db.meetings, db.signInSheets, async () => {
    const rows = await listAttendance(ref.meetingId)
    if (!rows.some((r) => r.id === ref.id)) throw new DomainError([problem('deliberation.error.noMeeting')])
    const m = await liveMeeting(ref.meetingId)
    const at = new Date().toISOString()
    await putRows(
      m.communityId,
      ref.meetingId,
      rows.map((r) => (r.id === ref.id ? { ...r, ...changes, updatedAt: at } : r)),
    )
  })
}

/** Marks a state; arriving sets the arrival time unless one was typed. */
export async function markAttendance(ref: AttendanceRef, state: AttendanceState, arrivedAt?: string): Promise<void> {
  await change(ref, { state, arrivedAt: state === 'present' ? (arrivedAt ?? hhmm()) : undefined })
}

/** 全部出席: everyone still 未到 is marked present at once; those marked otherwise stay as they are. */
export async function markAllPresent(meetingId: string): Promise<number> {
  return db.transaction('rw', db.meetings, db.signInSheets, async () => {
    const m = await liveMeeting(meetingId)
    const rows = await listAttendance(meetingId)
    const at = new Date().toISOString()
    const arrivedAt = hhmm()
    const present = (r: Attendance) => ({ ...r, state: 'present' as const, arrivedAt, updatedAt: at })
    await putRows(
      m.communityId,
      meetingId,
      rows.map((r) => (r.state === 'pending' ? present(r) : r)),
    )
    return rows.filter((r) => r.state === 'pending').length
  })
}

export async function setArrival(ref: AttendanceRef, arrivedAt: string): Promise<void> {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(arrivedAt)) throw new DomainError([problem('deliberation.error.time')])
  await change(ref, { arrivedAt })
}

export async function setMeetingRole(ref: AttendanceRef, meetingRole: MeetingRole): Promise<void> {
  await change(ref, { meetingRole })
}

/** Adds someone who came without an invitation (present on arrival). */
export async function addWalkIn(
  meetingId: string,
  w: { name: string; personId?: string; partyRole?: string; meetingRole: MeetingRole },
): Promise<Attendance> {
  const name = w.name.trim()
  if (!name) throw new DomainError([problem('deliberation.error.walkInName')])
  return db.transaction('rw', db.meetings, db.signInSheets, async () => {
    const m = await liveMeeting(meetingId)
    const rows = await listAttendance(meetingId)
    if (rows.some((r) => (w.personId && r.personId === w.personId) || (!w.personId && r.name === name)))
      throw new DomainError([problem('deliberation.error.alreadyListed', { name })])
    const row: Attendance = {
      ...base(m.communityId),
      meetingId,
      personId: w.personId,
      name,
      partyRole: w.partyRole,
      meetingRole: w.meetingRole,
      state: 'present',
      arrivedAt: hhmm(),
      walkIn: true,
    }
    await putRows(m.communityId, meetingId, [...rows, row])
    if (m.status === 'planning') await db.meetings.update(meetingId, { status: 'live' })
    return row
  })
}

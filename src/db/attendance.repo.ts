import { localTime, now } from '@/domain/calendar'
import type { Attendance, AttendanceState, ExpectedRow } from '@/domain/attendance'
import { DomainError, problem } from '@/domain/problem'
import type { MeetingRole } from '@/domain/roles'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'

export async function listAttendance(meetingId: string): Promise<Attendance[]> {
  return db.attendance.where('meetingId').equals(meetingId).toArray()
}

const hhmm = () => localTime(now())

/**
 * Creates the sign-in sheet from the expected list (everyone starts as
 * 未到, pending, until marked) and puts the meeting in session. Does nothing if the
 * sheet already exists, so a second click never duplicates people.
 */
export async function startSignIn(meetingId: string, expected: ExpectedRow[]): Promise<number> {
  return db.transaction('rw', db.meetings, db.attendance, async () => {
    const m = await liveMeeting(meetingId)
    if ((await db.attendance.where('meetingId').equals(meetingId).count()) > 0) return 0
    if (expected.length === 0) throw new DomainError([problem('deliberation.error.noExpected')])
    await db.attendance.bulkAdd(
      expected.map((e) => ({ ...base(m.communityId), ...e, meetingId, state: 'pending' as const, walkIn: false })),
    )
    await db.meetings.update(meetingId, { status: 'live', updatedAt: new Date().toISOString() })
    return expected.length
  })
}

async function change(id: string, changes: Partial<Attendance>): Promise<void> {
  await db.transaction('rw', db.meetings, db.attendance, async () => {
    const row = await db.attendance.get(id)
    if (!row) throw new DomainError([problem('deliberation.error.noMeeting')])
    await liveMeeting(row.meetingId)
    await db.attendance.update(id, { ...changes, updatedAt: new Date().toISOString() })
  })
}

/** Marks a state; arriving sets the arrival time unless one was typed. */
export async function markAttendance(id: string, state: AttendanceState, arrivedAt?: string): Promise<void> {
  await change(id, { state, arrivedAt: state === 'present' ? (arrivedAt ?? hhmm()) : undefined })
}

/** 全部出席: everyone still 未到 is marked present at once; those marked otherwise stay as they are. */
export async function markAllPresent(meetingId: string): Promise<number> {
  return db.transaction('rw', db.meetings, db.attendance, async () => {
    await liveMeeting(meetingId)
    const pending = await db.attendance
      .where('meetingId')
      .equals(meetingId)
      .filter((r) => r.state === 'pending')
      .toArray()
    const at = new Date().toISOString()
    const arrivedAt = hhmm()
    await db.attendance.bulkPut(pending.map((r) => ({ ...r, state: 'present' as const, arrivedAt, updatedAt: at })))
    return pending.length
  })
}

export async function setArrival(id: string, arrivedAt: string): Promise<void> {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(arrivedAt)) throw new DomainError([problem('deliberation.error.time')])
  await change(id, { arrivedAt })
}

export async function setMeetingRole(id: string, meetingRole: MeetingRole): Promise<void> {
  await change(id, { meetingRole })
}

/** Adds someone who came without an invitation (present on arrival). */
export async function addWalkIn(
  meetingId: string,
  w: { name: string; personId?: string; partyRole?: string; meetingRole: MeetingRole },
): Promise<Attendance> {
  const name = w.name.trim()
  if (!name) throw new DomainError([problem('deliberation.error.walkInName')])
  return db.transaction('rw', db.meetings, db.attendance, async () => {
    const m = await liveMeeting(meetingId)
    const rows = await db.attendance.where('meetingId').equals(meetingId).toArray()
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
    await db.attendance.add(row)
    if (m.status === 'planning') await db.meetings.update(meetingId, { status: 'live' })
    return row
  })
}

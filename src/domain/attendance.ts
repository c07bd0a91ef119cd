// Sign-in (签到): who was expected, who came, in which role.
import type { RecordBase } from './ids'
import type { MeetingRole } from './roles'

export const ATTENDANCE_STATES = ['present', 'absent', 'leave', 'written'] as const
/** 出席 · 缺席 · 请假 · 提交书面意见 */
export type AttendanceState = (typeof ATTENDANCE_STATES)[number]

/**
 * One row of the sign-in sheet. Holds names and roles only, never contact
 * details: it is sealed when the meeting closes.
 */
export interface Attendance extends RecordBase {
  meetingId: string
  participantId?: string
  personId?: string
  name: string
  /** Standing role name as printed (e.g. 居民代表), copied at sign-in */
  partyRole?: string
  meetingRole: MeetingRole
  state: AttendanceState
  /** HH:mm */
  arrivedAt?: string
  walkIn: boolean
  /** Gist of a written opinion, when state is 'written' */
  writtenOpinion?: string
  /** Set when the meeting was sealed: the row is frozen */
  sealedAt?: string
}

/** One expected row before sign-in starts. */
export interface ExpectedRow {
  participantId?: string
  personId?: string
  name: string
  partyRole?: string
  meetingRole: MeetingRole
}

/**
 * The expected sign-in list: the invitations when there are any, otherwise
 * the body's members. The meeting's chair and recorder get their roles.
 */
export function expectedList(
  meeting: { chairId?: string; recorderId?: string },
  participants: { id: string; personId?: string; name: string; meetingRole: MeetingRole; partyRoleId?: string }[],
  members: { id: string; name: string; roleIds: string[] }[],
  roleName: (roleId: string | undefined) => string | undefined,
): ExpectedRow[] {
  const roleOf = (personId: string | undefined, fallback: MeetingRole): MeetingRole =>
    personId && personId === meeting.chairId
      ? 'chair'
      : personId && personId === meeting.recorderId
        ? 'recorder'
        : fallback
  if (participants.length > 0) {
    return participants.map((p) => ({
      participantId: p.id,
      personId: p.personId,
      name: p.name,
      partyRole: roleName(p.partyRoleId),
      meetingRole: roleOf(p.personId, p.meetingRole),
    }))
  }
  return members.map((m) => ({
    personId: m.id,
    name: m.name,
    partyRole: roleName(m.roleIds[0]),
    meetingRole: roleOf(m.id, 'voting'),
  }))
}

// Sign-in (签到): who was expected, who came, in which role.
import type { RecordBase } from './ids'
import type { MeetingRole } from './roles'
import { isVotingRole } from './rules/headcount'

/** The states a person is marked with: 出席 · 缺席 · 请假 · 提交书面意见 */
export const ATTENDANCE_STATES = ['present', 'absent', 'leave', 'written'] as const
/**
 * A row starts as 未到 (pending): nobody has been marked absent by a click they
 * did not make. Pending counts as not present, and becomes 缺席 when the meeting is sealed.
 */
export type AttendanceState = (typeof ATTENDANCE_STATES)[number] | 'pending'

const ROLE_ORDER = ['chair', 'recorder'] as const

/** The sheet's order: the chair and the recorder first, then as listed, walk-ins last. */
export function sheetOrder<T extends Pick<Attendance, 'meetingRole' | 'walkIn' | 'createdAt' | 'id'>>(rows: T[]): T[] {
  const rank = (r: T) => {
    const i = (ROLE_ORDER as readonly string[]).indexOf(r.meetingRole)
    return i < 0 ? ROLE_ORDER.length : i
  }
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(a.walkIn) - Number(b.walkIn) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  )
}

/** The one line of counts the sign-in sheet shows, each figure with what it counts. */
export interface SignInCounts {
  expected: number
  present: number
  presentVoting: number
  presentNonVoting: number
  leave: number
  written: number
  absent: number
  pending: number
}

export function signInCounts(rows: readonly Pick<Attendance, 'state' | 'meetingRole' | 'walkIn'>[]): SignInCounts {
  const present = rows.filter((r) => r.state === 'present')
  // The same roles the quorum counts, so 有表决权 here equals 实到 on the quorum card.
  const nonVoting = present.filter((r) => !isVotingRole(r.meetingRole)).length
  const n = (s: AttendanceState) => rows.filter((r) => r.state === s).length
  return {
    expected: rows.filter((r) => !r.walkIn).length,
    present: present.length,
    presentVoting: present.length - nonVoting,
    presentNonVoting: nonVoting,
    leave: n('leave'),
    written: n('written'),
    absent: n('absent'),
    pending: n('pending'),
  }
}

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
  participants: {
    id: string
    personId?: string
    name: string
    meetingRole: MeetingRole
    partyRoleId?: string
    identity?: string
  }[],
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
      // A stakeholder is 物业项目负责人 on the sheet and the minutes, not the generic 利益相关方.
      partyRole: p.identity || roleName(p.partyRoleId),
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

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
}

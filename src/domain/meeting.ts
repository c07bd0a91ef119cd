import { z } from 'zod'
import type { RecordBase } from './ids'
import type { MeetingRole } from './roles'
import { isCalendarDay } from './calendar'
import { problem, type Problem } from './problem'
import type { StepSkip } from './procedure'

/** 党群议事日 · 红板凳议事会 · 居民恳谈会 · 重大事项会议 */
export const MEETING_TYPES = ['partyMassDay', 'redBench', 'residentsTalk', 'majorMatter'] as const
export type MeetingType = (typeof MEETING_TYPES)[number]

export type MeetingStatus = 'planning' | 'live' | 'closed'

export interface Meeting extends RecordBase {
  title: string
  type: MeetingType
  procedureId: string
  /** Index of the current step in the procedure */
  stepIndex: number
  /** YYYY-MM-DD */
  date?: string
  /** HH:mm */
  startTime?: string
  place?: string
  chairId?: string
  recorderId?: string
  /** The deliberating body whose rules apply */
  bodyId?: string
  status: MeetingStatus
  /** Steps passed over, with who, when and why (procedure.ts StepSkip); printed on the minutes */
  stepSkips?: StepSkip[]
  /** 村民会议 counted by households: the secretary's count from the household sign-in book */
  households?: MeetingHouseholds
  /** Set when the meeting is closed and its records sealed */
  sealedAt?: string
  verificationCode?: string
}

/**
 * A 村民会议 is quorate with ⅔ of the households sending a representative
 * (村委会组织法 第二十二条). At the door each household's representative signs
 * the paper 户代表签到册 against the household register, which the roster does
 * not hold; the secretary counts the signed households and confirms the two
 * numbers here. 本村户数 is asked again at each meeting: households split and move.
 */
export interface MeetingHouseholds {
  /** 本村户数 (应到户数) */
  total: number
  /** Households that sent a representative (实到户数) */
  present: number
}

const wholeCount = z.number({ error: 'validation.integer' }).int('validation.integer')

export const householdsSchema = z
  .object({
    total: wholeCount
      .min(1, 'deliberation.households.error.noTotal')
      .max(100000, 'deliberation.households.error.tooMany'),
    present: wholeCount.min(0, 'validation.integer'),
  })
  .refine((h) => h.present <= h.total, { path: ['present'], message: 'deliberation.households.error.exceeds' })

/** An invited party: where the expected sign-in list comes from. */
export interface Participant extends RecordBase {
  meetingId: string
  personId?: string
  name: string
  /** Standing role id from the preset (e.g. 居民代表) */
  partyRoleId?: string
  /** A topic party's own identity (物业项目负责人), shown instead of the generic role name */
  identity?: string
  meetingRole: MeetingRole
  /** For per-topic parties (X): the topics they are invited for; empty = whole meeting */
  topicIds: string[]
}

export const newMeetingSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  type: z.enum(MEETING_TYPES),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
    .refine(isCalendarDay, 'validation.calendarDay')
    .optional(),
})
export type NewMeeting = z.infer<typeof newMeetingSchema>

/**
 * What the minutes header needs before a meeting may be sealed: sealed minutes
 * with a blank 时间、地点、主持人 or 记录人 stay blank for good.
 */
export function sealBlockers(
  m: Pick<Meeting, 'date' | 'startTime' | 'place' | 'chairId' | 'recorderId'>,
  attendance: readonly { state: string }[],
): Problem[] {
  const out: Problem[] = []
  if (!m.date || !isCalendarDay(m.date)) out.push(problem('guard.noDate'))
  if (!m.startTime) out.push(problem('guard.noTime'))
  if (!m.place?.trim()) out.push(problem('guard.noPlace'))
  if (!m.chairId) out.push(problem('guard.noChair'))
  if (!m.recorderId) out.push(problem('guard.noRecorder'))
  if (!attendance.some((a) => a.state === 'present')) out.push(problem('guard.noSignIn'))
  return out
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** The meeting's basics as the overview form saves them; dates and times must be real. */
export const meetingBasicsSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  type: z.enum(MEETING_TYPES),
  date: z.string().refine(isCalendarDay, 'validation.calendarDay').optional(),
  startTime: z.string().regex(TIME, 'validation.time').optional(),
  place: z.string().trim().max(80, 'validation.tooLong').optional(),
  chairId: z.string().optional(),
  recorderId: z.string().optional(),
})

/** An optional field a form clears with '' or null (el-date-picker, el-time-select): cleared means unset. */
const clearable = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), s)

/**
 * What may change on a meeting once it exists: the basics, the body whose
 * rules apply and the step it stands at (six steps: 0–5). Anything else
 * (status, seal, community) is stripped; those have their own writes.
 */
export const meetingChangesSchema = z.object({
  title: meetingBasicsSchema.shape.title.optional(),
  type: meetingBasicsSchema.shape.type.optional(),
  date: clearable(meetingBasicsSchema.shape.date),
  startTime: clearable(meetingBasicsSchema.shape.startTime),
  place: clearable(meetingBasicsSchema.shape.place),
  chairId: clearable(meetingBasicsSchema.shape.chairId),
  recorderId: clearable(meetingBasicsSchema.shape.recorderId),
  bodyId: clearable(z.string().optional()),
  stepIndex: z
    .number()
    .int('validation.noSuchStep')
    .min(0, 'validation.noSuchStep')
    .max(5, 'validation.noSuchStep')
    .optional(),
})

/**
 * The clock time each agenda item starts at, from the meeting's start (HH:MM)
 * and the planned minutes of the items before it; undefined from the first item
 * without planned minutes on, or when the meeting has no start time.
 */
export function agendaClock(startTime: string | undefined, minutes: (number | undefined)[]): (string | undefined)[] {
  const m = startTime ? /^(\d{1,2}):(\d{2})$/.exec(startTime) : null
  let at = m ? Number(m[1]) * 60 + Number(m[2]) : undefined
  return minutes.map((n) => {
    const here =
      at === undefined
        ? undefined
        : `${String(Math.floor(at / 60) % 24).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`
    at = at === undefined || n === undefined ? undefined : at + n
    return here
  })
}

// Public notices (公示) and objections (异议) during the notice period.
import { daysBetween, localDay } from './calendar'
import { z } from 'zod'
import type { RecordBase } from './ids'

/** 议题公示 · 决议公示 · 实施结果公示 */
export type NoticeKind = 'agenda' | 'resolution' | 'results'

export interface PublicNotice extends RecordBase {
  meetingId?: string
  /** For a results notice: the action items it reports */
  actionItemIds?: string[]
  kind: NoticeKind
  /**
   * YYYY-MM-DD, the day it was put up on the board (the period's first day);
   * unset while drafted. Before schema version 12 some rows held an instant.
   */
  postedAt?: string
  /** YYYY-MM-DD */
  startsOn?: string
  /** YYYY-MM-DD, last day of the notice period */
  endsOn?: string
  periodDays: number
  /** 公示栏, 微信群, 网上 … */
  places: string[]
  /** A photo as proof of posting */
  photoId?: string
  /** How to object, printed on the notice: whom, phone, the box */
  objectTo?: string
  objectPhone?: string
  objectBox?: string
}

export interface Objection extends RecordBase {
  noticeId: string
  receivedOn: string
  from: string
  content: string
  answer?: string
  /** YYYY-MM-DD */
  answeredAt?: string
}

/** 备案: a major matter filed in writing with the street office or township. */
export interface Filing extends RecordBase {
  meetingId: string
  /** The office it went to, e.g. 新华路街道党工委 */
  to: string
  /** YYYY-MM-DD */
  sentOn: string
  /** Who took it there */
  by: string
  /** Their reference or receipt number, when given */
  reference?: string
  note?: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The bounds of every notice period (公示期) and objection period, in whole days. */
export const PERIOD_DAYS = { min: 1, max: 90 } as const

/**
 * One schema for every period typed in days: the community's default 公示期,
 * a template's and a stage's period, a posted notice's and a matter's notice.
 * One message for all of them, whatever is wrong (blank, a fraction, 0, 91).
 */
export const periodDaysSchema = z
  .number({ error: 'validation.noticeDays' })
  .int('validation.noticeDays')
  .min(PERIOD_DAYS.min, 'validation.noticeDays')
  .max(PERIOD_DAYS.max, 'validation.noticeDays')

/** The posting form of a notice; messages are i18n keys. */
export const noticePostingSchema = z.object({
  startsOn: z.string().regex(DATE, 'validation.date'),
  periodDays: periodDaysSchema,
  places: z.array(z.string().trim().min(1)).min(1, 'publication.placesRequired'),
  objectTo: z.string().trim().max(60, 'validation.tooLong').optional(),
  objectPhone: z.string().trim().max(40, 'validation.tooLong').optional(),
  objectBox: z.string().trim().max(60, 'validation.tooLong').optional(),
})

/** The agenda notice (议题公示) as posted: the day it went up, for how long, and where. */
export const agendaNoticeSchema = z.object({
  postedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  periodDays: periodDaysSchema,
  places: z.array(z.string().trim().min(1)).min(1, 'agenda.errors.noticePlaces'),
})

/** A party invited for one topic only (the X): a stakeholder, department or expert. */
export const topicPartySchema = z.object({
  topicId: z.string().min(1, 'validation.required'),
  personId: z.string().optional(),
  name: z.string().trim().min(1, 'agenda.errors.partyName'),
  /** stakeholder / department / expert role id of the preset */
  partyRoleId: z.string().min(1, 'validation.required'),
  /** Who they are in their own right (物业项目负责人, 区住建局科长): printed beside the meeting role */
  identity: z.string().trim().max(40, 'validation.tooLong').optional(),
})

export const objectionSchema = z.object({
  receivedOn: z.string().regex(DATE, 'validation.date'),
  from: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  content: z.string().trim().min(1, 'validation.required'),
})

export const answerSchema = z.object({
  answer: z.string().trim().min(1, 'validation.required'),
  answeredAt: z.string().regex(DATE, 'validation.date'),
})

export const filingSchema = z.object({
  to: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  sentOn: z.string().regex(DATE, 'validation.date'),
  by: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  reference: z.string().trim().max(60, 'validation.tooLong').optional(),
  note: z.string().trim().max(500, 'validation.tooLong').optional(),
})

/**
 * A notice as the one writer of the notices table (notices.repo.ts `putNotice`)
 * takes it, whatever its kind: the forms above are parsed into this.
 */
export const noticeSchema = noticePostingSchema.extend({
  kind: z.enum(['agenda', 'resolution', 'results']),
  photoId: z.string().min(1).optional(),
  actionItemIds: z.array(z.string().min(1)).optional(),
})

/** 实施结果公示 as posted from follow-up: the closed items it reports, when, how long, where. */
export const resultsNoticeSchema = noticePostingSchema.pick({ startsOn: true, periodDays: true }).extend({
  meetingId: z.string().min(1, 'validation.required'),
  actionItemIds: z.array(z.string().min(1)).min(1, 'followup.errors.noticeNeedsClosed'),
  places: z.array(z.string().trim().min(1)).min(1, 'followup.errors.placesRequired'),
})

/**
 * `postedAt` as version 12 stores it: the day on the board. Older rows held
 * the moment it was recorded (resolution, results) or UTC midnight of the
 * posting day (agenda); the day posted is the period's first day in both.
 */
export function postedDay(n: Pick<PublicNotice, 'postedAt' | 'startsOn'>): string | undefined {
  if (!n.postedAt) return undefined
  if (n.startsOn) return n.startsOn
  return /^\d{4}-\d{2}-\d{2}$/.test(n.postedAt) ? n.postedAt : localDay(new Date(n.postedAt))
}

/** Days left in the period on `today` (0 on the last day's morrow and after). */
export function daysLeft(endsOn: string, today: string): number {
  return Math.max(0, daysBetween(today, endsOn) + 1)
}

// Major matters (重大事项): a topic routed through a procedure template. Each
// stage is recorded as attempts; a failed sitting stays on record and the
// stage is held again. A matter keeps a snapshot of the template's stages and
// each attempt a copy of the rules applied, so template edits never change them.
import { periodEnd } from './calendar'
import { z } from 'zod'
import type { RecordBase } from './ids'
import { periodDaysSchema } from './notice'
import { DomainError, problem, type Problem } from './problem'
import { judgeSitting, type RuleCheck, type SittingCounts, type SittingVerdict } from './rules'
import { cloneData, type ProcedureTemplate, type StageDef } from './template'
import { VOTE_METHODS, type Rule, type VoteMethod } from './vote'

/** Where the motion came from: ☐ 党员群众建议 ☐ 村（社区）干部提出 ☐ 上级交办 */
export const MOTION_ORIGINS = ['suggestion', 'officials', 'assigned'] as const
export type MotionOrigin = (typeof MOTION_ORIGINS)[number]

/** One sitting, filing, posting or piece of work recorded for a stage. Never edited. */
export interface StageAttempt {
  id: string
  stageId: string
  recordedAt: string
  /** YYYY-MM-DD: the sitting, the filing, or the posting */
  date: string
  place?: string
  note?: string
  // A sitting of a body
  bodyName?: string
  expected?: number
  present?: number
  members?: number
  attendees?: string[]
  /** Township or street officials who attended (乡镇/街道 包村干部) */
  officials?: string[]
  counts?: SittingCounts
  /** How the vote was taken (举手表决, 纸质表决票 …), printed on the registration form */
  voteMethod?: VoteMethod
  quorumRule?: Rule
  passingRule?: Rule
  verdict?: SittingVerdict
  quorum?: RuleCheck
  passing?: RuleCheck
  /** When it was held as a full meeting in the app */
  meetingId?: string
  // A notice
  periodDays?: number
  /** Last day of the notice period */
  endsOn?: string
  places?: string[]
  // A filing
  office?: string
}

export interface Matter extends RecordBase {
  topicId: string
  origin: MotionOrigin
  templateId: string
  templateVersion: number
  templateName: string
  /** The template's stages as they were when the matter started */
  stages: StageDef[]
  /** Default notice period when the matter started */
  noticePeriodDays: number
  attempts: StageAttempt[]
  /** 村务监督委员会意见 */
  supervisoryOpinion?: string
}

export type StageStatus = 'passed' | 'failed' | 'running' | 'current' | 'upcoming'

export interface StageProgress {
  stage: StageDef
  index: number
  attempts: StageAttempt[]
  status: StageStatus
}

/** Whether the stage's latest attempt completes it (a notice: once its period is over). */
function completes(a: StageAttempt | undefined, today: string): 'passed' | 'failed' | 'running' | undefined {
  if (!a) return undefined
  if (a.verdict) return a.verdict === 'passed' ? 'passed' : 'failed'
  if (a.endsOn) return a.endsOn < today ? 'passed' : 'running'
  return 'passed'
}

/** Every stage with its attempts and where it stands; stages wait for the one before to pass. */
export function stageProgress(matter: Pick<Matter, 'stages' | 'attempts'>, today: string): StageProgress[] {
  let blocked = false
  return matter.stages.map((stage, index) => {
    const attempts = matter.attempts.filter((a) => a.stageId === stage.id)
    const done = completes(attempts.at(-1), today)
    let status: StageStatus
    if (blocked) status = 'upcoming'
    else if (done === 'passed') status = 'passed'
    else status = done ?? 'current'
    if (status !== 'passed') blocked = true
    return { stage, index, attempts, status }
  })
}

/** The stage a matter is at (undefined when every stage has passed). */
export function currentStage(matter: Pick<Matter, 'stages' | 'attempts'>, today: string): StageProgress | undefined {
  return stageProgress(matter, today).find((p) => p.status !== 'passed')
}

/** Why this stage may not be recorded now (empty = it may). */
export function missingToRecord(
  matter: Pick<Matter, 'stages' | 'attempts'>,
  stageId: string,
  today: string,
): Problem[] {
  const all = stageProgress(matter, today)
  const p = all.find((s) => s.stage.id === stageId)
  if (!p) return [problem('matters.guard.noSuchStage')]
  if (p.status === 'passed' || p.status === 'running')
    return [problem('matters.guard.stageDone', { stage: p.stage.name })]
  if (p.status === 'upcoming') {
    const before = all[p.index - 1]!
    return [problem('matters.guard.previousNotPassed', { stage: before.stage.name })]
  }
  return []
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
const count = z
  .number({ message: 'validation.integer' })
  .int('validation.integer')
  .min(0, 'matters.error.negative')
  .max(100000, 'validation.tooLong')
const names = z.array(z.string().trim().min(1).max(20, 'validation.tooLong')).max(500)

export const sittingSchema = z
  .object({
    date,
    place: z.string().trim().max(60, 'validation.tooLong').optional(),
    expected: count.min(1, 'matters.error.expected'),
    present: count,
    members: count.optional(),
    for: count,
    against: count,
    abstain: count,
    attendees: names,
    officials: names,
    voteMethod: z.enum(VOTE_METHODS, { message: 'matters.error.voteMethod' }).optional(),
    meetingId: z.string().optional(),
    note: z.string().trim().max(500, 'validation.tooLong').optional(),
  })
  .superRefine((s, ctx) => {
    if (s.present > s.expected)
      ctx.addIssue({ code: 'custom', path: ['present'], message: 'matters.error.presentOverExpected' })
    if (s.members !== undefined && s.members < s.expected)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'matters.error.membersUnderExpected' })
    if (s.for + s.against + s.abstain > s.present)
      ctx.addIssue({ code: 'custom', path: ['for'], message: 'matters.error.votesOverPresent' })
    if (s.attendees.length > s.present)
      ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'matters.error.attendeesOverPresent' })
  })
export type SittingInput = z.infer<typeof sittingSchema>

export const noticeSchema = z.object({
  date,
  periodDays: periodDaysSchema,
  places: z.array(z.string().trim().min(1).max(30, 'validation.tooLong')).min(1, 'matters.error.places'),
  note: z.string().trim().max(500, 'validation.tooLong').optional(),
})
export type NoticeInput = z.infer<typeof noticeSchema>

export const filingSchema = z.object({
  date,
  office: z.string().trim().min(1, 'templates.error.officeNeeded').max(40, 'validation.tooLong'),
  note: z.string().trim().max(500, 'validation.tooLong').optional(),
})
export type FilingInput = z.infer<typeof filingSchema>

export const taskSchema = z.object({ date, note: z.string().trim().max(500, 'validation.tooLong').optional() })
export type TaskInput = z.infer<typeof taskSchema>

export type StageInput = SittingInput | NoticeInput | FilingInput | TaskInput

/** The schema a stage's form is checked against. */
export function schemaFor(stage: StageDef) {
  return { meeting: sittingSchema, notice: noticeSchema, filing: filingSchema, task: taskSchema }[stage.kind]
}

/**
 * Builds the attempt record for a stage from checked input: a sitting is
 * judged here against the rules of the matter's snapshot, which are copied in.
 * Throws DomainError when the stage may not be recorded now.
 */
export function recordAttempt(
  matter: Pick<Matter, 'stages' | 'attempts'>,
  stageId: string,
  input: StageInput,
  id: string,
  now: string,
  today: string,
): StageAttempt {
  const blocking = missingToRecord(matter, stageId, today)
  if (blocking.length > 0) throw new DomainError(blocking)
  const stage = matter.stages.find((s) => s.id === stageId)!
  const previous = lastPassedDate(matter, stageId)
  if (previous && input.date < previous)
    throw new DomainError([problem('matters.error.beforePrevious', { date: previous })])
  const base = { id, stageId, recordedAt: now, date: input.date, note: input.note || undefined }
  switch (stage.kind) {
    case 'meeting': {
      const s = input as SittingInput
      const head = { expected: s.expected, present: s.present, members: s.members ?? s.expected }
      const counts = { for: s.for, against: s.against, abstain: s.abstain }
      const { verdict, quorum, passing } = judgeSitting(stage.quorumRule!, stage.passingRule!, counts, {
        ...head,
        recused: 0,
      })
      return {
        ...base,
        place: s.place || undefined,
        bodyName: stage.body?.name,
        ...head,
        attendees: s.attendees,
        officials: s.officials,
        counts,
        voteMethod: s.voteMethod,
        quorumRule: cloneData(stage.quorumRule),
        passingRule: cloneData(stage.passingRule),
        verdict,
        quorum,
        passing,
        meetingId: s.meetingId,
      }
    }
    case 'notice': {
      const n = input as NoticeInput
      return { ...base, periodDays: n.periodDays, endsOn: periodEnd(n.date, n.periodDays), places: n.places }
    }
    case 'filing':
      return { ...base, office: (input as FilingInput).office }
    case 'task':
      return base
  }
}

/** The date the stage before this one was completed on. */
function lastPassedDate(matter: Pick<Matter, 'stages' | 'attempts'>, stageId: string): string | undefined {
  const i = matter.stages.findIndex((s) => s.id === stageId)
  const before = matter.stages[i - 1]
  if (!before) return undefined
  return matter.attempts.filter((a) => a.stageId === before.id).at(-1)?.date
}

/** A new matter's snapshot of its template. */
export function snapshotOf(
  t: ProcedureTemplate,
  communityNoticeDays: number,
): Pick<Matter, 'templateId' | 'templateVersion' | 'templateName' | 'stages' | 'noticePeriodDays'> {
  return {
    templateId: t.id,
    templateVersion: t.version,
    templateName: t.name,
    stages: cloneData(t.stages),
    noticePeriodDays: t.noticePeriodDays ?? communityNoticeDays,
  }
}

export const newMatterSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  description: z.string().trim().max(2000, 'validation.tooLong'),
  origin: z.enum(MOTION_ORIGINS, { message: 'matters.error.origin' }),
  templateId: z.string().min(1, 'validation.required'),
})

/** Sending an existing topic into a matter: the topic brings title, description, requests and trail. */
export const routeMatterSchema = newMatterSchema.pick({ origin: true, templateId: true })

// Resolutions (决议) and their action items (落实事项): every item answers
// 谁来干 · 干到什么标准 · 什么时间干完 · 谁来监督.
import { z } from 'zod'
import { isCalendarDay } from './calendar'
import type { RecordBase } from './ids'

export interface Resolution extends RecordBase {
  meetingId: string
  topicId: string
  voteId?: string
  text: string
  /** Set on an amendment: the resolution it supersedes, and why */
  correctsId?: string
  reason?: string
  /** A council dealt with the topic by consensus, without a vote (stated on the minutes) */
  withoutVote?: boolean
  /** Set when the meeting was sealed */
  sealedAt?: string
}

export const ACTION_STATUSES = ['notStarted', 'inProgress', 'done', 'accepted', 'rework', 'closed'] as const
/** 未开始 · 进行中 · 已完成(责任人报告) · 已验收 · 返工 · 已办结(评议通过) */
export type ActionStatus = (typeof ACTION_STATUSES)[number]

export interface ActionItem extends RecordBase {
  meetingId: string
  topicId: string
  resolutionId: string
  /** 事项 */
  title: string
  /** 谁来干: a person or a unit */
  owner: string
  ownerId?: string
  /** 干到什么标准 */
  standard: string
  /** 什么时间干完, YYYY-MM-DD */
  dueOn: string
  /** 谁来监督 */
  supervisor: string
  supervisorId?: string
  status: ActionStatus
  /** When the owner reported it done */
  doneOn?: string
  /** Set when the meeting was sealed; only status fields may change after */
  sealedAt?: string
}

const required = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

/** One action item as typed: all four answers are required. */
export const actionItemSchema = z.object({
  title: required(80),
  owner: required(60),
  standard: required(200),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'deliberation.error.dueOn'),
  supervisor: required(60),
})
export type ActionItemForm = z.infer<typeof actionItemSchema>

const draftText = (max: number) => z.string().trim().max(max, 'validation.tooLong')

/**
 * A resolution as the recorder sends it: the shape and lengths only. What is
 * missing (the text, one of an item's four answers) is left to
 * resolutionProblems, which names the item ("第 2 项：缺少责任人").
 */
export const resolutionFormSchema = z.object({
  text: draftText(2000),
  voteId: z.string().min(1).optional(),
  withoutVote: z.boolean().optional(),
  items: z
    .array(
      z.object({
        title: draftText(80),
        owner: draftText(60),
        standard: draftText(200),
        dueOn: z.string().trim(),
        supervisor: draftText(60),
      }),
    )
    .max(50, 'validation.tooLong'),
})

/** A progress entry or status change on an action item, with who and when. */
export interface ActionEvent extends RecordBase {
  actionItemId: string
  at: string
  by: string
  kind: 'progress' | 'status' | 'sentBack' | 'accepted' | 'evaluated' | 'rework'
  /** YYYY-MM-DD of the progress */
  on?: string
  percent?: number
  note?: string
  status?: ActionStatus
  photoIds?: string[]
}

/** 群众评议: one round of residents' evaluation. */
export interface Evaluation extends RecordBase {
  actionItemId: string
  round: number
  method: 'meeting' | 'ballot' | 'doorToDoor'
  on: string
  /** 满意 · 基本满意 · 不满意, or five-point counts when scale is 'five' */
  scale: 'three' | 'five'
  counts: number[]
  /** Invalid ballots (blank or more than one tick), counted but not in the rate */
  invalid?: number
  /** Satisfied + fairly satisfied over all valid, 0..1 */
  rate: number
  passed: boolean
  reworkReason?: string
}

const FOUR = ['owner', 'standard', 'dueOn', 'supervisor'] as const

/**
 * The fixed opening of a resolution on a topic that was not adopted. The paper must never
 * contradict itself: a failed or deferred topic cannot "同意…" anything, nor take action items.
 */
export const NOT_ADOPTED = {
  failed: '经表决，本议题未获通过，不予实施。',
  deferred: '本议题暂缓表决，待条件成熟后再议。',
} as const

/** What a resolution rests on: the topic's last closed vote, or a council's decision without one. */
export interface ResolutionBasis {
  result?: 'passed' | 'failed' | 'deferred'
  withoutVote?: boolean
  /** May deal without a vote: only a body that recommends (a consultation council) */
  council?: boolean
  /** YYYY-MM-DD of the meeting: no action item is due before it */
  meetingDate?: string
}

/** True when the topic was not adopted: the resolution says so and takes no action items. */
export function notAdopted(basis: ResolutionBasis | undefined): basis is { result: 'failed' | 'deferred' } {
  return basis?.result === 'failed' || basis?.result === 'deferred'
}

/**
 * Everything missing from a resolution, item by item and answer by answer,
 * so the recorder sees exactly which of the four questions is unanswered.
 * With a basis it also checks what the resolution rests on.
 */
export function resolutionProblems(
  form: { text: string; items: Partial<ActionItemForm>[] },
  basis?: ResolutionBasis,
): { key: string; params?: Record<string, string | number> }[] {
  const out: { key: string; params?: Record<string, string | number> }[] = []
  if (!form.text.trim()) out.push({ key: 'deliberation.error.resolutionText' })
  if (basis) {
    if (!basis.result && !basis.withoutVote) out.push({ key: 'deliberation.error.needClosedVote' })
    if (basis.withoutVote && !basis.result && !basis.council) out.push({ key: 'deliberation.error.voteRequired' })
    if (notAdopted(basis)) {
      if (!form.text.trim().startsWith(NOT_ADOPTED[basis.result]))
        out.push({ key: 'deliberation.error.notAdoptedText', params: { text: NOT_ADOPTED[basis.result] } })
      if (form.items.length > 0) out.push({ key: 'deliberation.error.notAdoptedItems' })
      return out
    }
  }
  form.items.forEach((item, i) => {
    if (!item.title?.trim()) out.push({ key: 'deliberation.error.missing.title', params: { n: i + 1 } })
    for (const k of FOUR) {
      const v = item[k]?.trim() ?? ''
      if (!v) out.push({ key: `deliberation.error.missing.${k}`, params: { n: i + 1 } })
      else if (k === 'dueOn' && !isCalendarDay(v)) out.push({ key: 'deliberation.error.dueOn', params: { n: i + 1 } })
      else if (k === 'dueOn' && basis?.meetingDate && v < basis.meetingDate)
        out.push({ key: 'deliberation.error.dueBeforeMeeting', params: { n: i + 1, date: basis.meetingDate } })
    }
  })
  return out
}

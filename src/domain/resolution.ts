// Resolutions (决议) and their action items (落实事项): every item answers
// 谁来干 · 干到什么标准 · 什么时间干完 · 谁来监督.
import { z } from 'zod'
import type { RecordBase } from './ids'

export interface Resolution extends RecordBase {
  meetingId: string
  topicId: string
  voteId?: string
  text: string
  /** Set on an amendment: the resolution it supersedes, and why */
  correctsId?: string
  reason?: string
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
 * Everything missing from a resolution, item by item and answer by answer,
 * so the recorder sees exactly which of the four questions is unanswered.
 */
export function resolutionProblems(form: {
  text: string
  items: Partial<ActionItemForm>[]
}): { key: string; params?: Record<string, string | number> }[] {
  const out: { key: string; params?: Record<string, string | number> }[] = []
  if (!form.text.trim()) out.push({ key: 'deliberation.error.resolutionText' })
  form.items.forEach((item, i) => {
    if (!item.title?.trim()) out.push({ key: 'deliberation.error.missing.title', params: { n: i + 1 } })
    for (const k of FOUR) {
      const v = item[k]?.trim() ?? ''
      if (!v) out.push({ key: `deliberation.error.missing.${k}`, params: { n: i + 1 } })
      else if (k === 'dueOn' && !/^\d{4}-\d{2}-\d{2}$/.test(v))
        out.push({ key: 'deliberation.error.dueOn', params: { n: i + 1 } })
    }
  })
  return out
}

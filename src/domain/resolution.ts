// Resolutions (决议) and their action items (落实事项): every item answers
// 谁来干 · 干到什么标准 · 什么时间干完 · 谁来监督.
import type { RecordBase } from './ids'

export interface Resolution extends RecordBase {
  meetingId: string
  topicId: string
  voteId?: string
  text: string
  /** Set on an amendment: the resolution it supersedes, and why */
  correctsId?: string
  reason?: string
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
}

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
  /** Satisfied + fairly satisfied over all valid, 0..1 */
  rate: number
  passed: boolean
  reworkReason?: string
}

// Topics (议题): what a meeting deliberates, each traced to its requests.
import type { RecordBase } from './ids'

export type TopicStatus = 'draft' | 'scheduled' | 'deliberated' | 'deferred' | 'closed'

export interface Topic extends RecordBase {
  title: string
  description: string
  /** The requests it came from (merging keeps every source linked) */
  requestIds: string[]
  /** Set on the parts of a topic that was split */
  parentTopicId?: string
  meetingId?: string
  /** Position on the agenda */
  order: number
  estimatedMinutes?: number
  presenterId?: string
  presenterName?: string
  status: TopicStatus
  /** Marked when research beforehand is not needed (the guard accepts it) */
  noResearchNeeded?: boolean
  /** A major matter goes through a procedure template (四议两公开 …) */
  isMajor?: boolean
  /** Short research summary the chair presents */
  researchSummary?: string
}

/** The topic's trail: each decision with date, who and reason. */
export interface TopicEvent extends RecordBase {
  topicId: string
  at: string
  by: string
  kind: 'created' | 'merged' | 'split' | 'narrowed' | 'scheduled' | 'unscheduled' | 'edited' | 'deliberated' | 'deferred'
  reason?: string
  /** Requests or topics involved (merged sources, split parts) */
  relatedIds?: string[]
}

/** Participants invited for one topic only (the X of 1+7+X) are Participants with topicIds. */
export type TopicPartyKind = 'stakeholder' | 'department' | 'expert'

// Topics (议题): what a meeting deliberates, each traced to its requests.
import { z } from 'zod'
import type { RecordBase } from './ids'
import { problem, type Problem } from './problem'

export type TopicStatus = 'draft' | 'scheduled' | 'deliberated' | 'deferred' | 'closed'

export interface Topic extends RecordBase {
  title: string
  description: string
  /** The requests it came from (merging keeps every source linked) */
  requestIds: string[]
  /** Set on the parts of a topic that was split */
  parentTopicId?: string
  /** Set on a deferred topic carried to a later meeting: the topic it continues (topic-routing.ts) */
  continuesTopicId?: string
  meetingId?: string
  /** Position on the agenda */
  order: number
  estimatedMinutes?: number
  presenterId?: string
  presenterName?: string
  status: TopicStatus
  /** Why it was deferred (暂缓表决); set with status 'deferred' */
  deferredReason?: string
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
  kind:
    'created' | 'merged' | 'split' | 'narrowed' | 'scheduled' | 'unscheduled' | 'edited' | 'deliberated' | 'deferred'
  reason?: string
  /** Requests or topics involved (merged sources, split parts) */
  relatedIds?: string[]
}

/** Participants invited for one topic only (the X of 1+7+X) are Participants with topicIds. */

export const topicFormSchema = z.object({
  title: z.string().trim().min(1, 'agenda.errors.emptyTitle').max(60, 'validation.tooLong'),
  description: z.string().trim().max(1000, 'validation.tooLong').default(''),
})
export type TopicForm = z.infer<typeof topicFormSchema>

/** The parts of a split; an empty title is left to splitProblems, which says it once for all parts. */
export const topicPartsSchema = z.array(
  topicFormSchema.extend({ title: z.string().trim().max(60, 'validation.tooLong') }),
)

/**
 * Checks a merge of requests into a target (a request or a topic): nothing
 * may be merged into itself, and at least one source is needed.
 */
export function mergeProblems(
  sourceIds: readonly string[],
  targetId: string,
  alreadyLinked: readonly string[] = [],
): Problem[] {
  if (sourceIds.length === 0) return [problem('agenda.errors.nothingToMerge')]
  if (sourceIds.includes(targetId)) return [problem('agenda.errors.mergeSelf')]
  const dup = sourceIds.find((id) => alreadyLinked.includes(id))
  return dup ? [problem('agenda.errors.alreadyLinked')] : []
}

/** A split needs at least two parts, each with a title. */
export function splitProblems(parts: readonly TopicForm[]): Problem[] {
  if (parts.length < 2) return [problem('agenda.errors.splitTwo')]
  if (parts.some((p) => !p.title.trim())) return [problem('agenda.errors.emptyTitle')]
  return []
}

/** Start and end time (HH:mm) of each agenda item, from the meeting's start. */
export function agendaTimes(start: string, minutes: readonly (number | undefined)[]): { from: string; to: string }[] {
  const [h, m] = start.split(':').map(Number) as [number, number]
  let at = h * 60 + m
  return minutes.map((min) => {
    const from = at
    at += min ?? 0
    return { from: hhmm(from), to: hhmm(at) }
  })
}

function hhmm(total: number): string {
  const t = ((total % 1440) + 1440) % 1440
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`
}

// Topics routed onward: a topic deferred at one meeting (暂缓表决) is carried
// to a later meeting as a continuation that points back at it, so the first
// meeting's record stays as it was and the trail shows both meetings.
import type { Topic } from './topic'

/** Deferred topics not yet carried to another meeting: they wait in the agenda pool, once each. */
export function deferredAwaiting(topics: readonly Topic[]): Topic[] {
  const carried = new Set(topics.map((t) => t.continuesTopicId).filter(Boolean))
  return topics.filter((t) => t.status === 'deferred' && !carried.has(t.id))
}

/**
 * The agenda pool as a meeting sees it: topics not yet on any meeting, and
 * topics deferred at another meeting and not carried on yet.
 */
export function poolTopics<T extends Topic>(topics: readonly T[], meetingId: string | undefined): T[] {
  return [
    ...topics.filter((t) => t.status === 'draft'),
    ...(deferredAwaiting(topics) as T[]).filter((t) => t.meetingId !== meetingId),
  ]
}

/** The continuation of `deferred` for another meeting: same requests, wording and research summary. */
export function continuation(
  deferred: Topic,
  meetingId: string,
  order: number,
  ids: { id: string; now: string },
): Topic {
  return {
    id: ids.id,
    communityId: deferred.communityId,
    title: deferred.title,
    description: deferred.description,
    requestIds: [...deferred.requestIds],
    continuesTopicId: deferred.id,
    meetingId,
    order,
    estimatedMinutes: deferred.estimatedMinutes,
    presenterId: deferred.presenterId,
    presenterName: deferred.presenterName,
    status: 'scheduled',
    noResearchNeeded: deferred.noResearchNeeded,
    isMajor: deferred.isMajor,
    researchSummary: deferred.researchSummary,
    createdAt: ids.now,
    updatedAt: ids.now,
  }
}

// Reads what the period statistics count. The counting is in domain/stats.ts.
import { localDay, today } from '@/domain/calendar'
import { periodStats, RESOLVED_STATUSES, type Period, type PeriodStats, type RequestRow } from '@/domain/stats'
import type { Vote } from '@/domain/vote'
import { db } from './schema'

/** The result that stands for each topic: the latest closed vote no correction replaced; a deferred topic is deferred. */
async function topicResults(topicIds: string[]): Promise<Map<string, RequestRow['topicResult']>> {
  const out = new Map<string, RequestRow['topicResult']>()
  if (topicIds.length === 0) return out
  const votes = await db.votes.where('topicId').anyOf(topicIds).toArray()
  const corrected = new Set(votes.map((v) => v.correctsVoteId).filter(Boolean))
  const standing = votes
    .filter((v): v is Vote & { result: NonNullable<Vote['result']> } => v.status === 'closed' && !!v.result)
    .filter((v) => !corrected.has(v.id))
    .sort((a, b) => (a.closedAt ?? a.openedAt).localeCompare(b.closedAt ?? b.openedAt))
  for (const v of standing) out.set(v.topicId, v.result)
  for (const t of await db.topics.bulkGet(topicIds)) if (t?.status === 'deferred') out.set(t.id, 'deferred')
  return out
}

/**
 * Requests with the day they were resolved (the first trail row that set a
 * resolved status, else the day the loop was closed) and the result of the
 * topic they went on, so a voted-down topic never counts its requests resolved.
 */
async function requestRows(communityId: string): Promise<RequestRow[]> {
  const requests = await db.requests.where('communityId').equals(communityId).toArray()
  const events = await db.requestEvents
    .where('requestId')
    .anyOf(requests.map((r) => r.id))
    .toArray()
  const resolvedOn = new Map<string, string>()
  for (const e of events) {
    if (!e.status || !RESOLVED_STATUSES.includes(e.status)) continue
    const day = localDay(new Date(e.at))
    const prev = resolvedOn.get(e.requestId)
    if (!prev || day < prev) resolvedOn.set(e.requestId, day)
  }
  const results = await topicResults([...new Set(requests.flatMap((r) => (r.topicId ? [r.topicId] : [])))])
  return requests.map((r) => ({
    ...r,
    topicResult: r.topicId ? results.get(r.topicId) : undefined,
    // A request's own settlement day comes first: back-entered and imported cases keep their real day.
    resolvedOn: r.resolvedOn ?? resolvedOn.get(r.id) ?? r.loopClosedOn,
  }))
}

export async function statsFor(communityId: string, period: Period): Promise<PeriodStats> {
  return db.transaction(
    'r',
    [db.requests, db.requestEvents, db.actionItems, db.evaluations, db.votes, db.topics],
    async () => {
      const requests = await requestRows(communityId)
      const items = await db.actionItems.where('communityId').equals(communityId).toArray()
      const evaluations = await db.evaluations
        .where('actionItemId')
        .anyOf(items.map((i) => i.id))
        .toArray()
      return periodStats({ requests, items, evaluations }, period, today())
    },
  )
}

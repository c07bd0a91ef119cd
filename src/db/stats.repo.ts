// Reads what the period statistics count. The counting is in domain/stats.ts.
import { today } from '@/domain/calendar'
import {
  periodStats,
  requestRows,
  standingResults,
  type Period,
  type PeriodStats,
  type RequestRow,
} from '@/domain/stats'
import { db } from './schema'

/** Requests with their resolution day and their topic's standing result (domain/stats.ts). */
async function requestRowsOf(communityId: string): Promise<RequestRow[]> {
  const requests = await db.requests.where('communityId').equals(communityId).toArray()
  const events = await db.requestEvents
    .where('requestId')
    .anyOf(requests.map((r) => r.id))
    .toArray()
  const topicIds = [...new Set(requests.flatMap((r) => (r.topicId ? [r.topicId] : [])))]
  const votes = topicIds.length ? await db.votes.where('topicId').anyOf(topicIds).toArray() : []
  const deferred = (await db.topics.bulkGet(topicIds)).filter((t) => t?.status === 'deferred').map((t) => t!.id)
  return requestRows(requests, events, standingResults(votes, deferred))
}

export async function statsFor(communityId: string, period: Period): Promise<PeriodStats> {
  return db.transaction(
    'r',
    [db.requests, db.requestEvents, db.actionItems, db.evaluations, db.votes, db.topics],
    async () => {
      const requests = await requestRowsOf(communityId)
      const items = await db.actionItems.where('communityId').equals(communityId).toArray()
      const evaluations = await db.evaluations
        .where('actionItemId')
        .anyOf(items.map((i) => i.id))
        .toArray()
      return periodStats({ requests, items, evaluations }, period, today())
    },
  )
}

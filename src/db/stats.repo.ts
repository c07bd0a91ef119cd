// Reads what the period statistics count. The counting is in domain/stats.ts
// (and the request figures beside them in domain/request-stats.ts);
// the rows come from the per-month aggregates (aggregates/), or from the
// stored rows while those are being rebuilt after a bulk write.
import { today } from '@/domain/calendar'
import {
  periodStats,
  requestRows,
  standingResults,
  type Period,
  type PeriodStats,
  type RequestRow,
} from '@/domain/stats'
import { requestFigures, type RequestFigures } from '@/domain/request-stats'
import { db } from './schema'
import { monthRowsFor, STATS_READ_TABLES } from './aggregates/read'
import { recountRequestFigures } from './request-stats.repo'

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

/** The statistics counted from every stored row: the aggregates' fallback, and what tests compare them with. */
export async function recountStats(communityId: string, period: Period): Promise<PeriodStats> {
  return db.transaction('r', STATS_READ_TABLES, async () => {
    const requests = await requestRowsOf(communityId)
    const items = await db.actionItems.where('communityId').equals(communityId).toArray()
    const evaluations = await db.evaluations
      .where('actionItemId')
      .anyOf(items.map((i) => i.id))
      .toArray()
    return periodStats({ requests, items, evaluations }, period, today())
  })
}

export async function statsFor(communityId: string, period: Period): Promise<PeriodStats> {
  return (await statisticsFor(communityId, period)).stats
}

/** What the statistics screen shows: the period statistics and the request figures, from one read of the month rows. */
export async function statisticsFor(
  communityId: string,
  period: Period,
): Promise<{ stats: PeriodStats; figures: RequestFigures }> {
  return db.transaction('r', STATS_READ_TABLES, async () => {
    const rows = await monthRowsFor(communityId, period)
    if (!rows)
      return {
        stats: await recountStats(communityId, period),
        figures: await recountRequestFigures(communityId, period),
      }
    return { stats: periodStats(rows, period, today()), figures: requestFigures(rows.figureRows, period) }
  })
}

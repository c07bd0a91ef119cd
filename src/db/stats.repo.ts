// Reads what the period statistics count. The counting is in domain/stats.ts.
import { periodStats, RESOLVED_STATUSES, type Period, type PeriodStats, type RequestRow } from '@/domain/stats'
import { db } from './schema'

const today = () => new Date().toISOString().slice(0, 10)

/**
 * Requests with the day they were resolved: the first trail row that set a
 * resolved status, else the day the loop was closed.
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
    const day = e.at.slice(0, 10)
    const prev = resolvedOn.get(e.requestId)
    if (!prev || day < prev) resolvedOn.set(e.requestId, day)
  }
  // A request's own settlement day comes first: back-entered and imported cases keep their real day.
  return requests.map((r) => ({ ...r, resolvedOn: r.resolvedOn ?? resolvedOn.get(r.id) ?? r.loopClosedOn }))
}

export async function statsFor(communityId: string, period: Period): Promise<PeriodStats> {
  return db.transaction('r', [db.requests, db.requestEvents, db.actionItems, db.evaluations], async () => {
    const requests = await requestRows(communityId)
    const items = await db.actionItems.where('communityId').equals(communityId).toArray()
    const evaluations = await db.evaluations
      .where('actionItemId')
      .anyOf(items.map((i) => i.id))
      .toArray()
    return periodStats({ requests, items, evaluations }, period, today())
  })
}

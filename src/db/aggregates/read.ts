// What the statistics screen reads: the month rows of the period (whole months
// and the partial ones at either end alike, since each key keeps its exact
// days), expanded for the same counting functions the stored rows go through.
import type { Period } from '@/domain/stats'
import { expandMonths, type StatMonth } from '@/domain/stat-months'
import { db } from '../schema'
import { STALE_KEY } from './middleware'
import { rebuildStatMonths } from './rebuild'

/** The tables whose writes move the counts: read so that a live view reruns after them. */
const SOURCES = [db.requests, db.requestEvents, db.votes, db.topics, db.actionItems, db.evaluations]
export const STATS_READ_TABLES = [...SOURCES, db.statMonths]

/**
 * The period's rows from the month rows; undefined while they are stale after a
 * bulk write (the caller counts from the rows then, and a rebuild is started).
 * Call inside a read transaction over STATS_READ_TABLES.
 */
export async function monthRowsFor(communityId: string, period: Period) {
  if (await db.statMonths.get(STALE_KEY)) {
    // Not in this (possibly live, read-only) transaction: once, on its own.
    setTimeout(() => void rebuildStatMonths(db).catch((e: unknown) => console.error('[stats] rebuild failed', e)))
    return undefined
  }
  // The counts are written below Dexie's change tracking, so subscribe to the
  // tables they follow: reading one row of each covers any write to it.
  for (const t of SOURCES) await t.limit(1).toArray()
  const months: StatMonth[] = await db.statMonths
    .where('[communityId+month]')
    .between([communityId, period.from.slice(0, 7)], [communityId, period.to.slice(0, 7)], true, true)
    .toArray()
  return expandMonths(months)
}

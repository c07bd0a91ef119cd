// Reads the plain request fields the request figures count (domain/request-stats.ts),
// from the per-month aggregates, or from the stored rows while those are rebuilt.
import { requestFigures, type RequestFigures } from '@/domain/request-stats'
import type { Period } from '@/domain/stats'
import { db } from './schema'
import { monthRowsFor, STATS_READ_TABLES } from './aggregates/read'

/** The figures counted from every stored request: the aggregates' fallback, and what tests compare them with. */
export async function recountRequestFigures(communityId: string, period: Period): Promise<RequestFigures> {
  const rows = await db.requests.where('communityId').equals(communityId).toArray()
  return requestFigures(rows, period)
}

export async function requestFiguresFor(communityId: string, period: Period): Promise<RequestFigures> {
  return db.transaction('r', STATS_READ_TABLES, async () => {
    const rows = await monthRowsFor(communityId, period)
    return rows ? requestFigures(rows.figureRows, period) : recountRequestFigures(communityId, period)
  })
}

// Reads the plain request fields the request figures count (domain/request-stats.ts).
import { requestFigures, type RequestFigures } from '@/domain/request-stats'
import type { Period } from '@/domain/stats'
import { db } from './schema'

export async function requestFiguresFor(communityId: string, period: Period): Promise<RequestFigures> {
  const rows = await db.requests.where('communityId').equals(communityId).toArray()
  return requestFigures(rows, period)
}

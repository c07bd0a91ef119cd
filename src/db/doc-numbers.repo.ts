// 文号: issued once per meeting and document kind, then read back, so every
// reprint of a document carries the number it was first given.
import { today } from '@/domain/calendar'
import {
  AFTER_SEAL,
  DEFAULT_DOC_NUMBER_PATTERN,
  DOC_NUMBER_KINDS,
  formatDocNumber,
  nextSeq,
  type DocNumberKind,
  type IssuedNumber,
} from '@/domain/doc-number'
import { newId, nowIso } from '@/domain/ids'
import { db } from './schema'
import { write } from './write'

/**
 * The meeting's number for a kind of document, issued now if it has none.
 * Undefined for a draft printed before the seal (minutes, notices of the
 * outcome): a draft must not use up a number. `ownerId` tells apart several
 * documents of a kind for one meeting (each 实施结果公示 is its own notice).
 */
export async function docNumber(meetingId: string, kind: unknown, ownerId?: string): Promise<string | undefined> {
  if (typeof kind !== 'string' || !(kind in DOC_NUMBER_KINDS)) throw new Error(`not a numbered document: ${kind}`)
  const k = kind as DocNumberKind
  return write([db.docNumbers, db.meetings, db.communities], async () => {
    const meeting = await db.meetings.get(meetingId)
    if (!meeting) throw new Error('meeting not found')
    const issued = await db.docNumbers.where('meetingId').equals(meetingId).toArray()
    const mine = issued.find((n) => n.kind === k && n.ownerId === ownerId)
    if (mine) return mine.number
    if (AFTER_SEAL.includes(k) && !meeting.sealedAt) return undefined
    const community = await db.communities.get(meeting.communityId)
    const year = Number(today().slice(0, 4))
    const all = await db.docNumbers.where('communityId').equals(meeting.communityId).toArray()
    const seq = nextSeq(all, k, year)
    const pattern = community?.docNumberPattern || DEFAULT_DOC_NUMBER_PATTERN
    const prefix = community?.docNumberPrefix || community?.name || ''
    const at = nowIso()
    const row: IssuedNumber = {
      id: newId(),
      communityId: meeting.communityId,
      createdAt: at,
      updatedAt: at,
      meetingId,
      kind: k,
      ...(ownerId ? { ownerId } : {}),
      year,
      seq,
      number: formatDocNumber(pattern, prefix, k, year, seq),
    }
    await db.docNumbers.add(row)
    return row.number
  })
}

// 实施结果公示: the results notice of a meeting's closed action items.
import { resultsNoticeSchema, type PublicNotice } from '@/domain/notice'
import { DomainError, problem } from '@/domain/problem'
import type { ActionItem } from '@/domain/resolution'
import { db } from './schema'
import { putNotice } from './notices.repo'
import { parseInput, write } from './write'

/** The results notices of a meeting, newest first. */
export async function resultsNotices(meetingId: string): Promise<PublicNotice[]> {
  const all = await db.notices.where('meetingId').equals(meetingId).toArray()
  return all.filter((n) => n.kind === 'results').sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * 实施结果公示: a notice for the meeting's closed items, posted at once for
 * the period. Only closed (evaluated and passed) items can be reported.
 */
export async function postResultsNotice(raw: unknown): Promise<PublicNotice> {
  const { meetingId, ...input } = parseInput(resultsNoticeSchema, raw)
  return write([db.notices, db.actionItems, db.meetings], async () => {
    const meeting = await db.meetings.get(meetingId)
    if (!meeting) throw new DomainError([problem('followup.errors.notFound')])
    const items = await db.actionItems.bulkGet(input.actionItemIds)
    if (items.some((i) => !i || i.status !== 'closed'))
      throw new DomainError([problem('followup.errors.noticeNeedsClosed')])
    return putNotice(meeting, { ...input, kind: 'results' })
  })
}

/** What the results notice PDF prints: the notice, its meeting and each item with its rounds. */
export async function resultsNoticeData(noticeId: string) {
  return db.transaction('r', [db.notices, db.meetings, db.actionItems, db.evaluations], async () => {
    const notice = await db.notices.get(noticeId)
    if (!notice) throw new DomainError([problem('followup.errors.notFound')])
    const meeting = notice.meetingId ? await db.meetings.get(notice.meetingId) : undefined
    const items = (await db.actionItems.bulkGet(notice.actionItemIds ?? [])).filter((i): i is ActionItem => Boolean(i))
    const rounds = await db.evaluations
      .where('actionItemId')
      .anyOf(items.map((i) => i.id))
      .toArray()
    return {
      notice,
      meeting,
      items: items.map((item) => ({
        item,
        evaluations: rounds.filter((e) => e.actionItemId === item.id).sort((a, b) => a.round - b.round),
      })),
    }
  })
}

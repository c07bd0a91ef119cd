import type { Projection } from '@/domain/projection'
import type { ActionStatus } from '@/domain/resolution'
import { isOverdue } from '@/domain/followup'
import { carryOverFor } from './followup.repo'
import { readProjection } from './projection.repo'
import { db } from './schema'

/**
 * Everything the audience window may show, and nothing more: names and
 * public facts only, never contact details. Slides render from this.
 */
export interface ProjectorScene {
  projection: Projection
  communityName: string
  meeting?: { title: string; date?: string; startTime?: string; place?: string }
  agenda: { id: string; title: string; minutes?: number }[]
  /** 上次议定事项落实情况: open items of earlier meetings, shown before the agenda */
  carryOver: { id: string; title: string; owner: string; dueOn: string; status: ActionStatus; overdue: boolean }[]
}

export async function projectorScene(): Promise<ProjectorScene> {
  const projection = await readProjection()
  const meeting = projection.meetingId ? await db.meetings.get(projection.meetingId) : undefined
  const community = meeting ? await db.communities.get(meeting.communityId) : undefined
  const topics = meeting ? await db.topics.where('meetingId').equals(meeting.id).toArray() : []
  topics.sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
  const today = new Date().toISOString().slice(0, 10)
  const carried = meeting ? await carryOverFor(meeting.id) : []
  return {
    projection,
    communityName: community?.name ?? '',
    meeting: meeting && { title: meeting.title, date: meeting.date, startTime: meeting.startTime, place: meeting.place },
    agenda: topics.map((t) => ({
      id: t.id,
      title: String(t.title ?? ''),
      minutes: typeof t.estimatedMinutes === 'number' ? t.estimatedMinutes : undefined,
    })),
    carryOver: carried.map((i) => ({ id: i.id, title: i.title, owner: i.owner, dueOn: i.dueOn, status: i.status, overdue: isOverdue(i, today) })),
  }
}

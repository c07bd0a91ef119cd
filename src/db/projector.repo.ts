import { today } from '@/domain/calendar'
import type { Meeting } from '@/domain/meeting'
import type { Projection } from '@/domain/projection'
import { quorumState, type QuorumState } from '@/domain/rules'
import type { Counts, Rule, VoteMethod, VoteResult } from '@/domain/vote'
import type { ActionStatus } from '@/domain/resolution'
import { isOverdue } from '@/domain/followup'
import { carryOverFor } from './followup.repo'
import { readProjection } from './projection.repo'
import { db } from './schema'
import { meetingTopics } from './topics.repo'
import { topicHeadcount } from './votes.repo'
import { listAttendance } from './attendance.repo'

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
  /** The topic on the topic, speaker and result slides */
  topic?: {
    title: string
    description: string
    presenter?: string
    researchSummary?: string
    options: { title: string; description: string; cost?: number }[]
  }
  speaker?: { name: string; role: string; minutes: number; status: string; endsAt?: string; pausedLeft?: number }
  /** Who speaks after the current speaker (names and roles) */
  upNext: { name: string; role: string }[]
  quorum?: QuorumState & { bodyName: string; decides: boolean }
  /** Only a closed vote: never a live tally */
  result?: {
    method: VoteMethod
    counts: Counts
    result: VoteResult
    passingRule?: Rule
    present?: number
    expected?: number
    members?: number
    recused?: number
    decides: boolean
    deferReason?: string
  }
  resolution?: {
    text: string
    items: { title: string; owner: string; standard: string; dueOn: string; supervisor: string }[]
  }
}

async function quorumOf(meeting: Meeting): Promise<ProjectorScene['quorum']> {
  const body = meeting.bodyId ? await db.bodies.get(meeting.bodyId) : undefined
  if (!body) return undefined
  const rows = await listAttendance(meeting.id)
  const h = topicHeadcount(rows, body, [], meeting.households)
  return { ...quorumState(body.quorumRule, h), bodyName: body.name, decides: body.decides }
}

async function topicOf(topicId: string | undefined): Promise<ProjectorScene['topic']> {
  const t = topicId ? await db.topics.get(topicId) : undefined
  if (!t) return undefined
  const options = await db.options.where('topicId').equals(t.id).toArray()
  const presenter = t.presenterName ?? (t.presenterId ? (await db.people.get(t.presenterId))?.name : undefined)
  return {
    title: t.title,
    description: t.description,
    presenter,
    researchSummary: t.researchSummary,
    options: options.map((o) => ({ title: o.title, description: o.description, cost: o.cost })),
  }
}

async function speakersOf(p: Projection): Promise<Pick<ProjectorScene, 'speaker' | 'upNext'>> {
  const s = p.speakerId ? await db.speakers.get(p.speakerId) : undefined
  if (!s) return { upNext: [] }
  const waiting = (await db.speakers.where('topicId').equals(s.topicId).toArray())
    .filter((x) => x.status === 'waiting')
    .sort((a, b) => a.order - b.order)
  return {
    speaker: {
      name: s.name,
      role: s.role,
      minutes: s.minutes,
      status: s.status,
      endsAt: s.endsAt,
      pausedLeft: s.pausedLeft,
    },
    upNext: waiting.slice(0, 3).map((x) => ({ name: x.name, role: x.role })),
  }
}

async function resultOf(voteId: string | undefined): Promise<ProjectorScene['result']> {
  const v = voteId ? await db.votes.get(voteId) : undefined
  if (!v || v.status !== 'closed' || !v.result) return undefined
  return {
    method: v.method,
    counts: v.counts ?? { for: 0, against: 0, abstain: 0, invalid: 0 },
    result: v.result,
    passingRule: v.passingRule,
    present: v.present,
    expected: v.expected,
    members: v.members,
    recused: v.recused ?? v.recusedIds?.length,
    decides: v.decides ?? true,
    deferReason: v.deferReason,
  }
}

async function resolutionOf(resolutionId: string | undefined): Promise<ProjectorScene['resolution']> {
  const r = resolutionId ? await db.resolutions.get(resolutionId) : undefined
  if (!r) return undefined
  const items = (await db.actionItems.where('resolutionId').equals(r.id).toArray()).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )
  return {
    text: r.text,
    items: items.map((i) => ({
      title: i.title,
      owner: i.owner,
      standard: i.standard,
      dueOn: i.dueOn,
      supervisor: i.supervisor,
    })),
  }
}

export type CarriedItem = {
  id: string
  title: string
  owner: string
  dueOn: string
  status: ActionStatus
  overdue: boolean
}

/**
 * The agenda slide's 上次议定事项落实情况, a query of its own: it follows the
 * action items, not every slide change (ten years of items made each change
 * of slide wait for it).
 */
export async function projectorCarryOver(meetingId: string): Promise<CarriedItem[]> {
  const day = today()
  return (await carryOverFor(meetingId)).map((i) => ({
    id: i.id,
    title: i.title,
    owner: i.owner,
    dueOn: i.dueOn,
    status: i.status,
    overdue: isOverdue(i, day),
  }))
}

export async function projectorScene(): Promise<ProjectorScene> {
  const projection = await readProjection()
  const meeting = projection.meetingId ? await db.meetings.get(projection.meetingId) : undefined
  const community = meeting ? await db.communities.get(meeting.communityId) : undefined
  const topics = meeting ? await meetingTopics(meeting.id) : []
  const slide = projection.slide
  return {
    projection,
    communityName: community?.name ?? '',
    meeting: meeting && {
      title: meeting.title,
      date: meeting.date,
      startTime: meeting.startTime,
      place: meeting.place,
    },
    agenda: topics.map((t) => ({
      id: t.id,
      title: String(t.title ?? ''),
      minutes: typeof t.estimatedMinutes === 'number' ? t.estimatedMinutes : undefined,
    })),
    topic: ['topic', 'speaker', 'result', 'resolution'].includes(slide) ? await topicOf(projection.topicId) : undefined,
    ...(slide === 'speaker' ? await speakersOf(projection) : { upNext: [] }),
    quorum: slide === 'quorum' && meeting ? await quorumOf(meeting) : undefined,
    result: slide === 'result' ? await resultOf(projection.voteId) : undefined,
    resolution: slide === 'resolution' ? await resolutionOf(projection.resolutionId) : undefined,
  }
}

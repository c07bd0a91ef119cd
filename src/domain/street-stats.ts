// Statistics across communities for any period, from the read-only copies
// the street holds. Per community the request figures are the same ones the
// community counts for itself (domain/stats.ts); the street adds meetings,
// topics and action items, then a total row summed from the counts (rates
// are recomputed from the sums, never averaged).
import { periodStats, requestRows, standingResults, type Period } from './stats'
import type { Request, RequestEvent } from './request'
import type { ActionItem, Evaluation } from './resolution'
import type { Topic } from './topic'
import type { Vote } from './vote'
import { SCALE_ANSWERS } from './evaluation'

export interface CommunityRows {
  communityId: string
  name: string
  requests: Request[]
  requestEvents: Pick<RequestEvent, 'requestId' | 'at' | 'status' | 'kind' | 'feedback'>[]
  meetings: { id: string; date?: string; sealedAt?: string }[]
  /** A topic counts as decided when its meeting was held and sealed a resolution on it */
  resolutions: { topicId: string; meetingId: string }[]
  /** Votes and topics decide whether a request on a topic was resolved (a voted-down topic's were not) */
  votes?: Pick<Vote, 'id' | 'topicId' | 'status' | 'result' | 'correctsVoteId' | 'closedAt' | 'openedAt'>[]
  topics?: Pick<Topic, 'id' | 'status'>[]
  actionItems: Pick<ActionItem, 'id' | 'dueOn' | 'doneOn' | 'status'>[]
  evaluations: Evaluation[]
}

export interface StreetStatsRow {
  communityId: string
  name: string
  received: number
  resolved: number
  /** 已答复 as the community counts it (domain/stats.ts isAnswered) */
  answered: number
  /** Satisfied answers and all answers of the latest evaluation per item */
  satisfied: number
  evaluationAnswers: number
  satisfactionRate?: number
  meetingsHeld: number
  topicsDecided: number
  itemsDone: number
  itemsOverdue: number
}

const DONE: readonly ActionItem['status'][] = ['done', 'accepted', 'closed']
const inPeriod = (day: string | undefined, p: Period) => Boolean(day && day >= p.from && day <= p.to)

function communityRow(c: CommunityRows, period: Period, today: string): StreetStatsRow {
  // The same rows and rules as the community's own statistics, so both sides print the same figures.
  const deferred = (c.topics ?? []).filter((t) => t.status === 'deferred').map((t) => t.id)
  const rows = requestRows(c.requests, c.requestEvents, standingResults(c.votes ?? [], deferred))
  const s = periodStats({ requests: rows, items: c.actionItems, evaluations: c.evaluations }, period, today)
  const latest = new Map<string, Evaluation>()
  for (const e of c.evaluations)
    if (inPeriod(e.on, period) && (latest.get(e.actionItemId)?.round ?? -1) < e.round) latest.set(e.actionItemId, e)
  let satisfied = 0
  let answers = 0
  for (const e of latest.values()) {
    satisfied += e.counts.slice(0, SCALE_ANSWERS[e.scale].positive).reduce((a, b) => a + b, 0)
    answers += e.counts.reduce((a, b) => a + b, 0)
  }
  const held = new Set(c.meetings.filter((m) => m.sealedAt && inPeriod(m.date, period)).map((m) => m.id))
  return {
    communityId: c.communityId,
    name: c.name,
    received: s.collected,
    resolved: s.resolved,
    answered: s.answered,
    satisfied,
    evaluationAnswers: answers,
    satisfactionRate: answers ? satisfied / answers : undefined,
    meetingsHeld: held.size,
    topicsDecided: new Set(c.resolutions.filter((r) => held.has(r.meetingId)).map((r) => r.topicId)).size,
    itemsDone: c.actionItems.filter((i) => DONE.includes(i.status) && inPeriod(i.doneOn, period)).length,
    itemsOverdue: c.actionItems.filter((i) => !DONE.includes(i.status) && inPeriod(i.dueOn, period) && i.dueOn < today)
      .length,
  }
}

export interface StreetStats {
  period: Period
  rows: StreetStatsRow[]
  total: StreetStatsRow
}

export function streetStats(communities: readonly CommunityRows[], period: Period, today: string): StreetStats {
  const rows = communities.map((c) => communityRow(c, period, today))
  const sum = (k: keyof StreetStatsRow) => rows.reduce((a, r) => a + (r[k] as number), 0)
  const satisfied = sum('satisfied')
  const answers = sum('evaluationAnswers')
  return {
    period,
    rows,
    total: {
      communityId: '',
      name: '',
      received: sum('received'),
      resolved: sum('resolved'),
      answered: sum('answered'),
      satisfied,
      evaluationAnswers: answers,
      satisfactionRate: answers ? satisfied / answers : undefined,
      meetingsHeld: sum('meetingsHeld'),
      topicsDecided: sum('topicsDecided'),
      itemsDone: sum('itemsDone'),
      itemsOverdue: sum('itemsOverdue'),
    },
  }
}

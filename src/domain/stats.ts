// Period statistics for reporting upward ("926 collected, 920 resolved").
// Pure: the repository hands over the rows, these functions count.
import { daysBetween } from './calendar'
import { isOnTime } from './followup'
import { SCALE_ANSWERS } from './evaluation'
import { localDay } from './calendar'
import type { HandlingType, Request, RequestEvent } from './request'
import { standingVotes, type Vote } from './vote'
import type { ActionItem, Evaluation } from './resolution'

export interface Period {
  /** YYYY-MM-DD, inclusive */
  from: string
  /** YYYY-MM-DD, inclusive */
  to: string
}

/**
 * A request as the statistics read it: plain fields only, so a per-month
 * aggregate can feed the same predicates. The fields that decide:
 *
 * - 已解决 (isResolved): `status` is 'resolved', or 'closed' after being
 *   resolved — i.e. NOT when `triage.decision` is 'reject' (不予采纳, then
 *   closed), and NOT when `topicResult` is 'failed' (its topic was voted down)
 *   or 'deferred'.
 * - 已答复 (isAnswered): the person got a final answer: `status` is
 *   'rejected', 'resolved' or 'closed', or `loopClosedOn` is set. Every
 *   resolved request is answered; a rejected one is answered, never resolved.
 */
export type RequestRow = Pick<
  Request,
  'receivedOn' | 'status' | 'channel' | 'handlingType' | 'category' | 'loopClosedOn'
> & {
  /** Only `triage.decision` is read */
  triage?: Pick<NonNullable<Request['triage']>, 'decision'>
  /** The standing vote result of the topic it went on, if it went on one */
  topicResult?: 'passed' | 'failed' | 'deferred'
  /** The day it was resolved (from its trail) */
  resolvedOn?: string
  /** How many identical requests this row stands for (a per-month aggregate's key); 1 when absent */
  n?: number
}

/** A row that may stand for several identical ones (stat-months.ts): the counts below add up `n`. */
interface Weighted {
  n?: number
}
/** How many rows `rows` stand for. */
export const total = (rows: readonly Weighted[]) => rows.reduce((sum, r) => sum + (r.n ?? 1), 0)

type TopicResult = RequestRow['topicResult']

/**
 * The result that stands for each topic: the latest closed vote that no
 * correction replaced; a deferred topic is deferred. One rule for the
 * community's statistics and the street's copies of them.
 */
export function standingResults(
  votes: readonly Pick<Vote, 'id' | 'topicId' | 'status' | 'result' | 'correctsVoteId' | 'closedAt' | 'openedAt'>[],
  deferredTopicIds: Iterable<string>,
): Map<string, TopicResult> {
  const out = new Map<string, TopicResult>()
  for (const v of standingVotes(votes)) if (v.result) out.set(v.topicId, v.result)
  for (const id of deferredTopicIds) out.set(id, 'deferred')
  return out
}

/**
 * Requests as the statistics count them: with the local day they were
 * resolved (their own settlement day first, so back-entered and imported cases
 * keep it; else the first trail row that set a resolved status; else the day
 * the loop was closed) and the result of the topic they went on.
 */
export function requestRows<R extends Request>(
  requests: readonly R[],
  events: readonly Pick<RequestEvent, 'requestId' | 'at' | 'status'>[],
  results: ReadonlyMap<string, TopicResult>,
): (R & RequestRow)[] {
  const resolvedOn = new Map<string, string>()
  for (const e of events) {
    if (!e.status || !RESOLVED_STATUSES.includes(e.status)) continue
    const day = localDay(new Date(e.at))
    const prev = resolvedOn.get(e.requestId)
    if (!prev || day < prev) resolvedOn.set(e.requestId, day)
  }
  return requests.map((r) => ({
    ...r,
    topicResult: r.topicId ? results.get(r.topicId) : undefined,
    resolvedOn: r.resolvedOn ?? resolvedOn.get(r.id) ?? r.loopClosedOn,
  }))
}

/** 已解决: solved (handled and done, or carried out after a decision); see RequestRow for the fields. */
export function isResolved(r: Pick<RequestRow, 'status' | 'triage' | 'topicResult'>): boolean {
  if (r.status !== 'resolved' && r.status !== 'closed') return false
  if (r.triage?.decision === 'reject') return false
  return r.topicResult !== 'failed' && r.topicResult !== 'deferred'
}

/** 已答复: the person was given a final answer, whatever it was; see RequestRow for the fields. */
export function isAnswered(r: Pick<RequestRow, 'status' | 'loopClosedOn'>): boolean {
  return r.status === 'rejected' || r.status === 'resolved' || r.status === 'closed' || Boolean(r.loopClosedOn)
}

export interface Breakdown {
  key: string
  collected: number
  resolved: number
  answered: number
}

export interface PeriodStats {
  period: Period
  collected: number
  resolved: number
  /** resolved / collected, undefined when nothing was collected */
  resolutionRate?: number
  /** 已答复: resolved plus answered otherwise (不予采纳 …) */
  answered: number
  /** answered / collected */
  answerRate?: number
  loopsClosed: number
  /** Mean days from receipt to resolution over resolved requests with a date */
  avgDaysToResolution?: number
  byChannel: Breakdown[]
  byHandlingType: Breakdown[]
  byCategory: Breakdown[]
  /** Action items due in the period that are finished or already overdue */
  itemsDue: number
  itemsOnTime: number
  onTimeRate?: number
  /** Latest evaluation per item evaluated in the period: satisfied / all answers */
  evaluatedItems: number
  satisfactionRate?: number
  /** Evaluation rounds in the period that sent an item back */
  reworkCount: number
}

/** Trail statuses that can mark the day of resolution (isResolved decides whether it counts). */
export const RESOLVED_STATUSES: readonly Request['status'][] = ['resolved', 'closed']

const inPeriod = (day: string | undefined, p: Period) => Boolean(day && day >= p.from && day <= p.to)
const ratio = (a: number, b: number) => (b > 0 ? a / b : undefined)

function breakdown(rows: RequestRow[], keyOf: (r: RequestRow) => string): Breakdown[] {
  const map = new Map<string, Breakdown>()
  for (const r of rows) {
    const key = keyOf(r)
    const b = map.get(key) ?? { key, collected: 0, resolved: 0, answered: 0 }
    const n = r.n ?? 1
    b.collected += n
    if (isResolved(r)) b.resolved += n
    if (isAnswered(r)) b.answered += n
    map.set(key, b)
  }
  return [...map.values()].sort((a, b) => b.collected - a.collected || a.key.localeCompare(b.key, 'zh-CN'))
}

export function periodStats(
  input: {
    requests: RequestRow[]
    items: (Pick<ActionItem, 'id' | 'dueOn' | 'doneOn'> & Weighted)[]
    evaluations: (Evaluation & Weighted)[]
  },
  period: Period,
  today: string,
): PeriodStats {
  const requests = input.requests.filter((r) => inPeriod(r.receivedOn, period))
  const collected = total(requests)
  const resolved = requests.filter(isResolved)
  const resolvedCount = total(resolved)
  const answered = total(requests.filter(isAnswered))
  // Whole days, so the sum is exact however the rows are grouped.
  let days = 0
  let dated = 0
  for (const r of resolved) {
    const on = r.resolvedOn ?? r.loopClosedOn
    if (!on) continue
    days += daysBetween(r.receivedOn, on) * (r.n ?? 1)
    dated += r.n ?? 1
  }

  // An item counts once it is finished or its due date has passed unfinished.
  const items = input.items.filter((i) => inPeriod(i.dueOn, period) && (i.doneOn || i.dueOn < today))
  const itemsDue = total(items)
  const onTime = total(items.filter(isOnTime))

  const evals = input.evaluations.filter((e) => inPeriod(e.on, period))
  const latest = new Map<string, Evaluation>()
  for (const e of evals) {
    const prev = latest.get(e.actionItemId)
    if (!prev || e.round > prev.round) latest.set(e.actionItemId, e)
  }
  let positive = 0
  let answers = 0
  for (const e of latest.values()) {
    positive += e.counts.slice(0, SCALE_ANSWERS[e.scale].positive).reduce((a, b) => a + b, 0)
    answers += e.counts.reduce((a, b) => a + b, 0)
  }

  return {
    period,
    collected,
    resolved: resolvedCount,
    resolutionRate: ratio(resolvedCount, collected),
    answered,
    answerRate: ratio(answered, collected),
    loopsClosed: total(requests.filter((r) => r.loopClosedOn)),
    avgDaysToResolution: dated ? days / dated : undefined,
    byChannel: breakdown(requests, (r) => r.channel),
    byHandlingType: breakdown(requests, (r) => r.handlingType satisfies HandlingType),
    byCategory: breakdown(requests, (r) => r.category),
    itemsDue,
    itemsOnTime: onTime,
    onTimeRate: ratio(onTime, itemsDue),
    evaluatedItems: latest.size,
    satisfactionRate: ratio(positive, answers),
    reworkCount: total(evals.filter((e) => !e.passed)),
  }
}

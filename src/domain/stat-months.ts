// Per-month aggregates for the statistics screen. Each community's month keeps
// the fields the statistics count — only those — for the requests received, the
// loops closed, the requests settled, the action items due and the evaluations
// made in that month, with identical rows collapsed into one key and a count.
// Reading ten years is then about 120 small rows instead of every request, its
// trail, its topic's votes, every action item and evaluation. Each key keeps
// its row's exact days, so the very functions that count stored rows
// (periodStats, requestFigures) count the keys — each one row standing for its count —
// to the same figures, for any period, partial months included. Pure.
import type { ActionItem, Evaluation } from './resolution'
import type { RequestFigureRow } from './request-stats'
import type { Request, RequestEvent } from './request'
import type { Vote } from './vote'
import { requestRows, standingResults, type RequestRow } from './stats'
import { addDays } from './calendar'

/** One stored row: a community's month. Each record maps a key (a JSON array) to how many rows have it. */
export interface StatMonth {
  communityId: string
  /** YYYY-MM */
  month: string
  /** Requests received in the month: what periodStats and the dispute figures read */
  requests: Record<string, number>
  /** Requests whose loop was closed in the month with the resident's satisfaction */
  closed: Record<string, number>
  /** Requests settled (their own resolvedOn) in the month, on time or late */
  settled: Record<string, number>
  /** Action items due in the month */
  items: Record<string, number>
  /** Evaluations made in the month (the latest round per item is decided when counting) */
  evals: Record<string, number>
}

export type StatKind = 'requests' | 'closed' | 'settled' | 'items' | 'evals'
export const STAT_KINDS: readonly StatKind[] = ['requests', 'closed', 'settled', 'items', 'evals']

/** Where one stored row counts: its community's month, a kind and a key. */
export interface Contribution {
  communityId: string
  month: string
  kind: StatKind
  key: string
}

export type CountedItem = Pick<ActionItem, 'communityId' | 'dueOn' | 'doneOn'>
export type CountedEvaluation = Pick<
  Evaluation,
  'communityId' | 'actionItemId' | 'round' | 'on' | 'scale' | 'counts' | 'passed'
>

const month = (day: string) => day.slice(0, 7)
const key = (parts: unknown[]) => JSON.stringify(parts)

/**
 * The contributions of one request. `r` is what requestRows() gives for it
 * (resolvedOn derived from the trail), `own` is the stored row (its own
 * resolvedOn, which the settled figures read).
 */
export function requestContributions(
  r: RequestRow & Pick<Request, 'communityId' | 'disputeState'>,
  own: Pick<Request, 'dueOn' | 'resolvedOn' | 'loopClosedOn' | 'satisfaction'>,
): Contribution[] {
  const out: Contribution[] = []
  const c = r.communityId
  if (r.receivedOn)
    out.push({
      communityId: c,
      month: month(r.receivedOn),
      kind: 'requests',
      key: key([
        r.receivedOn,
        r.status,
        r.channel,
        r.handlingType,
        r.category,
        r.loopClosedOn ?? '',
        r.triage?.decision === 'reject' ? 1 : 0,
        r.topicResult ?? '',
        r.resolvedOn ?? '',
        r.disputeState ?? '',
      ]),
    })
  if (own.satisfaction && own.loopClosedOn)
    out.push({
      communityId: c,
      month: month(own.loopClosedOn),
      kind: 'closed',
      key: key([own.loopClosedOn, own.satisfaction]),
    })
  if (own.resolvedOn)
    out.push({ communityId: c, month: month(own.resolvedOn), kind: 'settled', key: key([own.resolvedOn, own.dueOn]) })
  return out
}

/** An item counts by its due day and whether it was done on time, late or not yet (periodStats reads no more). */
export function itemContributions(i: CountedItem): Contribution[] {
  if (!i.dueOn) return []
  const done = !i.doneOn ? 0 : i.doneOn <= i.dueOn ? 1 : 2
  return [{ communityId: i.communityId, month: month(i.dueOn), kind: 'items', key: key([i.dueOn, done]) }]
}

export function evaluationContributions(e: CountedEvaluation): Contribution[] {
  if (!e.on) return []
  return [
    {
      communityId: e.communityId,
      month: month(e.on),
      kind: 'evals',
      key: key([e.on, e.actionItemId, e.round, e.scale, e.counts, e.passed ? 1 : 0]),
    },
  ]
}

/**
 * The rows of a set of months, as periodStats and requestFigures take them: one
 * row per key, standing for its count (`n`), so ten years are some thousands of
 * rows however many requests, items and evaluations they count.
 */
export function expandMonths(months: readonly StatMonth[]): {
  requests: RequestRow[]
  figureRows: RequestFigureRow[]
  items: (CountedItem & { id: string; n: number })[]
  evaluations: (Evaluation & { n: number })[]
} {
  const requests: (RequestRow & Pick<Request, 'disputeState'>)[] = []
  const figureRows: RequestFigureRow[] = []
  const items: (CountedItem & { id: string; n: number })[] = []
  const evaluations: (Evaluation & { n: number })[] = []
  for (const m of months) {
    for (const [k, n] of Object.entries(m.requests)) {
      const [receivedOn, status, channel, handlingType, category, loop, reject, result, resolvedOn, dispute] =
        JSON.parse(k) as [
          string,
          Request['status'],
          string,
          Request['handlingType'],
          string,
          string,
          0 | 1,
          string,
          string,
          string,
        ]
      requests.push({
        receivedOn,
        status,
        channel,
        handlingType,
        category,
        loopClosedOn: loop || undefined,
        triage: reject ? { decision: 'reject' } : undefined,
        topicResult: (result || undefined) as RequestRow['topicResult'],
        resolvedOn: resolvedOn || undefined,
        disputeState: (dispute || undefined) as Request['disputeState'],
        n,
      })
    }
    // Rows that count only where their day falls: a missing receivedOn keeps them out of the other figures.
    for (const [k, n] of Object.entries(m.closed)) {
      const [loopClosedOn, satisfaction] = JSON.parse(k) as [string, Request['satisfaction']]
      figureRows.push({ receivedOn: '', dueOn: '', loopClosedOn, satisfaction, n })
    }
    for (const [k, n] of Object.entries(m.settled)) {
      const [resolvedOn, dueOn] = JSON.parse(k) as [string, string]
      figureRows.push({ receivedOn: '', dueOn, resolvedOn, n })
    }
    for (const [k, n] of Object.entries(m.items)) {
      const [dueOn, done] = JSON.parse(k) as [string, 0 | 1 | 2]
      // Done on its due day stands for on time, the day after for late.
      const doneOn = done === 0 ? undefined : done === 1 ? dueOn : addDays(dueOn, 1)
      items.push({ id: '', communityId: m.communityId, dueOn, doneOn, n })
    }
    for (const [k, n] of Object.entries(m.evals)) {
      const [on, actionItemId, round, scale, counts, passed] = JSON.parse(k) as [
        string,
        string,
        number,
        Evaluation['scale'],
        number[],
        0 | 1,
      ]
      const e = { id: '', communityId: m.communityId, actionItemId, round, on, scale, counts, passed: Boolean(passed) }
      evaluations.push({ ...(e as unknown as Evaluation), n })
    }
  }
  // The dispute figures read receivedOn and disputeState from the received rows; closed and settled
  // rows carry no receivedOn. Received rows carry no satisfaction or own resolvedOn, so they add nothing there.
  const received: RequestFigureRow[] = requests.flatMap((r) =>
    r.disputeState ? [{ receivedOn: r.receivedOn, dueOn: '', disputeState: r.disputeState, n: r.n }] : [],
  )
  return { requests, figureRows: [...received, ...figureRows], items, evaluations }
}

/** Every contribution of whole tables (or of the rows a write touches, with their trails, topics' votes and deferrals). */
export function contributionsOf(input: {
  requests: readonly Request[]
  events: readonly RequestEvent[]
  votes: readonly Vote[]
  deferredTopicIds: readonly string[]
  items: readonly CountedItem[]
  evaluations: readonly CountedEvaluation[]
}): Contribution[] {
  const rows = requestRows(input.requests, input.events, standingResults(input.votes, input.deferredTopicIds))
  const out: Contribution[] = []
  rows.forEach((r, i) => out.push(...requestContributions(r, input.requests[i]!)))
  for (const i of input.items) out.push(...itemContributions(i))
  for (const e of input.evaluations) out.push(...evaluationContributions(e))
  return out
}

/** Month rows counted from scratch (the upgrade that adds them, a rebuild, and the tests' recount). */
export function buildMonths(input: Parameters<typeof contributionsOf>[0]): StatMonth[] {
  const months = new Map<string, StatMonth>()
  applyContributions(
    months,
    contributionsOf(input).map((c) => ({ c, delta: 1 })),
  )
  return [...months.values()]
}

function emptyMonth(communityId: string, m: string): StatMonth {
  return { communityId, month: m, requests: {}, closed: {}, settled: {}, items: {}, evals: {} }
}

export const isEmptyMonth = (m: StatMonth) => STAT_KINDS.every((k) => Object.keys(m[k]).length === 0)

/** Adds (+n) or removes (−n) contributions, creating month rows as counts appear. */
export function applyContributions(
  months: Map<string, StatMonth>,
  changes: readonly { c: Contribution; delta: number }[],
): void {
  for (const { c, delta } of changes) {
    const id = `${c.communityId}\u0000${c.month}`
    let row = months.get(id)
    if (!row) months.set(id, (row = emptyMonth(c.communityId, c.month)))
    const n = (row[c.kind][c.key] ?? 0) + delta
    if (n === 0) delete row[c.kind][c.key]
    else row[c.kind][c.key] = n
  }
}

/** Before and after of the same rows, netted: what actually moves (most edits move nothing). */
export function netChanges(before: readonly Contribution[], after: readonly Contribution[]) {
  const net = new Map<string, { c: Contribution; delta: number }>()
  const add = (c: Contribution, d: number) => {
    const id = key([c.communityId, c.month, c.kind, c.key])
    const prev = net.get(id)
    if (prev) prev.delta += d
    else net.set(id, { c, delta: d })
  }
  for (const c of before) add(c, -1)
  for (const c of after) add(c, 1)
  return [...net.values()].filter((x) => x.delta !== 0)
}

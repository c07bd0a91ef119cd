// Pure helpers for the ledger view: filtering and the export rows.
import { hopsOf, whereNow } from '@/domain/escalation'
import { currentAssignment } from '@/domain/handler'
import { dueState, type DueState } from '@/domain/handling'
import type { CalendarAdditions } from '@/domain/calendar'
import { settlement, sortedLog } from '@/domain/request-log'
import { raisedByName, type Request } from '@/domain/request'
import type { LedgerRow } from '@/io/ledger-xlsx'

export interface LedgerFilter {
  text: string
  statuses: string[]
  types: string[]
  channels: string[]
  categories: string[]
  place: string
  period: [string, string] | null
  due: DueState | ''
  /** The current handler (交办), '' for any */
  handler: string
}

export const emptyFilter = (): LedgerFilter => ({
  text: '',
  statuses: [],
  types: [],
  channels: [],
  categories: [],
  place: '',
  period: null,
  due: '',
  handler: '',
})

/** A plain copy of the (reactive) filter, read once per search rather than once per request. */
export function plainFilter(f: LedgerFilter): LedgerFilter {
  return {
    ...f,
    statuses: [...f.statuses],
    types: [...f.types],
    channels: [...f.channels],
    categories: [...f.categories],
    period: f.period ? [f.period[0], f.period[1]] : null,
  }
}

export function matches(r: Request, f: LedgerFilter, today: string, calendar: CalendarAdditions): boolean {
  const q = f.text.trim()
  if (
    q &&
    !(
      r.description.includes(q) ||
      r.place?.includes(q) ||
      r.category.includes(q) ||
      r.channel.includes(q) ||
      (r.raisedBy.kind !== 'anonymous' && r.raisedBy.name.includes(q))
    )
  )
    return false
  if (f.statuses.length && !f.statuses.includes(r.status)) return false
  if (f.types.length && !f.types.includes(r.handlingType)) return false
  if (f.channels.length && !f.channels.includes(r.channel)) return false
  if (f.categories.length && !f.categories.includes(r.category)) return false
  if (f.place.trim() && !r.place?.includes(f.place.trim())) return false
  if (f.period && (r.receivedOn < f.period[0] || r.receivedOn > f.period[1])) return false
  if (f.due && dueState(r.dueOn, r.status, today, calendar) !== f.due) return false
  if (f.handler && currentAssignment(r)?.handler !== f.handler) return false
  return true
}

type T = (key: string, params?: Record<string, unknown>) => string

export function toLedgerRows(
  requests: Request[],
  topics: Map<string, string>,
  feedback: Map<string, string>,
  today: string,
  calendar: CalendarAdditions,
  t: T,
  /** The community's name for each handling type (settings) */
  handlingName: (h: Request['handlingType']) => string,
): LedgerRow[] {
  return requests.map((r, i) => ({
    no: i + 1,
    receivedOn: r.receivedOn,
    channel: r.channel,
    raisedBy: raisedByName(r, t('intake.anonymous')),
    place: r.place ?? '',
    category: r.category,
    description: r.description,
    handlingType: handlingName(r.handlingType),
    dueOn: r.dueOn,
    status: statusText(r, t),
    dueState: t(`intake.dueStates.${dueState(r.dueOn, r.status, today, calendar)}`),
    decision: r.triage ? t(`intake.decisions.${r.triage.decision}`) : '',
    decidedOn: r.triage?.decidedOn ?? '',
    decisionNote: r.triage?.reason ?? '',
    topic: r.topicId ? (topics.get(r.topicId) ?? '') : '',
    handler: currentAssignment(r)?.handler ?? '',
    resolvedOn: r.resolvedOn ?? '',
    settlement: settlement(r) ? t(`intake.settlements.${settlement(r)}`) : '',
    escalation: chainText(r),
    log: sortedLog(r.log)
      .map((e) => `${e.on} ${t(`intake.log.kinds.${e.kind}`)}（${e.participants}）：${e.outcome}`)
      .join('\n'),
    satisfaction: r.satisfaction ? t(`intake.loopClose.satisfactions.${r.satisfaction}`) : '',
    feedback: feedback.get(r.id) ?? '',
  }))
}

/** 已上报至 XX while a request is up the chain; the plain status otherwise. */
export function statusText(r: Request, t: T): string {
  const where = r.status === 'escalated' ? whereNow(hopsOf(r)) : undefined
  return where ? t('intake.whereNow', { to: where }) : t(`intake.statuses.${r.status}`)
}

/** Each hop on its own line, each unit's deadline and answer under it. */
function chainText(r: Request): string {
  return hopsOf(r)
    .map((h, i) => {
      const units = h.lines.map(
        (l) => `  ${l.to}（时限 ${l.dueOn}）${l.answeredOn ? `${l.answeredOn} 答复：${l.answer}` : '未答复'}`,
      )
      return [`${i + 1}. ${h.at} ${h.from} → ${h.lines.map((l) => l.to).join('、')}：${h.reason}`, ...units].join('\n')
    })
    .join('\n')
}

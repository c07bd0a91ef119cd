// The request figures beside the period statistics (domain/stats.ts): the
// residents' satisfaction with how their requests were handled (诉求满意率),
// the dispute register (排查 / 化解 / 化解率) and settling on time (按期办结).
// Every figure comes from plain request fields, so per-month aggregates can
// be built from the same rows.
import { total, type Period } from './stats'
import type { Request } from './request'
import { settlement } from './request-log'

export type RequestFigureRow = Pick<
  Request,
  'receivedOn' | 'dueOn' | 'resolvedOn' | 'loopClosedOn' | 'satisfaction' | 'disputeState'
> & {
  /** How many identical rows this one stands for (a per-month aggregate's key); 1 when absent */
  n?: number
}

export interface RequestFigures {
  /** Loops closed in the period whose resident was asked */
  asked: number
  /** Of those, reached (not 未联系上) */
  reached: number
  satisfied: number
  fair: number
  dissatisfied: number
  /** (satisfied + fair) / reached; undefined when nobody was reached */
  satisfactionRate?: number
  /** Disputes received in the period (排查) */
  disputes: number
  /** Of those, settled (化解) */
  disputesSettled: number
  disputeSettledRate?: number
  /** Requests settled in the period with a resolution date */
  settled: number
  settledOnTime: number
  settledLate: number
  onTimeRate?: number
}

const within = (day: string | undefined, p: Period) => Boolean(day && day >= p.from && day <= p.to)
const ratio = (a: number, b: number) => (b > 0 ? a / b : undefined)

export function requestFigures(rows: readonly RequestFigureRow[], period: Period): RequestFigures {
  const told = rows.filter((r) => r.satisfaction && within(r.loopClosedOn, period))
  const count = (s: Request['satisfaction']) => total(told.filter((r) => r.satisfaction === s))
  const reached = total(told.filter((r) => r.satisfaction !== 'unreached'))
  const satisfied = count('satisfied')
  const fair = count('fair')
  const disputeRows = rows.filter((r) => r.disputeState && within(r.receivedOn, period))
  const disputes = total(disputeRows)
  const disputesSettled = total(disputeRows.filter((r) => r.disputeState === 'settled'))
  const settledRows = rows.filter((r) => within(r.resolvedOn, period))
  const settled = total(settledRows)
  const settledOnTime = total(settledRows.filter((r) => settlement(r) === 'onTime'))
  return {
    asked: total(told),
    reached,
    satisfied,
    fair,
    dissatisfied: count('dissatisfied'),
    satisfactionRate: ratio(satisfied + fair, reached),
    disputes,
    disputesSettled,
    disputeSettledRate: ratio(disputesSettled, disputes),
    settled,
    settledOnTime,
    settledLate: settled - settledOnTime,
    onTimeRate: ratio(settledOnTime, settled),
  }
}

// The log of a long case and its dispute state (化解).
import { newId } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import { disputeStateSchema, logEntrySchema, type LogEntry } from '@/domain/request-log'
import { today } from '@/domain/calendar'
import { changeRequest } from './requests.repo'
import { parseInput } from './write'

/** Adds a dated entry (visit, talk, mediation session, call, site visit) to a request's log. */
export async function addLogEntry(requestId: string, input: unknown): Promise<LogEntry> {
  const form = parseInput(logEntrySchema, input)
  const entry: LogEntry = { id: newId(), ...form }
  await changeRequest(requestId, (r) => {
    if (form.on < r.receivedOn) throw new DomainError([problem('intake.errors.beforeReceived')])
    if (form.on > today()) throw new DomainError([problem('followup.errors.future')])
    return {
      patch: { log: [...(r.log ?? []), entry] },
      events: [{ by: form.by, event: { kind: 'logged', note: `${form.on} ${form.participants}：${form.outcome}` } }],
    }
  })
  return entry
}

/** Marks a request as a dispute, or moves its 化解 state. */
export async function setDisputeState(requestId: string, input: unknown): Promise<void> {
  const { state, by } = parseInput(disputeStateSchema, input)
  await changeRequest(requestId, () => ({
    patch: { disputeState: state },
    events: [{ by, event: { kind: 'dispute', note: state } }],
  }))
}

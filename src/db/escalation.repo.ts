// 上报: hops up the chain and the answers (报到) of the units on each hop.
import { today } from '@/domain/calendar'
import {
  answerProblem,
  hopProblem,
  hopSchema,
  hopsOf,
  lineAnswerSchema,
  withAnswer,
  type EscalationHop,
} from '@/domain/escalation'
import { newId } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import type { RequestStatus } from '@/domain/request'
import { changeRequest } from './requests.repo'
import { parseInput } from './write'

/** Statuses a request can be escalated from (a settled or agenda request is not sent up). */
const ESCALATABLE: readonly RequestStatus[] = ['open', 'inProgress', 'escalated']

/**
 * Sends a request one hop further up: community → street office (联席会议)
 * → the departments it calls in, each unit with its own line and deadline.
 */
export async function escalate(requestId: string, input: unknown): Promise<EscalationHop> {
  const form = parseInput(hopSchema, input)
  let hop: EscalationHop | undefined
  await changeRequest(requestId, (r) => {
    if (!ESCALATABLE.includes(r.status)) throw new DomainError([problem('intake.errors.cannotEscalate')])
    const hops = hopsOf(r)
    const p = hopProblem(form, r.receivedOn, hops[hops.length - 1])
    if (p) throw new DomainError([problem(p)])
    if (form.at > today()) throw new DomainError([problem('followup.errors.future')])
    hop = { id: newId(), requestId, ...form }
    const to = form.lines.map((l) => l.to).join('、')
    return {
      patch: { escalations: [...hops, hop], status: 'escalated' },
      events: [
        {
          by: form.by,
          event: { kind: 'escalated', status: 'escalated', note: `${form.at} ${form.from} → ${to}：${form.reason}` },
        },
      ],
    }
  })
  return hop!
}

/** Records what one unit on a hop answered (报到), and when. */
export async function answerLine(requestId: string, input: unknown): Promise<void> {
  const a = parseInput(lineAnswerSchema, input)
  await changeRequest(requestId, (r) => {
    const hops = hopsOf(r)
    const hop = hops.find((h) => h.id === a.hopId)
    if (!hop) throw new DomainError([problem('intake.errors.notEscalated')])
    const p = answerProblem(hop, a)
    if (p) throw new DomainError([problem(p)])
    if (a.answeredOn > today()) throw new DomainError([problem('followup.errors.future')])
    return {
      patch: { escalations: hops.map((h) => (h.id === hop.id ? withAnswer(h, a) : h)) },
      events: [{ by: a.by, event: { kind: 'escalationAnswer', note: `${a.answeredOn} ${a.to}：${a.answer}` } }],
    }
  })
}

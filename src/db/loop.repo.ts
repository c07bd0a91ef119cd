// Closing the loop with the people who asked (答复 + 回访): the one way to do
// it, from the ledger drawer for one request or from a meeting's follow-up
// page for the requests behind its topics.
import { today } from '@/domain/calendar'
import { closeLoopSchema, closingPatch } from '@/domain/loop'
import { DomainError, problem } from '@/domain/problem'
import type { Request } from '@/domain/request'
import { db } from './schema'
import { changeRequest } from './requests.repo'
import { meetingTopics } from './topics.repo'
import { parseInput, write } from './write'

/** The requests a meeting's items trace back to: item → topic → its requests. */
export async function requestsOfMeeting(meetingId: string): Promise<Request[]> {
  return db.transaction('r', [db.topics, db.requests], async () => {
    const topics = await meetingTopics(meetingId)
    const ids = [...new Set(topics.flatMap((t) => t.requestIds ?? []))]
    const byTopic = await db.requests
      .where('topicId')
      .anyOf(topics.map((t) => t.id))
      .toArray()
    const byId = (await db.requests.bulkGet(ids)).filter((r): r is Request => Boolean(r))
    const all = new Map([...byTopic, ...byId].map((r) => [r.id, r]))
    return [...all.values()].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
  })
}

/**
 * Tells the people who raised the requests the outcome and records their
 * satisfaction: each request gets loopClosedOn, its satisfaction, its status
 * (closed; a rejected one stays rejected) and a 'loopClosed' trail row with
 * how they were told and by whom. All the requests or none.
 */
export async function closeLoop(requestIds: string[], input: unknown): Promise<void> {
  if (requestIds.length === 0) throw new DomainError([problem('followup.errors.pickRequests')])
  const form = parseInput(closeLoopSchema, input)
  const feedback = { method: form.method, on: form.on, content: form.content }
  await write([db.requests, db.requestEvents], async () => {
    for (const id of requestIds) {
      await changeRequest(id, (r) => {
        const patch = closingPatch(r, form, today())
        if ('problem' in patch) throw new DomainError([problem(String(patch.problem), patch.params)])
        return {
          patch,
          events: [
            { by: form.by, event: { kind: 'loopClosed', status: patch.status, feedback, note: form.satisfaction } },
          ],
        }
      })
    }
  })
}

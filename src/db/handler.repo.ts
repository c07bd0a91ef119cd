// 交办: hands a request to a named handler with a due date; a reassignment
// appends, so the request keeps who had it before.
import { assignmentSchema, currentAssignment } from '@/domain/handler'
import { DomainError, problem } from '@/domain/problem'
import { changeRequest } from './requests.repo'
import { parseInput } from './write'

export async function assign(requestId: string, input: unknown): Promise<void> {
  const a = parseInput(assignmentSchema, input)
  await changeRequest(requestId, (r) => {
    if (r.loopClosedOn || r.status === 'closed') throw new DomainError([problem('intake.errors.closed')])
    if (a.assignedOn < r.receivedOn) throw new DomainError([problem('intake.errors.beforeReceived')])
    const prev = currentAssignment(r)
    if (prev && a.assignedOn < prev.assignedOn) throw new DomainError([problem('intake.errors.beforeAssigned')])
    const note = [prev && `原承办人：${prev.handler}`, `${a.assignedOn} 交办 ${a.handler}，${a.dueOn} 前办结`, a.note]
    return {
      patch: { assignments: [...(r.assignments ?? []), a] },
      events: [{ by: a.by, event: { kind: 'assigned', note: note.filter(Boolean).join('；') } }],
    }
  })
}

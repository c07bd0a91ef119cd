import { DomainError, type Problem } from '@/domain/problem'
import {
  resolutionFormSchema,
  resolutionProblems,
  type ActionItem,
  type Resolution,
  type ResolutionBasis,
} from '@/domain/resolution'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'

export interface ResolutionWithItems {
  resolution: Resolution
  items: ActionItem[]
}

export async function listResolutions(meetingId: string): Promise<ResolutionWithItems[]> {
  const resolutions = await db.resolutions.where('meetingId').equals(meetingId).toArray()
  const items = await db.actionItems.where('meetingId').equals(meetingId).toArray()
  return resolutions.map((resolution) => ({
    resolution,
    items: items
      .filter((i) => i.resolutionId === resolution.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
  }))
}

/**
 * Saves a topic's resolution and its action items together: every item must
 * answer who, to what standard, by when and who supervises, or nothing is
 * saved. Before the meeting closes the draft may be rewritten whole.
 */
export async function saveResolution(meetingId: string, topicId: string, input: unknown): Promise<Resolution> {
  const form = parseInput(resolutionFormSchema, input)
  const shape: Problem[] = resolutionProblems(form)
  if (shape.length > 0) throw new DomainError(shape)
  return write([db.meetings, db.votes, db.bodies, db.resolutions, db.actionItems], async () => {
    const m = await liveMeeting(meetingId)
    // What the resolution rests on is read here, not trusted from the form: a vote
    // still open, or one that failed, cannot carry a resolution that acts.
    const vote = form.voteId ? await db.votes.get(form.voteId) : undefined
    const closed = vote && vote.topicId === topicId && vote.status === 'closed' ? vote : undefined
    const body = m.bodyId ? await db.bodies.get(m.bodyId) : undefined
    const basis: ResolutionBasis = {
      result: closed?.result,
      withoutVote: !closed && form.withoutVote === true,
      council: body ? !body.decides : false,
      meetingDate: m.date,
    }
    const problems = resolutionProblems(form, basis)
    if (problems.length > 0) throw new DomainError(problems)
    const existing = await db.resolutions
      .where('topicId')
      .equals(topicId)
      .filter((r) => r.meetingId === meetingId)
      .first()
    const now = new Date().toISOString()
    const resolution: Resolution = existing
      ? { ...existing, text: form.text.trim(), voteId: closed?.id, withoutVote: basis.withoutVote, updatedAt: now }
      : {
          ...base(m.communityId),
          meetingId,
          topicId,
          voteId: closed?.id,
          withoutVote: basis.withoutVote,
          text: form.text.trim(),
        }
    await db.resolutions.put(resolution)
    if (existing) await db.actionItems.where('resolutionId').equals(existing.id).delete()
    const items: ActionItem[] = form.items.map((f) => ({
      ...base(m.communityId),
      meetingId,
      topicId,
      resolutionId: resolution.id,
      title: f.title.trim(),
      owner: f.owner.trim(),
      standard: f.standard.trim(),
      dueOn: f.dueOn,
      supervisor: f.supervisor.trim(),
      status: 'notStarted',
    }))
    await db.actionItems.bulkAdd(items)
    return resolution
  })
}

import { DomainError, type Problem } from '@/domain/problem'
import { resolutionProblems, type ActionItem, type ActionItemForm, type Resolution } from '@/domain/resolution'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'
import { write } from './write'

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
export async function saveResolution(
  meetingId: string,
  topicId: string,
  form: { text: string; voteId?: string; items: ActionItemForm[] },
): Promise<Resolution> {
  const problems: Problem[] = resolutionProblems(form)
  if (problems.length > 0) throw new DomainError(problems)
  return write([db.meetings, db.resolutions, db.actionItems], async () => {
    const m = await liveMeeting(meetingId)
    const existing = await db.resolutions
      .where('topicId')
      .equals(topicId)
      .filter((r) => r.meetingId === meetingId)
      .first()
    const now = new Date().toISOString()
    const resolution: Resolution = existing
      ? { ...existing, text: form.text.trim(), voteId: form.voteId, updatedAt: now }
      : { ...base(m.communityId), meetingId, topicId, voteId: form.voteId, text: form.text.trim() }
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

import { meetingTopicSchema } from '@/domain/speakers'
import type { Topic } from '@/domain/topic'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'
import { meetingTopics } from './topics.repo'
import { parseInput, write } from './write'

/**
 * A topic raised in the meeting itself (临时动议), added to the end of the
 * agenda with a 'created' entry in its trail so its origin stays visible.
 */
export async function addTopicToMeeting(meetingId: string, raw: unknown, by: string): Promise<Topic> {
  const input = parseInput(meetingTopicSchema, raw)
  const title = input.title
  return write([db.meetings, db.topics, db.topicEvents], async () => {
    const m = await liveMeeting(meetingId)
    const existing = await meetingTopics(meetingId)
    const topic: Topic = {
      ...base(m.communityId),
      title,
      description: input.description.trim(),
      requestIds: [],
      meetingId,
      order: Math.max(0, ...existing.map((t) => t.order)) + 1,
      status: 'scheduled',
      noResearchNeeded: true,
    }
    await db.topics.add(topic)
    await db.topicEvents.add({
      ...base(m.communityId),
      topicId: topic.id,
      at: topic.createdAt,
      by,
      kind: 'created',
      reason: 'deliberation.addedInMeeting',
    })
    return topic
  })
}

/** Who presents the topic (主持人 or a department): a roster person. */
export async function setPresenter(
  topicId: string,
  presenterId: string | undefined,
  presenterName: string | undefined,
): Promise<void> {
  await write([db.meetings, db.topics], async () => {
    const t = await db.topics.get(topicId)
    if (!t?.meetingId) return
    await liveMeeting(t.meetingId)
    await db.topics.update(topicId, { presenterId, presenterName, updatedAt: new Date().toISOString() })
  })
}

import type { TopicOption } from '@/domain/research'
import { db } from './schema'
import { meetingTopics } from './topics.repo'

/** The options (方案) of every topic of a meeting, read-only for the live meeting. */
export async function listOptions(meetingId: string): Promise<TopicOption[]> {
  const topicIds = (await meetingTopics(meetingId)).map((t) => t.id)
  return db.options.where('topicId').anyOf(topicIds).toArray()
}

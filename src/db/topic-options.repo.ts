import type { TopicOption } from '@/domain/research'
import { db } from './schema'

/** The options (方案) of every topic of a meeting, read-only for the live meeting. */
export async function listOptions(meetingId: string): Promise<TopicOption[]> {
  const topicIds = (await db.topics.where('meetingId').equals(meetingId).primaryKeys()) as string[]
  return db.options.where('topicId').anyOf(topicIds).toArray()
}

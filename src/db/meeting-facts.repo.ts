import { today } from '@/domain/calendar'
import { EMPTY_FACTS, type MeetingFacts } from '@/domain/procedure'
import { db } from './schema'
import { poolTopics } from '@/domain/topic-routing'
import { meetingTopics } from './topics.repo'

/**
 * Gathers what the step guards need to know about a meeting, in one read
 * transaction so the stepper never sees a half-updated meeting.
 */
export async function meetingFacts(meetingId: string): Promise<MeetingFacts> {
  return db.transaction(
    'r',
    [db.meetings, db.participants, db.topics, db.research, db.canvasses, db.notices, db.objections, db.actionItems],
    async () => {
      const m = await db.meetings.get(meetingId)
      if (!m) return EMPTY_FACTS
      const topics = await meetingTopics(meetingId)
      // A topic deferred at an earlier meeting waits in the pool too: step 1 is done with it alone.
      const poolTopicCount = poolTopics(
        await db.topics.where('communityId').equals(m.communityId).toArray(),
        meetingId,
      ).length
      const topicsWithoutResearch: string[] = []
      for (const t of topics) {
        if (t.noResearchNeeded === true) continue
        // A door-to-door canvass is research as much as a site visit is.
        const n =
          (await db.research.where('topicId').equals(t.id).count()) +
          (await db.canvasses.where('topicId').equals(t.id).count())
        if (n === 0) topicsWithoutResearch.push(String(t.title ?? ''))
      }
      const notices = await db.notices.where('meetingId').equals(meetingId).toArray()
      const agenda = notices.find((n) => n.kind === 'agenda' && n.postedAt)
      const resolution = notices.find((n) => n.kind === 'resolution' && n.postedAt)
      const objections = resolution ? await db.objections.where('noticeId').equals(resolution.id).toArray() : []
      const items = await db.actionItems.where('meetingId').equals(meetingId).toArray()
      return {
        topicCount: topics.length,
        poolTopicCount,
        hasDate: Boolean(m.date),
        hasPlace: Boolean(m.place),
        hasChair: Boolean(m.chairId),
        hasRecorder: Boolean(m.recorderId),
        participantCount: await db.participants.where('meetingId').equals(meetingId).count(),
        agendaNoticePublished: Boolean(agenda),
        topicsWithoutResearch,
        sealed: Boolean(m.sealedAt),
        resolutionNoticePosted: Boolean(resolution),
        noticePeriodOver: Boolean(resolution && typeof resolution.endsOn === 'string' && resolution.endsOn < today()),
        unansweredObjections: objections.filter((o) => !o.answeredAt).length,
        openActionItems: items.filter((i) => i.status !== 'closed').length,
      }
    },
  )
}

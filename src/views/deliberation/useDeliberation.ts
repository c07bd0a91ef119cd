import { computed, inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import type { Attendance } from '@/domain/attendance'
import type { MeetingHouseholds } from '@/domain/meeting'
import { quorumState, type QuorumState } from '@/domain/rules'
import type { Recusal, Speaker, Statement } from '@/domain/speakers'
import type { Topic } from '@/domain/topic'
import type { Body, Vote } from '@/domain/vote'
import type { TopicOption } from '@/domain/research'
import { listAttendance } from '@/db/attendance.repo'
import { getBody, listBodies } from '@/db/bodies.repo'
import { meetingTopics } from '@/db/topics.repo'
import { listResolutions, type ResolutionWithItems } from '@/db/resolutions.repo'
import { listRecusals, listSpeakers, listStatements } from '@/db/speakers.repo'
import { listVotes, topicHeadcount } from '@/db/votes.repo'
import { listOptions } from '@/db/topic-options.repo'
import { useLive } from '@/composables/useLive'

/** Everything the live-meeting panels read, followed live, shared by provide/inject. */
export interface Deliberation {
  meetingId: string
  bodies: Ref<Body[]>
  body: Ref<Body | undefined>
  attendance: Ref<Attendance[]>
  topics: Ref<Topic[]>
  options: Ref<TopicOption[]>
  votes: Ref<Vote[]>
  speakers: Ref<Speaker[]>
  statements: Ref<Statement[]>
  recusals: Ref<Recusal[]>
  resolutions: Ref<ResolutionWithItems[]>
  quorum: ComputedRef<QuorumState | undefined>
  /** 本村户数 / 实到户数 as the secretary confirmed them (村民会议 counted by households) */
  households: ComputedRef<MeetingHouseholds | undefined>
  /** Whether the meeting is sealed (every panel turns read-only) */
  sealed: ComputedRef<boolean>
}

const KEY: InjectionKey<Deliberation> = Symbol('deliberation')

export function provideDeliberation(
  meetingId: () => string,
  bodyId: () => string | undefined,
  communityId: () => string | undefined,
  sealed: () => boolean,
  households: () => MeetingHouseholds | undefined,
): Deliberation {
  const id = meetingId
  const d: Deliberation = {
    // A getter: the router reuses this view when only the meeting id changes.
    get meetingId() {
      return id()
    },
    bodies: useLive(async () => (communityId() ? listBodies(communityId()!) : []), [] as Body[], [communityId]),
    body: useLive(async () => (bodyId() ? getBody(bodyId()!) : undefined), undefined as Body | undefined, [bodyId]),
    attendance: useLive(() => listAttendance(id()), [] as Attendance[], [id]),
    topics: useLive(() => meetingTopics(id()), [] as Topic[], [id]),
    options: useLive(() => listOptions(id()), [] as TopicOption[], [id]),
    votes: useLive(() => listVotes(id()), [] as Vote[], [id]),
    speakers: useLive(() => listSpeakers(id()), [] as Speaker[], [id]),
    statements: useLive(() => listStatements(id()), [] as Statement[], [id]),
    recusals: useLive(() => listRecusals(id()), [] as Recusal[], [id]),
    resolutions: useLive(() => listResolutions(id()), [] as ResolutionWithItems[], [id]),
    quorum: computed(() =>
      d.body.value
        ? quorumState(d.body.value.quorumRule, topicHeadcount(d.attendance.value, d.body.value, [], d.households.value))
        : undefined,
    ),
    households: computed(households),
    sealed: computed(sealed),
  }
  provide(KEY, d)
  return d
}

export function useDeliberation(): Deliberation {
  const d = inject(KEY)
  if (!d) throw new Error('useDeliberation outside DeliberationView')
  return d
}

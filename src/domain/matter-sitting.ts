// A stage of a major matter held as a full meeting in the app: its 应到, 实到,
// vote method and counts are already on that meeting's record, so they come
// across from there and are never typed a second time (domain.md: enter each
// fact once). A 党员大会 stage typed by hand takes 应到 from the branch's roll.
import type { Attendance } from './attendance'
import { isVotingRole } from './rules/headcount'
import type { Topic } from './topic'
import { standingVotes, type Body, type Vote, type VoteMethod } from './vote'

/** What a held meeting says about one sitting of the matter's stage. */
export interface HeldSitting {
  date?: string
  place?: string
  /** Undefined when the meeting kept no sign-in sheet and took no vote on the matter (typed instead) */
  expected?: number
  present?: number
  members?: number
  /** Undefined when the meeting has no closed vote on the matter's topic */
  vote?: { for: number; against: number; abstain: number; voteMethod: VoteMethod }
  /** Names of the voting members signed in as present (as many as 实到) */
  attendees: string[]
}

/**
 * The matter's topic and every continuation of it (a deferred topic carried
 * to a later meeting is a new topic pointing back), so a vote on any of them
 * counts as the matter's.
 */
export function matterTopicIds(topicId: string, topics: readonly Pick<Topic, 'id' | 'continuesTopicId'>[]): string[] {
  const ids = new Set([topicId])
  let grew = true
  while (grew) {
    grew = false
    for (const t of topics)
      if (t.continuesTopicId && ids.has(t.continuesTopicId) && !ids.has(t.id)) {
        ids.add(t.id)
        grew = true
      }
  }
  return [...ids]
}

/**
 * The sitting as the meeting recorded it. With a closed vote on the matter's
 * topic the numbers are the ones frozen on that vote (the ones the minutes
 * print); without one, 应到 and 实到 come from the sign-in sheet and there are
 * no counts to bring.
 */
export function heldSitting(
  meeting: { date?: string; place?: string },
  topicIds: readonly string[],
  votes: readonly Vote[],
  attendance: readonly Attendance[],
): HeldSitting {
  const vote = standingVotes(votes.filter((v) => topicIds.includes(v.topicId)))
    .filter((v) => v.result !== 'deferred' && v.counts)
    .at(-1)
  // 应到 and 实到 of the sitting are its voting members: a 列席 guest signs the sheet but is not counted.
  const voting = attendance.filter((a) => isVotingRole(a.meetingRole))
  const attendees = voting.filter((a) => a.state === 'present').map((a) => a.name)
  const signIn = { expected: voting.filter((a) => !a.walkIn).length, presentVoting: attendees.length }
  const base = { date: meeting.date, place: meeting.place, attendees }
  if (!vote?.counts)
    return attendance.length ? { ...base, expected: signIn.expected, present: signIn.presentVoting } : base
  const { for: yes, against, abstain } = vote.counts
  return {
    ...base,
    expected: vote.expected ?? signIn.expected,
    present: vote.present ?? signIn.presentVoting,
    members: vote.members,
    vote: { for: yes, against, abstain, voteMethod: vote.method },
  }
}

/**
 * 应到 of a 党员大会: the members of the community's Party members' meeting
 * body (the branch's roll) who are still on the roster. Undefined when the
 * community keeps no such body.
 */
export function partyRoll(
  bodies: readonly Pick<Body, 'kind' | 'memberIds'>[],
  activePersonIds: ReadonlySet<string>,
): number | undefined {
  const branch = bodies.find((b) => b.kind === 'partyMembers')
  if (!branch) return undefined
  return branch.memberIds.filter((id) => activePersonIds.has(id)).length
}

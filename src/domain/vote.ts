// Votes (表决): the record of one decision on one topic. Closed votes are
// never edited; a correction is a new vote pointing to the one it corrects.
import type { RecordBase } from './ids'

import type { Rule } from './rules/rule'

// The rule types live in the rule engine; re-exported for the records that carry them.
export type { Rule } from './rules/rule'

export const BODY_KINDS = [
  'council',
  'twoCommittees',
  'partyMembers',
  'villagerReps',
  'villagers',
  'residents',
  'custom',
] as const
/** 协商议事会 · 两委会议 · 党员大会 · 村民代表会议 · 村民会议 · 居民会议 · 自定义 */
export type BodyKind = (typeof BODY_KINDS)[number]

/** A deliberating body with its members and rules. */
export interface Body extends RecordBase {
  name: string
  kind: BodyKind
  memberIds: string[]
  quorumRule: Rule
  passingRule: Rule
  /** A consultation council recommends; a legal body decides. */
  decides: boolean
  /** Whether a written opinion (书面意见) counts as presence; default no */
  writtenCountsAsPresent?: boolean
}

export const VOTE_METHODS = ['hands', 'paper', 'rollCall', 'secret', 'canvass'] as const
/** 举手 · 纸质表决票 · 口头唱名 · 无记名投票 · 入户征求意见 */
export type VoteMethod = (typeof VOTE_METHODS)[number]

export interface Counts {
  for: number
  against: number
  abstain: number
  invalid: number
}

export type VoteResult = 'passed' | 'failed' | 'deferred'

export interface Vote extends RecordBase {
  meetingId: string
  topicId: string
  /** The option voted on, when the topic had several */
  optionId?: string
  bodyId?: string
  method: VoteMethod
  status: 'open' | 'closed'
  /** The numbers the rule was applied to, frozen at closing */
  expected?: number
  present?: number
  members?: number
  /** Present voters recused for this topic, taken out of the passing base */
  recused?: number
  /** 本村户数 and households represented, when the quorum counts households */
  households?: number
  householdsPresent?: number
  /** Excluded for this topic (回避) */
  recusedIds?: string[]
  counts?: Counts
  /** Two tellers' independent counts for a paper or secret ballot; their names are printed */
  tellerCounts?: { teller: string; counts: Counts }[]
  /** Paper and secret ballots: 发出 N 张，收回 M 张 (valid = returned − invalid) */
  ballots?: { issued: number; returned: number }
  rollCall?: { personId?: string; name: string; choice: 'for' | 'against' | 'abstain' }[]
  /** The rules in force, copied so later edits of the body never change the record */
  quorumRule?: Rule
  passingRule?: Rule
  result?: VoteResult
  /** Why the vote was deferred (暂缓表决) */
  deferReason?: string
  /** Whether the body decides or only recommends, copied at closing */
  decides?: boolean
  /** Whether quorum was met when it closed */
  quorumMet?: boolean
  openedAt: string
  closedAt?: string
  /** Set on a correction: the vote it supersedes, and why */
  correctsVoteId?: string
  correctionReason?: string
  /** Set when the meeting was sealed */
  sealedAt?: string
}

type VoteOrder = Pick<Vote, 'id' | 'topicId' | 'status' | 'correctsVoteId' | 'closedAt' | 'openedAt'>

/**
 * The votes that stand after corrections: closed, and not replaced by a
 * correction (a sealed vote is corrected by a new vote that points to it), in
 * the order they closed. The minutes, the projector, the resolution, the
 * statistics and the street all read a topic's outcome from here.
 */
export function standingVotes<V extends VoteOrder>(votes: readonly V[]): V[] {
  const corrected = new Set(votes.map((v) => v.correctsVoteId).filter(Boolean))
  return votes
    .filter((v) => v.status === 'closed' && !corrected.has(v.id))
    .sort((a, b) => (a.closedAt ?? a.openedAt).localeCompare(b.closedAt ?? b.openedAt))
}

/** The vote a topic's outcome rests on: its last standing vote. */
export function standingVote<V extends VoteOrder>(votes: readonly V[], topicId: string): V | undefined {
  return standingVotes(votes.filter((v) => v.topicId === topicId)).at(-1)
}

/** Whether a later correction replaced this vote. */
export function isCorrected(vote: Pick<Vote, 'id'>, votes: readonly Pick<Vote, 'correctsVoteId'>[]): boolean {
  return votes.some((c) => c.correctsVoteId === vote.id)
}

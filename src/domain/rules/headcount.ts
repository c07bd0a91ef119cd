// Who counts. Quorum is a headcount of the body's members present, whatever
// their meeting role: a member who chairs, records or counts ballots is
// present. A walk-in counts only when a member. A recusal (回避) takes a
// present voter out of the passing base of one topic, never out of the quorum.
import type { Attendance } from '../attendance'
import type { MeetingRole } from '../roles'
import { evaluate, type Bases, type RuleCheck } from './evaluate'
import type { Rule } from './rule'

/**
 * Meeting roles that hold a vote when the body has no roll to go by. 列席,
 * stakeholders and guests speak but do not vote; the recorder is staff.
 */
export const VOTING_ROLES: readonly MeetingRole[] = ['chair', 'voting', 'teller']

export function isVotingRole(role: MeetingRole): boolean {
  return VOTING_ROLES.includes(role)
}

/** The numbers of one sitting, for one topic. */
export interface Headcount {
  /** 全体成员: the body's roll */
  members: number
  /** 应到: the roll when the body has one, else the voters invited */
  expected: number
  /** 实到: members present (written opinions only if the body says so) */
  present: number
  /** Present voters recused (回避) for this topic */
  recused: number
  /** 本村户数, for a 村民会议 counted by households */
  households?: number
  /** Households that sent a representative (派代表参加) */
  householdsPresent?: number
}

export interface CountingBody {
  memberIds: readonly string[]
  /** Whether a written opinion (书面意见) counts as presence; default no */
  writtenCountsAsPresent?: boolean
}

type Row = Pick<Attendance, 'id' | 'personId' | 'meetingRole' | 'state'>

/** The sign-in rows that count: the body's members (by person), or, without a roll, the voting roles. */
export function countedRows<R extends Row>(rows: readonly R[], body: CountingBody | undefined): R[] {
  const roll = body && body.memberIds.length > 0 ? new Set(body.memberIds) : undefined
  if (!roll) return rows.filter((r) => isVotingRole(r.meetingRole))
  const seen = new Set<string>()
  return rows.filter((r) => {
    if (!r.personId || !roll.has(r.personId) || seen.has(r.personId)) return false
    seen.add(r.personId)
    return true
  })
}

/** Whether a counted row is present under the body's policy on written opinions. */
export function isPresent(row: Pick<Attendance, 'state'>, body: CountingBody | undefined): boolean {
  return row.state === 'present' || (row.state === 'written' && body?.writtenCountsAsPresent === true)
}

/**
 * The headcount from the sign-in sheet. `recused` holds attendance or person
 * ids; only present, counted people can be recused, others are ignored.
 */
export function headcount(
  rows: readonly Row[],
  body: CountingBody | undefined,
  recused: ReadonlySet<string> = new Set(),
  households?: { total: number; present: number },
): Headcount {
  const counted = countedRows(rows, body)
  const present = counted.filter((r) => isPresent(r, body))
  const isRecused = (r: Row) => recused.has(r.id) || (r.personId !== undefined && recused.has(r.personId))
  const roll = body && body.memberIds.length > 0 ? body.memberIds.length : counted.length
  return {
    members: roll,
    expected: roll,
    present: present.length,
    recused: present.filter(isRecused).length,
    ...(households ? { households: households.total, householdsPresent: households.present } : {}),
  }
}

/** Whether enough members are present for the body to sit (recusals never change it). */
export function quorumCheck(rule: Rule, h: Headcount): RuleCheck {
  // Counted by households, the quorum is the households represented, not the people.
  const value = rule.base === 'households' ? (h.householdsPresent ?? 0) : h.present
  return evaluate(rule, value, { members: h.members, expected: h.expected, households: h.households }, 'quorum')
}

/** The bases the passing rule of one topic counts against: recused voters leave each of them. */
export function passingBases(h: Headcount): Bases {
  return { members: h.members - h.recused, expected: h.expected - h.recused, present: h.present - h.recused }
}

/** Whether the votes for carry the topic under the passing rule. */
export function passingCheck(rule: Rule, votesFor: number, h: Headcount): RuleCheck {
  return evaluate(rule, votesFor, passingBases(h))
}

/** Members of the roll who are not on the invitation list (warned about before sign-in). */
export function uninvitedMembers(
  memberIds: readonly string[],
  invitedPersonIds: readonly (string | undefined)[],
): string[] {
  if (invitedPersonIds.length === 0) return []
  const invited = new Set(invitedPersonIds)
  return memberIds.filter((id) => !invited.has(id))
}

/** What the console and the projector show about the quorum. */
export interface QuorumState {
  members: number
  expected: number
  /** People present, or households represented when the quorum counts households */
  present: number
  /** Whether the numbers are households (村民会议 counted by households) */
  byHouseholds: boolean
  /** The number the quorum rule is counted against */
  base: number
  need: number
  /** present / base, 0..1 (0 when base is 0) */
  ratio: number
  met: boolean
}

export function quorumState(rule: Rule, h: Headcount): QuorumState {
  const q = quorumCheck(rule, h)
  const byHouseholds = rule.base === 'households'
  return {
    members: h.members,
    // Counted by households, 应到 is the village's households.
    expected: byHouseholds ? q.base : h.expected,
    present: q.value,
    byHouseholds,
    base: q.base,
    need: q.needed,
    ratio: q.base > 0 ? q.value / q.base : 0,
    met: q.met,
  }
}

// Quorum (法定人数) and passing rules: who counts, against which base, and
// whether a threshold is met. Pure arithmetic, table-tested.
import type { Attendance } from './attendance'
import type { MeetingRole } from './roles'
import type { Body, BodyKind, Rule, Threshold } from './vote'

/**
 * Meeting roles that hold a vote. Tellers are usually members asked to count;
 * 列席, stakeholders and guests speak but do not vote; the recorder is staff.
 */
export const VOTING_ROLES: readonly MeetingRole[] = ['chair', 'voting', 'teller']

export function isVotingRole(role: MeetingRole): boolean {
  return VOTING_ROLES.includes(role)
}

/** The three numbers a rule can be counted against. */
export interface Headcount {
  /** 全体成员: members of the body */
  members: number
  /** 应到: voting members expected at this meeting */
  expected: number
  /** 实到: voting members present (written opinions only if the body says so) */
  present: number
}

/** How a body treats written opinions; default: a written opinion is not presence. */
export interface PresencePolicy {
  writtenCountsAsPresent: boolean
}

/**
 * The headcount from the sign-in sheet. Rows of recused people are left out
 * entirely (a recused member leaves every base for that topic).
 */
export function headcount(
  rows: Pick<Attendance, 'id' | 'personId' | 'meetingRole' | 'state'>[],
  body: (Pick<Body, 'memberIds'> & Partial<PresencePolicy>) | undefined,
  recused: ReadonlySet<string> = new Set(),
): Headcount {
  const isRecused = (r: { id: string; personId?: string }) =>
    recused.has(r.id) || (r.personId !== undefined && recused.has(r.personId))
  const voters = rows.filter((r) => isVotingRole(r.meetingRole) && !isRecused(r))
  const present = voters.filter(
    (r) => r.state === 'present' || (r.state === 'written' && body?.writtenCountsAsPresent === true),
  ).length
  const recusedMembers = body ? body.memberIds.filter((id) => recused.has(id)).length : 0
  const members = body && body.memberIds.length > 0 ? body.memberIds.length - recusedMembers : voters.length
  return { members, expected: voters.length, present }
}

export function baseCount(rule: Rule, h: Headcount): number {
  return rule.base === 'present' ? h.present : rule.base === 'expected' ? h.expected : h.members
}

/** Whether `n` out of `of` meets the threshold. Nothing is met against a base of zero. */
export function meets(n: number, of: number, t: Threshold): boolean {
  if (of <= 0) return false
  switch (t.kind) {
    case 'half':
      return n * 2 > of
    case 'twoThirds':
      return n * 3 >= of * 2
    case 'fraction':
      return t.strict ? n * t.den > of * t.num : n * t.den >= of * t.num
  }
}

/** The smallest count that meets the threshold against `of` (shown as 需要 N 人). */
export function needed(of: number, t: Threshold): number {
  for (let n = 0; n <= of; n++) if (meets(n, of, t)) return n
  return of + 1
}

export interface QuorumState {
  expected: number
  present: number
  /** The number the quorum rule is counted against */
  base: number
  need: number
  /** present / base, 0..1 (0 when base is 0) */
  ratio: number
  met: boolean
}

/**
 * Whether enough members are present. The quorum rule's base is what presence
 * is measured against (members, or those expected); a base of 'present' would
 * be circular, so it is read as 'expected'.
 */
export function quorum(rule: Rule, h: Headcount): QuorumState {
  const base = rule.base === 'members' ? h.members : h.expected
  return {
    expected: h.expected,
    present: h.present,
    base,
    need: needed(base, rule.threshold),
    ratio: base > 0 ? h.present / base : 0,
    met: meets(h.present, base, rule.threshold),
  }
}

/** Whether approvals pass under the passing rule. */
export function passes(approvals: number, rule: Rule, h: Headcount): boolean {
  return meets(approvals, baseCount(rule, h), rule.threshold)
}

const HALF: Threshold = { kind: 'half' }
const TWO_THIRDS: Threshold = { kind: 'twoThirds' }

/**
 * The rules in force by default (domain.md): 村民代表会议 ⅔ of members present,
 * passes by more than half of those present; 村民会议 more than half present;
 * 党员大会 more than half of voting members, passes by more than half of 应到.
 */
export function defaultRules(kind: BodyKind): { quorumRule: Rule; passingRule: Rule; decides: boolean } {
  switch (kind) {
    case 'villagerReps':
      return {
        quorumRule: { base: 'members', threshold: TWO_THIRDS },
        passingRule: { base: 'present', threshold: HALF },
        decides: true,
      }
    case 'villagers':
    case 'residents':
      return {
        quorumRule: { base: 'members', threshold: HALF },
        passingRule: { base: 'present', threshold: HALF },
        decides: true,
      }
    case 'partyMembers':
      return {
        quorumRule: { base: 'members', threshold: HALF },
        passingRule: { base: 'expected', threshold: HALF },
        decides: true,
      }
    case 'twoCommittees':
      return {
        quorumRule: { base: 'members', threshold: HALF },
        passingRule: { base: 'present', threshold: HALF },
        decides: true,
      }
    case 'council':
    case 'custom':
      return {
        quorumRule: { base: 'expected', threshold: HALF },
        passingRule: { base: 'present', threshold: HALF },
        decides: false,
      }
  }
}

/** A threshold as a fraction for display, e.g. ⅔ → [2, 3]. */
export function thresholdFraction(t: Threshold): [number, number] {
  return t.kind === 'half' ? [1, 2] : t.kind === 'twoThirds' ? [2, 3] : [t.num, t.den]
}

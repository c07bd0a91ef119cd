// The one rule type (法定人数, 通过规则, 入户征求意见的同意比例) and its schema.
// A rule is a threshold counted against a base; which bases a rule may use
// depends on what it is for, and the schemas below say so.
import { z } from 'zod'
import type { BodyKind } from '../vote'

/**
 * What a threshold is counted against: 实到 · 应到 · 全体成员 for a sitting;
 * 本村户数 (households) for a 村民会议 counted by households (⅔ of households
 * send a representative); 走访户数 (asked) · 走访到的户数 (reached) for a
 * door-to-door canvass.
 */
export type RuleBase = 'present' | 'expected' | 'members' | 'households' | 'asked' | 'reached'

/** 过半数 (strictly more than half) · 三分之二以上 (at least two thirds) · a custom fraction */
export type Threshold =
  { kind: 'half' } | { kind: 'twoThirds' } | { kind: 'fraction'; num: number; den: number; strict: boolean }

export interface Rule {
  base: RuleBase
  threshold: Threshold
}

/** What a rule is for; it decides the bases allowed and the words used. */
export type RuleUse = 'quorum' | 'passing' | 'canvass'

/**
 * Bases allowed per use. A quorum is never counted against those present:
 * that would always be met.
 */
export const RULE_BASES: Record<RuleUse, readonly RuleBase[]> = {
  quorum: ['members', 'expected', 'households'],
  passing: ['present', 'expected', 'members'],
  canvass: ['asked', 'reached'],
}

/**
 * The bases a picker offers: households (本村户数) only for a 村民会议's quorum,
 * the one body the law lets count by households (村委会组织法 第二十二条).
 */
export function ruleBases(use: RuleUse, bodyKind?: string): readonly RuleBase[] {
  return RULE_BASES[use].filter((b) => b !== 'households' || bodyKind === 'villagers')
}

export const thresholdSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('half') }),
  z.object({ kind: z.literal('twoThirds') }),
  z
    .object({
      kind: z.literal('fraction'),
      num: z.number().int('validation.integer').min(1, 'rules.error.fraction'),
      den: z.number().int('validation.integer').min(1, 'rules.error.fraction'),
      strict: z.boolean(),
    })
    .refine((f) => f.num <= f.den, 'rules.error.fraction'),
])

/** Typed as the one Rule, so bodies, templates and settings all hold the same shape. */
function ruleSchemaFor(use: RuleUse): z.ZodType<Rule> {
  const bases = RULE_BASES[use] as [RuleBase, ...RuleBase[]]
  return z.object({ base: z.enum(bases, { message: `rules.error.base.${use}` }), threshold: thresholdSchema })
}
export const quorumRuleSchema = ruleSchemaFor('quorum')
export const passingRuleSchema = ruleSchemaFor('passing')
export const canvassRuleSchema = ruleSchemaFor('canvass')

export const HALF: Threshold = { kind: 'half' }
export const TWO_THIRDS: Threshold = { kind: 'twoThirds' }

/** Default canvass rule: more than half of the households asked agree. */
export const DEFAULT_CANVASS_RULE: Rule = { base: 'asked', threshold: HALF }

/**
 * The rules in force by default (domain.md): 村民代表会议 ⅔ of members present,
 * passes by more than half of those present; 村民会议 more than half present;
 * 党员大会 more than half of voting members, passes by more than half of 应到
 * (the branch roll); 居民（代表）会议 more than half (居委会组织法).
 */
export function defaultRules(kind: BodyKind): { quorumRule: Rule; passingRule: Rule; decides: boolean } {
  const members = (threshold: Threshold): Rule => ({ base: 'members', threshold })
  const present: Rule = { base: 'present', threshold: HALF }
  switch (kind) {
    case 'villagerReps':
      return { quorumRule: members(TWO_THIRDS), passingRule: present, decides: true }
    case 'villagers':
    case 'residents':
    case 'twoCommittees':
      return { quorumRule: members(HALF), passingRule: present, decides: true }
    case 'partyMembers':
      return { quorumRule: members(HALF), passingRule: { base: 'expected', threshold: HALF }, decides: true }
    case 'council':
    case 'custom':
      return { quorumRule: { base: 'expected', threshold: HALF }, passingRule: present, decides: false }
  }
}

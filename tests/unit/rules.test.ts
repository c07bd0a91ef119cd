// The one rule engine, table-driven with real meeting numbers: one row per case.
import { describe, expect, it } from 'vitest'
import zh from '@/i18n/zh-CN/rules'
import zhDeliberation from '@/i18n/zh-CN/deliberation'
import enDeliberation from '@/i18n/en/deliberation'
import {
  defaultRules,
  evaluate,
  headcount,
  needed,
  passingCheck,
  quorumCheck,
  ruleBases,
  quorumRuleSchema,
  passingRuleSchema,
  canvassRuleSchema,
  ruleInWords,
  uninvitedMembers,
  type Headcount,
  type Rule,
  type Threshold,
} from '@/domain/rules'
import { canvassBases, decide } from '@/domain/tally'
import { ruleText } from '@/pdf/labels'
import type { Counts } from '@/domain/vote'

const HALF: Threshold = { kind: 'half' }
const TWO_THIRDS: Threshold = { kind: 'twoThirds' }
const MORE_THAN_80: Threshold = { kind: 'fraction', num: 80, den: 100, strict: true }
const rule = (base: Rule['base'], threshold: Threshold): Rule => ({ base, threshold })
const counts = (f: number, against = 0, abstain = 0, invalid = 0): Counts => ({ for: f, against, abstain, invalid })

type Role = 'voting' | 'chair' | 'recorder' | 'teller' | 'nonVoting' | 'stakeholder'
type State = 'present' | 'absent' | 'leave' | 'written'
interface RowSpec {
  person?: string
  state: State
  role?: Role
}
const sheet = (specs: RowSpec[]) =>
  specs.map((s, i) => ({ id: `a${i}`, personId: s.person, state: s.state, meetingRole: s.role ?? 'voting' }))
/** `n` members m1…mn of the roll */
const roll = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`)
/** Members m{from}…m{to} in one state and role */
const members = (from: number, to: number, state: State, role: Role = 'voting'): RowSpec[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ person: `m${from + i}`, state, role }))

describe('needed: the smallest count that meets a threshold', () => {
  it.each([
    // threshold, base, needed
    [TWO_THIRDS, 31, 21], // ⅔ of 31 → 21
    [TWO_THIRDS, 30, 20],
    [TWO_THIRDS, 9, 6],
    [HALF, 36, 19],
    [HALF, 22, 12],
    [HALF, 10, 6], // 5–5 is not more than half
    [HALF, 9, 5],
    [MORE_THAN_80, 100, 81],
    [{ kind: 'fraction', num: 3, den: 4, strict: false } as Threshold, 8, 6],
    [{ kind: 'fraction', num: 3, den: 4, strict: true } as Threshold, 8, 7],
  ])('%o of %i needs %i', (t, base, n) => {
    expect(needed(t, base)).toBe(n)
  })
})

describe('who counts, and what the vote closes against', () => {
  const reps = defaultRules('villagerReps') // ⅔ of members present; more than half of those present
  const party = defaultRules('partyMembers') // more than half of members present; more than half of 应到 (the roll)
  it.each<{
    name: string
    body: { memberIds: string[] }
    rows: RowSpec[]
    recused?: string[]
    rules: { quorumRule: Rule; passingRule: Rule }
    votes: Counts
    quorate: boolean
    present: number
    passingBase?: number
    result?: 'passed' | 'failed'
  }>([
    {
      name: '村民代表会议 30 members, 20 present, the recorder a member → quorate, 实到 20',
      body: { memberIds: roll(30) },
      rows: [
        ...members(1, 1, 'present', 'chair'),
        ...members(2, 2, 'present', 'recorder'),
        ...members(3, 20, 'present'),
      ],
      rules: reps,
      votes: counts(15, 3, 1),
      quorate: true,
      present: 20,
      passingBase: 20,
      result: 'passed',
    },
    {
      name: '30 members, 20 present, 2 present members recused → quorate, passing base 18',
      body: { memberIds: roll(30) },
      rows: members(1, 20, 'present'),
      recused: ['m19', 'm20'],
      rules: reps,
      votes: counts(10, 8),
      quorate: true,
      present: 20,
      passingBase: 18,
      result: 'passed', // 10 of 18 is more than half; of 20 it would not be
    },
    {
      name: '30 members, 19 present, 2 absent members recused → not quorate',
      body: { memberIds: roll(30) },
      rows: [...members(1, 19, 'present'), ...members(20, 21, 'absent')],
      recused: ['m20', 'm21'],
      rules: reps,
      votes: counts(19),
      quorate: false,
      present: 19,
    },
    {
      name: '19 members plus a non-member walk-in as voter → not quorate',
      body: { memberIds: roll(30) },
      rows: [...members(1, 19, 'present'), { person: 'outsider', state: 'present', role: 'voting' }],
      rules: reps,
      votes: counts(20),
      quorate: false,
      present: 19,
    },
    {
      name: 'a branch of 36, 22 invited, 20 present, 17 for → fails against the roll of 36',
      body: { memberIds: roll(36) },
      rows: [...members(1, 20, 'present'), ...members(21, 22, 'absent')],
      rules: party,
      votes: counts(17, 3),
      quorate: true,
      present: 20,
      passingBase: 36,
      result: 'failed', // 17 > 11 (half of the 22 invited) but not > 18
    },
    {
      name: 'a tie 5–5 fails',
      body: { memberIds: roll(12) },
      rows: members(1, 10, 'present'),
      rules: reps,
      votes: counts(5, 5),
      quorate: true,
      present: 10,
      passingBase: 10,
      result: 'failed',
    },
    {
      name: 'a written opinion is not presence by default',
      body: { memberIds: roll(9) },
      rows: [...members(1, 5, 'present'), ...members(6, 6, 'written')],
      rules: reps,
      votes: counts(5),
      quorate: false, // 5 of 9 < 6
      present: 5,
    },
  ])('$name', (c) => {
    const h: Headcount = headcount(sheet(c.rows), c.body, new Set(c.recused ?? []))
    expect(h.present).toBe(c.present)
    expect(quorumCheck(c.rules.quorumRule, h).met).toBe(c.quorate)
    const d = decide({ method: 'hands', counts: c.votes, headcount: h, ...c.rules })
    if (!c.quorate) {
      expect('problems' in d && d.problems.map((p) => p.key)).toContain('deliberation.error.noQuorum')
      return
    }
    if ('problems' in d) throw new Error(JSON.stringify(d.problems))
    expect(d.passing.base).toBe(c.passingBase)
    expect(d.result).toBe(c.result)
  })

  it('recusal never changes the quorum, only the passing base', () => {
    const rows = sheet(members(1, 20, 'present'))
    const body = { memberIds: roll(30) }
    const without = headcount(rows, body)
    const withTwo = headcount(rows, body, new Set(['m1', 'm2']))
    expect(quorumCheck(reps.quorumRule, withTwo)).toEqual(quorumCheck(reps.quorumRule, without))
    expect(passingCheck(reps.passingRule, 10, withTwo)).toMatchObject({ base: 18, needed: 10, met: true })
  })

  it('refuses more votes than the voters left after recusals', () => {
    const h = headcount(sheet(members(1, 20, 'present')), { memberIds: roll(30) }, new Set(['m1', 'm2']))
    expect(decide({ method: 'hands', counts: counts(12, 7), headcount: h, ...reps })).toEqual({
      problems: [{ key: 'deliberation.error.countsExceedPresent', params: { total: 19, present: 18 } }],
    })
  })

  it('without a roll, the voting roles count; the recorder is staff', () => {
    const rows = sheet([
      { state: 'present', role: 'chair' },
      { state: 'present', role: 'voting' },
      { state: 'present', role: 'teller' },
      { state: 'present', role: 'recorder' },
      { state: 'present', role: 'nonVoting' },
      { state: 'leave', role: 'voting' },
    ])
    expect(headcount(rows, { memberIds: [] })).toEqual({ members: 4, expected: 4, present: 3, recused: 0 })
  })

  it.each([
    // roll, invited person ids, members named in the warning before sign-in
    [roll(4), ['m1', 'm3', undefined], ['m2', 'm4']],
    [roll(4), [], []], // no invitation list: the sheet is the whole roll, nothing to warn about
    [roll(3), ['m1', 'm2', 'm3', 'guest'], []],
    [roll(36), roll(22), roll(36).slice(22)], // a branch of 36 with 22 invited: 14 named
  ] as const)('roll of %#: warns about members not invited', (members, invited, missing) => {
    expect(uninvitedMembers(members, invited)).toEqual(missing)
  })
  it('says why it matters, in Chinese and English', () => {
    expect(zhDeliberation.deliberation.signIn.uninvited).toContain('{names}')
    expect(zhDeliberation.deliberation.signIn.uninvitedWhy).toContain('党员大会')
    expect(zhDeliberation.deliberation.signIn.uninvitedWhy).toContain('应到')
    expect(enDeliberation.deliberation.signIn.uninvited).toContain('{names}')
  })
})

describe('canvass (入户征求意见)', () => {
  it.each([
    // rule, agree, disagree, noAnswer, notReached, result, base
    [rule('reached', HALF), 45, 5, 0, 50, 'passed', 50],
    [rule('asked', HALF), 45, 5, 0, 50, 'failed', 100],
    [rule('asked', MORE_THAN_80), 51, 49, 0, 0, 'failed', 100],
    [rule('asked', MORE_THAN_80), 81, 19, 0, 0, 'passed', 100],
    [rule('asked', HALF), 1760, 30, 10, 0, 'passed', 1800],
  ] as const)(
    '%o: %i agree, %i disagree, %i silent, %i not reached → %s against %i',
    (r, a, d, n, nr, result, base) => {
      const c = counts(a, d, n, nr)
      const out = decide({
        method: 'canvass',
        counts: c,
        headcount: { members: 0, expected: 0, present: 0, recused: 0 },
        quorumRule: defaultRules('council').quorumRule,
        passingRule: r,
      })
      if ('problems' in out) throw new Error('refused')
      expect(out.result).toBe(result)
      expect(out.passing.base).toBe(base)
      expect(evaluate(r, a, canvassBases(c)).met).toBe(result === 'passed')
    },
  )
  it('the paper says which base was used', () => {
    expect(ruleText(rule('reached', HALF), 'canvass')).toBe('走访到的户数过半数同意')
    expect(ruleText(rule('asked', HALF), 'canvass')).toBe('走访户数过半数同意')
    expect(ruleText(rule('asked', MORE_THAN_80), 'canvass')).toBe('走访户数超过80%同意')
  })
})

describe('村民会议 counted by households (⅔ of households send a representative)', () => {
  const byHouseholds = rule('households', TWO_THIRDS)
  it.each([
    // households, households represented, people present, quorate, needed
    [300, 200, 150, true, 200],
    [300, 199, 400, false, 200], // many people, too few households
    [31, 21, 21, true, 21],
    [31, 20, 20, false, 21],
    [undefined, undefined, 250, false, 1], // no household figures: never quorate by default
  ] as const)('%s households, %s represented (%i people) → quorate %s', (hh, hhPresent, people, met, need) => {
    const q = quorumCheck(byHouseholds, {
      members: 500,
      expected: 500,
      present: people,
      recused: 0,
      households: hh,
      householdsPresent: hhPresent,
    })
    expect(q.met).toBe(met)
    expect(q.needed).toBe(need)
    expect(q.value).toBe(hhPresent ?? 0)
  })
  it.each([
    [byHouseholds, '本村三分之二以上的户派代表参加'],
    [rule('households', HALF), '本村过半数的户派代表参加'],
  ] as const)('%o in words → %s', (r, words) => {
    expect(ruleText(r, 'quorum')).toBe(words)
  })
  it.each([
    [quorumRuleSchema, true],
    [passingRuleSchema, false],
    [canvassRuleSchema, false],
  ] as const)('%#: a households base is a quorum rule only → %s', (schema, ok) => {
    expect(schema.safeParse(byHouseholds).success).toBe(ok)
  })
})

describe('the rule in words, one set of keys for screens, projector and PDFs', () => {
  const t = (key: string) => key
  it.each([
    [rule('members', TWO_THIRDS), 'quorum', '全体成员三分之二以上出席'],
    [rule('expected', HALF), 'quorum', '应到人数过半数出席'],
    [rule('present', HALF), 'passing', '实到人数过半数同意'],
    [rule('expected', HALF), 'passing', '应到人数过半数同意'],
    [rule('present', { kind: 'fraction', num: 3, den: 4, strict: false }), 'passing', '实到人数3/4以上同意'],
  ] as const)('%o as %s → %s', (r, use, words) => {
    expect(ruleText(r, use)).toBe(words)
    expect(ruleInWords(t, r, use)).toContain(`rules.use.${use}`)
  })
  it('has the keys in Chinese', () => {
    expect(zh.rules.use.quorum).toBe('{base}{share}出席')
  })
})

describe('rule schemas: a quorum is never counted against those present', () => {
  it.each([
    [quorumRuleSchema, rule('present', HALF), false],
    [quorumRuleSchema, rule('members', TWO_THIRDS), true],
    [passingRuleSchema, rule('present', HALF), true],
    [passingRuleSchema, rule('asked', HALF), false],
    [canvassRuleSchema, rule('reached', MORE_THAN_80), true],
    [canvassRuleSchema, rule('present', HALF), false],
    [passingRuleSchema, rule('present', { kind: 'fraction', num: 5, den: 4, strict: false }), false],
  ] as const)('%#: %o → %s', (schema, r, ok) => {
    expect(schema.safeParse(r).success).toBe(ok)
  })
  it('older data with a quorum against 实到 is read against 应到, never always met', () => {
    const q = quorumCheck(rule('present', HALF), { members: 30, expected: 30, present: 10, recused: 0 })
    expect(q).toEqual({ met: false, value: 10, base: 30, needed: 16 })
  })
})

describe('legal defaults', () => {
  it.each([
    ['villagerReps', rule('members', TWO_THIRDS), rule('present', HALF), true],
    ['partyMembers', rule('members', HALF), rule('expected', HALF), true],
    ['residents', rule('members', HALF), rule('present', HALF), true],
    ['council', rule('expected', HALF), rule('present', HALF), false],
  ] as const)('%s', (kind, q, p, decides) => {
    expect(defaultRules(kind)).toEqual({ quorumRule: q, passingRule: p, decides })
  })
})

describe('the bases a rule picker offers', () => {
  it.each([
    ['quorum', 'villagers', ['members', 'expected', 'households']],
    ['quorum', 'partyMembers', ['members', 'expected']],
    ['quorum', undefined, ['members', 'expected']],
    ['passing', 'villagers', ['present', 'expected', 'members']],
    ['canvass', undefined, ['asked', 'reached']],
  ] as const)('%s of a %s body: %j', (use, kind, bases) => {
    expect(ruleBases(use, kind)).toEqual(bases)
  })
})

import { describe, expect, it } from 'vitest'
import { judgeSitting, needed, passingCheck, quorumCheck } from '@/domain/rules'
import { BUILT_IN_TEMPLATES, TEMPLATE_FIVE_ONE_TWO, TEMPLATE_FOUR_TWO, type StageDef } from '@/domain/template'
import { SIX_STEPS } from '@/domain/procedure'

const stage = (t: { stages: StageDef[] }, id: string) => {
  const s = t.stages.find((x) => x.id === id)
  if (!s?.quorumRule || !s.passingRule) throw new Error(`no sitting ${id}`)
  return s as Required<Pick<StageDef, 'quorumRule' | 'passingRule'>> & StageDef
}
const head = (expected: number, present: number, members = expected) => ({ expected, present, members, recused: 0 })
const votes = (f: number, against = 0, abstain = 0) => ({ for: f, against, abstain })
const verdict = (s: ReturnType<typeof stage>, expected: number, present: number, f: number, against = 0) =>
  judgeSitting(s.quorumRule, s.passingRule, votes(f, against), head(expected, present)).verdict

describe('thresholds', () => {
  it.each([
    [{ kind: 'half' } as const, 10, 6],
    [{ kind: 'half' } as const, 9, 5],
    [{ kind: 'half' } as const, 1, 1],
    [{ kind: 'twoThirds' } as const, 9, 6],
    [{ kind: 'twoThirds' } as const, 10, 7],
    [{ kind: 'twoThirds' } as const, 30, 20],
    [{ kind: 'fraction', num: 3, den: 4, strict: false } as const, 8, 6],
    [{ kind: 'fraction', num: 3, den: 4, strict: true } as const, 8, 7],
  ])('%o of %i needs %i', (threshold, base, n) => {
    expect(needed(threshold, base)).toBe(n)
  })
  it('reports the numbers used', () => {
    expect(quorumCheck({ base: 'expected', threshold: { kind: 'twoThirds' } }, head(30, 19))).toEqual({
      met: false,
      value: 19,
      base: 30,
      needed: 20,
    })
    expect(passingCheck({ base: 'present', threshold: { kind: 'half' } }, 12, head(30, 22))).toEqual({
      met: true,
      value: 12,
      base: 22,
      needed: 12,
    })
  })
  it('never passes on an empty base', () => {
    expect(quorumCheck({ base: 'present', threshold: { kind: 'half' } }, head(0, 0)).met).toBe(false)
  })
})

describe('四议两公开', () => {
  const t = TEMPLATE_FOUR_TWO
  it('has four sittings of four bodies, then both notices, no filing', () => {
    expect(t.stages.map((s) => s.name)).toEqual([
      '村党组织提议',
      '村“两委”会议商议',
      '党员大会审议',
      '村民代表会议决议',
      '决议公开',
      '实施结果公开',
    ])
    expect(new Set(t.stages.filter((s) => s.kind === 'meeting').map((s) => s.body!.name)).size).toBe(4)
    expect(t.stages.slice(4).map((s) => s.noticeSubject)).toEqual(['decision', 'results'])
    expect(t.filingRequired).toBe(false)
  })
  it('Party members’ meeting: approvals over half of those present but not of those who should attend fail', () => {
    const review = stage(t, 'review')
    // 25 should attend, 14 came (quorum: more than half of 25 = 13), 8 of 14 agree: > 7 present, but not > 12.5
    expect(verdict(review, 25, 14, 8, 6)).toBe('failed')
    expect(verdict(review, 25, 14, 13, 1)).toBe('passed')
    expect(verdict(review, 25, 12, 12)).toBe('noQuorum')
    expect(verdict(review, 25, 13, 13)).toBe('passed')
  })
  it('villager representatives’ meeting: two thirds present, more than half of those present', () => {
    const decide = stage(t, 'decide')
    expect(verdict(decide, 30, 19, 19)).toBe('noQuorum')
    expect(verdict(decide, 30, 20, 11, 9)).toBe('passed')
    expect(verdict(decide, 30, 20, 10, 10)).toBe('failed')
  })
  it('Party organisation and two committees: more than half present; committees decide by those present', () => {
    expect(verdict(stage(t, 'propose'), 5, 3, 3)).toBe('passed')
    expect(verdict(stage(t, 'propose'), 5, 4, 2)).toBe('failed')
    expect(verdict(stage(t, 'discuss'), 9, 5, 3, 2)).toBe('passed')
    expect(verdict(stage(t, 'discuss'), 9, 4, 4)).toBe('noQuorum')
  })
})

describe('五议一备两公开', () => {
  const t = TEMPLATE_FIVE_ONE_TWO
  it('has five sittings, a filing with the higher Party committee and two notices', () => {
    expect(t.stages.map((s) => s.kind)).toEqual([
      'meeting',
      'meeting',
      'meeting',
      'meeting',
      'meeting',
      'filing',
      'notice',
      'notice',
    ])
    expect(t.filingRequired).toBe(true)
    expect(t.stages[5]!.office).toBe('街道党工委')
  })
  it('applies the Party rule to the review and the 居委会组织法 rule to the decision, with the citation', () => {
    expect(verdict(stage(t, 'review'), 40, 30, 20, 10)).toBe('failed')
    expect(verdict(stage(t, 'review'), 40, 30, 21, 9)).toBe('passed')
    // 居民代表会议: more than half of the members present, more than half of those present agree
    expect(verdict(stage(t, 'decide'), 45, 22, 22)).toBe('noQuorum')
    expect(verdict(stage(t, 'decide'), 45, 23, 12, 11)).toBe('passed')
    expect(verdict(stage(t, 'decide'), 45, 30, 15, 15)).toBe('failed')
    expect(stage(t, 'decide').ruleBasis).toBe('《中华人民共和国城市居民委员会组织法》第十条')
    expect(verdict(stage(t, 'joint'), 8, 5, 3, 2)).toBe('passed')
  })
})

describe('六步议事', () => {
  it('is not offered as a template: every meeting runs the six steps', () => {
    expect(BUILT_IN_TEMPLATES.map((b) => b.name)).not.toContain(SIX_STEPS.name)
  })
  it('all built-ins are distinct lineages at version 1', () => {
    expect(new Set(BUILT_IN_TEMPLATES.map((b) => b.lineageId)).size).toBe(2)
    expect(BUILT_IN_TEMPLATES.every((b) => b.version === 1 && b.builtIn)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { nextDeliberationDate } from '@/domain/community'
import { isValidIdNumber, isValidPhone } from '@/domain/person'
import { EMPTY_FACTS, missingToAdvance, missingToComplete, SIX_STEPS, stepStates } from '@/domain/procedure'
import { copyPreset, findRole, PRESET_JINCHANG, PRESET_KENLI } from '@/domain/roles'
import { validateRosterRows } from '@/domain/roster-import'

describe('role presets', () => {
  it('Jinchang is 1 + 7 + X and Kenli is 6 + N', () => {
    const count = (kind: string, p = PRESET_JINCHANG) => p.roles.filter((r) => r.kind === kind).length
    expect([count('convener'), count('fixed')]).toEqual([1, 7])
    expect(count('topic')).toBeGreaterThan(0)
    expect(PRESET_KENLI.roles.filter((r) => r.kind !== 'topic')).toHaveLength(6)
  })
  it('a copy is editable and leaves the built-in untouched', () => {
    const copy = copyPreset(PRESET_JINCHANG, 'p1', 'c1', '我的模板')
    copy.roles[0]!.name = '第一书记'
    expect(PRESET_JINCHANG.roles[0]!.name).toBe('党组织书记')
    expect(copy.builtIn).toBe(false)
  })
  it('finds roles by name with or without quotes', () => {
    expect(findRole(PRESET_JINCHANG, '两代表一委员')?.id).toBe('deputies')
    expect(findRole(PRESET_JINCHANG, '“两代表一委员”')?.id).toBe('deputies')
  })
})

describe('six-step guards', () => {
  it('a new meeting cannot leave step 1 without topics', () => {
    expect(missingToAdvance(SIX_STEPS, 0, EMPTY_FACTS).map((p) => p.key)).toEqual(['guard.noTopicsCollected'])
  })
  it('step 1 is done once topics wait in the pool: putting them on the agenda is step 2', () => {
    expect(missingToAdvance(SIX_STEPS, 0, { ...EMPTY_FACTS, poolTopicCount: 1 })).toEqual([])
    expect(missingToAdvance(SIX_STEPS, 1, { ...EMPTY_FACTS, poolTopicCount: 1 }).map((p) => p.key)).toContain(
      'guard.noTopics',
    )
  })
  it('step 6 is done only when its action items are', () => {
    expect(missingToComplete('implement', { ...EMPTY_FACTS, openActionItems: 3 })).toEqual([
      { key: 'guard.actionItemsOpen', params: { count: 3 } },
    ])
    expect(missingToComplete('implement', EMPTY_FACTS)).toEqual([])
  })
  it('confirming the agenda lists everything missing', () => {
    const keys = missingToAdvance(SIX_STEPS, 1, { ...EMPTY_FACTS, topicCount: 2, hasDate: true }).map((p) => p.key)
    expect(keys).toEqual([
      'guard.noPlace',
      'guard.noChair',
      'guard.noRecorder',
      'guard.noParticipants',
      'guard.noAgendaNotice',
    ])
  })
  it('research names each topic without research', () => {
    const p = missingToAdvance(SIX_STEPS, 2, { ...EMPTY_FACTS, topicsWithoutResearch: ['北门开通'] })
    expect(p).toEqual([{ key: 'guard.noResearch', params: { title: '北门开通' } }])
  })
  it('publication waits for the notice period and for answers to objections', () => {
    const posted = { ...EMPTY_FACTS, resolutionNoticePosted: true }
    expect(missingToAdvance(SIX_STEPS, 4, posted).map((p) => p.key)).toEqual(['guard.noticePeriodRunning'])
    expect(
      missingToAdvance(SIX_STEPS, 4, { ...posted, noticePeriodOver: true, unansweredObjections: 1 }).map((p) => p.key),
    ).toEqual(['guard.objectionsOpen'])
    expect(missingToAdvance(SIX_STEPS, 4, { ...posted, noticePeriodOver: true })).toEqual([])
  })
  it('the stepper marks done, current and upcoming', () => {
    expect(stepStates(SIX_STEPS, 2).map((s) => s.status)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ])
  })
})

describe('roster import validation', () => {
  const headers = ['姓名', '角色', '电话', '身份证号']
  it('accepts a clean file', () => {
    const r = validateRosterRows(
      headers,
      [{ 姓名: '王建国', 角色: '党组织代表、法律工作者', 电话: '13800138000', 身份证号: '' }],
      PRESET_JINCHANG,
    )
    expect(r.ok && r.people[0]!.roleIds).toEqual(['party-committee', 'legal-worker'])
  })
  it('rejects the whole file and names every bad row', () => {
    const r = validateRosterRows(
      headers,
      [
        { 姓名: '王建国', 角色: '', 电话: '138', 身份证号: '' },
        { 姓名: '李秀英', 角色: '', 电话: '', 身份证号: '' },
        { 姓名: '', 角色: '村长', 电话: '', 身份证号: '110101199003071234' },
      ],
      PRESET_JINCHANG,
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.rows.map((p) => [p.row, p.problem.key])).toEqual([
      [2, 'roster.import.badPhone'],
      [4, 'roster.import.nameMissing'],
      [4, 'roster.import.badIdNumber'],
    ])
  })
  it('refuses a sheet without a name column', () => {
    const r = validateRosterRows(['名称'], [{ 名称: 'x' }], PRESET_JINCHANG)
    expect(r.ok === false && r.fileProblem?.key).toBe('roster.import.noNameColumn')
  })
})

describe('small rules', () => {
  it('phones and ID numbers', () => {
    expect(isValidPhone('13800138000')).toBe(true)
    expect(isValidPhone('0935-8221234')).toBe(true)
    expect(isValidPhone('12345')).toBe(false)
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('110105194912310021')).toBe(false)
  })
  it('the next deliberation day', () => {
    expect(nextDeliberationDate('2026-11-23', 10)).toBe('2026-12-10')
    expect(nextDeliberationDate('2026-12-05', 10)).toBe('2026-12-10')
    expect(nextDeliberationDate('2026-12-10', 10)).toBe('2026-12-10')
    expect(nextDeliberationDate('2026-12-11', 10)).toBe('2027-01-10')
  })
})

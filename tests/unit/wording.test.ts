// One name per concept, the terms of the rules (issue 13 item 10): the Chinese
// screens and every PDF builder are searched for the variants we replaced.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findRole, PRESET_JINCHANG } from '@/domain/roles'
import { addNames } from '@/domain/person'
import { validateRosterRows } from '@/domain/roster-import'
import { superiorCommittee } from '@/domain/community'
import { TEMPLATE_FIVE_ONE_TWO } from '@/domain/template'
import { BALLOT_INSTRUCTION } from '@/pdf/docs/ballots'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}
const SOURCES = [...files('src/i18n/zh-CN'), ...files('src/pdf')].map((p) => ({ p, text: readFileSync(p, 'utf8') }))

describe('banned variants appear in no zh-CN text and no PDF builder', () => {
  it.each([
    // variant → the one name to use instead
    ['党（工）委', '街道党工委 / 镇党委 from the settings'],
    ['党(工)委', '街道党工委 / 镇党委 from the settings'],
    ['务监会代表', '村（居）务监督委员会代表'],
    ['哈希链', '防篡改校验'],
    ['哈希', '防篡改校验'],
    ['链头', '防篡改校验'],
    ['参会成员', '表决成员'],
    ['议事机构', '议事主体'],
    ['实地查看', '实地察看'],
    ['现场查看', '实地察看'],
    ['现场察看', '实地察看'],
    ['未见到', '未见面'],
    ['监票计票', '监票人/计票人'],
    ['居民大会', '居民会议'],
    ['两委联席会议', '两委会议'],
    ['“两委”联席会议', '两委会议'],
    ['班子会议', '两委会议'],
    ['打√', '画√'],
    ['划√', '画√'],
  ])('%s (use %s)', (banned) => {
    expect(SOURCES.filter((s) => s.text.includes(banned)).map((s) => s.p)).toEqual([])
  })
})

describe('the terms the rules use', () => {
  it('the ballot says how to fill it in', () => {
    expect(BALLOT_INSTRUCTION).toContain('每项只能画一个√；不画视为弃权，多画视为无效')
  })
  it.each([
    ['新华路街道', '新华路街道党工委'],
    ['城关镇', '城关镇党委'],
    ['河西乡', '河西乡党委'],
    ['新华路街道党工委', '新华路街道党工委'],
  ])('报送 %s → %s', (superior, committee) => {
    expect(superiorCommittee(superior)).toBe(committee)
  })
  it.each(['村（居）务监督委员会代表', '务监会代表', '村务监督委员会代表'])(
    'a roster role written %s imports as the supervisory committee',
    (name) => {
      expect(findRole(PRESET_JINCHANG, name)?.id).toBe('supervisory-committee')
      const r = validateRosterRows(['姓名', '角色'], [{ 姓名: '宋喆', 角色: name }], PRESET_JINCHANG, 2)
      expect(r.ok && r.people[0]!.roleIds).toEqual(['supervisory-committee'])
    },
  )
  it('五议一备两公开: the 居民代表会议 sits with more than half present, citing 居委会组织法', () => {
    const decide = TEMPLATE_FIVE_ONE_TWO.stages.find((s) => s.body?.name === '居民代表会议')!
    expect(decide.quorumRule).toEqual({ base: 'members', threshold: { kind: 'half' } })
    expect(decide.ruleBasis).toBe('《中华人民共和国城市居民委员会组织法》第十条')
    expect(decide.passingRule).toEqual({ base: 'present', threshold: { kind: 'half' } })
  })
})

describe('names typed or pasted into 参会人员 / 乡镇参会人员 are all kept', () => {
  it.each([
    [[], '王建国', ['王建国']],
    [[], '王建国、李秀英、张伟', ['王建国', '李秀英', '张伟']],
    [['王建国'], '李秀英，王建国;梁堃\n宋喆', ['王建国', '李秀英', '梁堃', '宋喆']],
    [['王建国'], '  ', ['王建国']],
    [[], '河西镇包村干部 赵立新', ['河西镇包村干部 赵立新']],
  ])('%o + %j → %o', (list, text, names) => {
    expect(addNames(list, text)).toEqual(names)
  })
})

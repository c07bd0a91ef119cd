import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { recordAttempt, type Matter, type StageInput } from '@/domain/matter'
import { TEMPLATE_FIVE_ONE_TWO, TEMPLATE_FOUR_TWO } from '@/domain/template'
import { registrationFormToDocDef, type RegistrationFormInput } from '@/pdf/docs/registrationForm'
import { pdfPageCount, pdfTextCompact, pdfToPngs, renderNode } from './support/pdf'

const TODAY = '2026-11-23'
/** Text with the table's rows kept on their lines (cells of one row read left to right). */
const rowsOf = (bytes: Uint8Array) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes })
    .toString('utf8')
    .replace(/[ \t]+/g, ' ')
let seq = 0
/** Records attempts the way the app does, so the form prints real records. */
function run(stages: Matter['stages'], steps: [string, StageInput][]): Pick<Matter, 'stages' | 'attempts'> {
  const m = { stages, attempts: [] as Matter['attempts'] }
  for (const [stageId, input] of steps)
    m.attempts.push(recordAttempt(m, stageId, input, `a${++seq}`, '2026-09-01T00:00:00Z', TODAY))
  return m
}
const sit = (
  date: string,
  expected: number,
  present: number,
  f: number,
  against = 0,
  attendees: string[] = [],
  officials: string[] = [],
) => ({
  date,
  place: '村委会议室',
  expected,
  present,
  for: f,
  against,
  abstain: present - f - against,
  attendees,
  officials,
})

const fourTwo = run(TEMPLATE_FOUR_TWO.stages, [
  ['propose', sit('2026-09-01', 5, 5, 5, 0, ['王建国', '李秀英'])],
  ['discuss', sit('2026-09-03', 9, 8, 7, 1, [], ['镇包村干部 赵立新'])],
  ['review', sit('2026-09-05', 25, 12, 12)],
  ['review', sit('2026-09-08', 25, 20, 18, 2)],
  [
    'decide',
    {
      ...sit('2026-09-10', 30, 24, 20, 4),
      voteMethod: 'paper',
      note: '合作社负责人到会说明流转价格，代表逐户核对了地块。',
    },
  ],
  ['decision-notice', { date: '2026-09-11', periodDays: 7, places: ['村务公开栏', '村民微信群'] }],
])

const input = (over: Partial<RegistrationFormInput> = {}): RegistrationFormInput => ({
  communityName: '河西村',
  kind: 'village',
  partyOrg: '中共河西村支部委员会',
  title: '村集体北片土地流转',
  description: '北片 120 亩耕地流转给合作社，期限十年。',
  origin: 'officials',
  templateName: '四议两公开',
  stages: fourTwo.stages,
  attempts: fourTwo.attempts,
  supervisoryOpinion: '程序合规，同意。',
  printedOn: '2026-09-20',
  ...over,
})

describe('registration form', () => {
  it('prints every stage of 四议两公开 with its counts, the held-again sitting, the notices and the opinion', async () => {
    const doc = registrationFormToDocDef(input())
    const bytes = await renderNode(doc)
    pdfToPngs(bytes, 'registration-four-two')
    const text = pdfTextCompact(bytes)
    const rows = rowsOf(bytes)
    expect(text).toContain('村级重大事项“四议两公开”登记表')
    expect(text).toContain('村集体北片土地流转')
    for (const label of ['党员群众建议', '村干部提出', '上级交办']) expect(text).toContain(label)
    for (const name of [
      '村党组织提议',
      '村“两委”会议商议',
      '党员大会审议（第1次）',
      '党员大会审议（第2次）',
      '村民代表会议决议',
      '决议公开',
      '实施结果公开',
    ])
      expect(text).toContain(name)
    // 应到 / 实到 / 比例 of each sitting
    expect(rows).toMatch(/应到 5人 实到 5人 比例 100\.0%/)
    expect(rows).toMatch(/应到 9人 实到 8人 比例 88\.9%/)
    expect(rows).toMatch(/应到 25人 实到 12人 比例 48\.0%/)
    expect(text).toContain('未达法定人数，另行召开')
    expect(rows).toMatch(/应到 25人 实到 20人 比例 80\.0%/)
    expect(rows).toMatch(/应到 30人 实到 24人 比例 80\.0%/)
    // How each vote was taken and each sitting's notes
    expect(rows).toMatch(/纸质表决票 同意 20 反对 4 弃权 0 结果 通过/)
    expect(text).toContain('合作社负责人到会说明流转价格，代表逐户核对了地块。')
    expect(JSON.stringify(doc.content).split('会议情况').length - 1).toBe(5)
    expect(rows).toMatch(/同意 12 反对 0 弃权 0 结果 未达法定人数/)
    expect(text).toContain('到会：全体成员三分之二以上出席；通过：实到人数过半数同意')
    expect(text).toMatch(/党员大会审议（第1次）(（[^）]*）)?党员大会/)
    expect(rows).toMatch(/公开期限 7天 截止日期 2026年9月17日/)
    expect(text).toContain('村务公开栏、村民微信群')
    // Signature blanks under every one of the five sittings held
    const labels = JSON.stringify(doc.content)
    expect(labels.split('参会人员\\n签字').length - 1).toBe(5)
    expect(labels.split('乡镇（街道）\\n参会人员签字').length - 1).toBe(5)
    expect(rows).toContain('乡镇（街道）')
    expect(text).toContain('镇包村干部赵立新')
    expect(text).toContain('村务监督委员会意见')
    expect(text).toContain('程序合规，同意。')
    expect(pdfPageCount(bytes)).toBeLessThanOrEqual(3)
  })
  it('ticks exactly the motion’s origin', () => {
    const doc = registrationFormToDocDef(input({ origin: 'assigned' }))
    const json = JSON.stringify(doc.content)
    // One box carries a tick (a polyline); the other two are empty boxes.
    expect(json.match(/"polyline"/g)).toHaveLength(1)
    expect(json.match(/"rect"/g)).toHaveLength(3)
    expect(json.indexOf('polyline')).toBeGreaterThan(json.indexOf('村干部提出'))
  })
  it('prints 五议一备两公开 for a community with the filing stage and blanks for stages not yet held', async () => {
    const m = run(TEMPLATE_FIVE_ONE_TWO.stages, [['propose', sit('2026-10-08', 7, 6, 6)]])
    const bytes = await renderNode(
      registrationFormToDocDef(
        input({
          kind: 'community',
          communityName: '胜利社区',
          templateName: '五议一备两公开',
          stages: m.stages,
          attempts: m.attempts,
          supervisoryOpinion: undefined,
        }),
      ),
    )
    pdfToPngs(bytes, 'registration-five-one-two')
    const text = pdfTextCompact(bytes)
    const rows = rowsOf(bytes)
    expect(text).toContain('社区重大事项“五议一备两公开”登记表')
    expect(text).toContain('社区干部提出')
    for (const name of [
      '党组织提议',
      '领导班子商议',
      '共建单位联议',
      '党员大会审议',
      '居民代表会议决议',
      '报上级党组织备案',
      '街道党工委',
      '居务监督委员会意见',
    ])
      expect(text).toContain(name)
    expect(rows).toMatch(/应到 7人 实到 6人 比例 85\.7%/)
  })
})

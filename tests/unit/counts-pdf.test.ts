// The paper says exactly what rule was applied: a council's minutes say 协商意见,
// a 村民代表会议's say 决议 and 法定人数, a canvass speaks of 户 and its rule, and
// the 实到 number equals the names printed under 出席.
import { describe, expect, it } from 'vitest'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { filingFormToDocDef } from '@/pdf/docs/filingForm'
import { signInSheetToDocDef } from '@/pdf/docs/signInSheet'
import type { MeetingDocsInput, PersonLine } from '@/pdf/inputs'
import { sampleDossier, sampleMeeting } from '@/pdf/samples'
import { topicDossierToDocDef } from '@/pdf/docs/topicDossier'
import { pdfBodyText, pdfToPngs, renderNode } from './support/pdf'

const NAMES =
  '王建国 李秀英 张伟 刘洋 陈静 杨帆 赵磊 黄丽 周杰 吴敏 徐强 孙悦 胡军 朱红 高峰 林芳 何勇 郭燕 马超 罗娟 梁堃 宋喆 郑昇 谢赟 韩珺 唐玥 冯镕 于洁 董明 萧红 程亮'.split(
    ' ',
  )

/** 村民代表会议 of 30 members: 20 present (the recorder is a member), 2 on leave (one sent a written opinion), 8 absent, plus a staff member who only attends. */
function villageMeeting(): MeetingDocsInput {
  const base = sampleMeeting()
  const people: PersonLine[] = NAMES.slice(0, 30).map((name, i) => ({
    name,
    partyRole: '村民代表',
    meetingRole: i === 0 ? 'chair' : i === 1 ? 'recorder' : 'voting',
    state: i < 20 ? 'present' : i < 22 ? 'leave' : i === 22 ? 'written' : 'absent',
    writtenOpinion: i === 22 ? '同意硬化村道，建议先修西段。' : undefined,
    counted: i < 20,
  }))
  people.push({ name: NAMES[30]!, partyRole: '包村干部', meetingRole: 'nonVoting', state: 'present', counted: false })
  return {
    ...base,
    community: { name: '河西村', partyOrg: '中共河西村支部委员会', superior: '城关镇', noticePeriodDays: 7 },
    meeting: {
      ...base.meeting,
      title: '河西村2026年第三次村民代表会议',
      bodyName: '河西村村民代表会议',
      decides: true,
      endTime: '16:10',
    },
    people,
    quorum: {
      expected: 30,
      present: 20,
      leave: 2,
      absent: 8,
      written: 1,
      reached: true,
      rule: { base: 'members', threshold: { kind: 'twoThirds' } },
      decides: true,
    },
    topics: [
      {
        ...base.topics[0]!,
        order: 1,
        title: '关于硬化西组村道的议题',
        votes: [
          {
            method: 'canvass',
            counts: { for: 45, against: 5, abstain: 0, invalid: 50 },
            rule: { base: 'reached', threshold: { kind: 'half' } },
            result: 'passed',
            recused: [],
          },
          {
            method: 'secret',
            expected: 30,
            present: 20,
            counts: { for: 10, against: 7, abstain: 1, invalid: 0 },
            rule: { base: 'present', threshold: { kind: 'half' } },
            result: 'passed',
            recused: ['张伟', '刘洋'],
            passingBase: 18,
            tellers: ['陈静', '杨帆'],
            ballots: { issued: 18, returned: 18 },
          },
        ],
        resolution: '同意硬化西组村道1.2公里，10月底前完工。',
      },
      { ...base.topics[1]!, order: 2, votes: [], resolution: undefined, actions: [], deferredReason: '费用测算未完成' },
    ],
  }
}

async function text(doc: ReturnType<typeof minutesToDocDef>, name: string) {
  const bytes = await renderNode(doc)
  pdfToPngs(bytes, name, 60)
  return pdfBodyText(bytes)
}

describe('the paper follows the body', () => {
  it('a council’s minutes and notice say 协商意见 / 协商结果公示 and 到会人数要求, never 决议 or 法定人数', async () => {
    const m = sampleMeeting()
    const minutes = await text(minutesToDocDef(m), 'counts-council-minutes')
    expect(minutes).toContain('协商意见')
    expect(minutes).toContain('到会人数要求')
    expect(minutes).not.toContain('法定人数')
    // the only 决议 left is inside a resident's statement (“希望社区把这些写进决议”)
    expect(minutes.split('决议')).toHaveLength(2)
    expect(minutes).toContain('写进决议')
    const notice = await text(resolutionNoticeToDocDef(m), 'counts-council-notice')
    expect(notice).toContain('协商结果公示')
    expect(notice).not.toContain('决议')
  })

  it('a 村民代表会议’s minutes say 决议 and 法定人数, attendance four ways, 实到 20 beside 20 names', async () => {
    const m = villageMeeting()
    const minutes = await text(minutesToDocDef(m), 'counts-village-minutes')
    for (const s of [
      '决议',
      '应到30人，实到20人，请假2人，缺席8人（其中提交书面意见1人）',
      '法定人数：全体成员三分之二以上出席',
      '2026年12月10日14:30至16:10',
      // the canvass in households and its own rule, never 票
      '采用入户征求意见方式。走访100户，同意45户（90%，按走访到的户数计），不同意5户，未表态0户，未见面50户。',
      '征求意见规则：走访到的户数过半数同意为通过。',
      // the secret ballot: recusals, ballots, tellers, the base after recusal
      '张伟、刘洋因与本议题有利害关系回避表决，本议题通过基数为18人。',
      '发出表决票18张，收回18张，有效18张。',
      '监票人、计票人：陈静、杨帆。',
      '本议题暂缓表决。原因：费用测算未完成。',
    ])
      expect(minutes).toContain(s)
    expect(minutes).not.toContain('协商意见')
    const present = /出席(.+?)列席/.exec(minutes)?.[1] ?? ''
    expect(present.split('、')).toHaveLength(20)
    expect(present).toContain('李秀英') // the recorder is a member and present
    expect(present).not.toContain(NAMES[30]!)
  })

  it.each([
    // the body decides?, what the dossier says, what it never says
    [false, ['四、调研、议事与协商意见', '协商意见', '协商结果公示：'], ['决议公示', '与决议']],
    [true, ['四、调研、议事与决议', '决议公示：'], ['协商意见', '协商结果']],
  ] as const)('一事一档 of a body that decides=%s follows the body like the minutes', async (decides, says, never) => {
    const d = sampleDossier()
    const v = villageMeeting()
    const dossier = await text(
      topicDossierToDocDef({
        ...d,
        meeting: { ...d.meeting!, decides },
        topic: { ...d.topic, votes: v.topics[0]!.votes.slice(1, 2) },
        quorum: v.quorum,
      }),
      `counts-dossier-${decides ? 'decides' : 'council'}`,
    )
    for (const s of says) expect(dossier).toContain(s)
    for (const s of never) expect(dossier).not.toContain(s)
    expect(dossier).toContain('应到30人，实到20人，请假2人，缺席8人（其中提交书面意见1人）')
  })

  it('the village sign-in sheet prints the four counts; the filing form goes to the township Party committee', async () => {
    const m = villageMeeting()
    const sheet = await text(signInSheetToDocDef(m), 'counts-village-signin')
    expect(sheet).toContain('应到30人实到20人请假2人缺席8人（其中提交书面意见1人）')
    const filing = await text(filingFormToDocDef(m), 'counts-village-filing')
    expect(filing).toContain('报送：城关镇党委')
    expect(filing).toContain('决议内容')
    expect(filing).toContain('走访100户，同意45户')
    expect(filing).toContain('符合法定人数')
  })
})

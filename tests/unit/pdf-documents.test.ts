// Every document rendered with the real fonts; the text pdftotext reads back
// must carry each document's fields, and the font must be an embedded subset.
import { describe, expect, it } from 'vitest'
import { agendaNoticeToDocDef } from '@/pdf/docs/agendaNotice'
import { signInSheetToDocDef } from '@/pdf/docs/signInSheet'
import { ballotsToDocDef } from '@/pdf/docs/ballots'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { filingFormToDocDef } from '@/pdf/docs/filingForm'
import { topicDossierToDocDef } from '@/pdf/docs/topicDossier'
import { sampleDossier, sampleMeeting } from '@/pdf/samples'
import type { DocDef } from '@/pdf/layout'
import { pdfFonts, pdfPageCount, pdfTextRaw, pdfToPngs, renderNode } from './support/pdf'

async function render(doc: DocDef, name: string) {
  const bytes = await renderNode(doc)
  pdfToPngs(bytes, name)
  const text = pdfTextRaw(bytes)
  const pages = pdfPageCount(bytes)
  expect(pdfFonts(bytes)).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/)
  // The frame on every page: community, page numbers.
  expect(text).toContain(`第${pages}页共${pages}页`)
  expect(text.split('新华路社区').length - 1).toBeGreaterThanOrEqual(pages)
  return { text, pages, bytes }
}

const m = sampleMeeting()

describe('meeting documents', () => {
  it('agenda notice lists the topics, time, place, period and issuer', async () => {
    const { text } = await render(agendaNoticeToDocDef(m), 'agenda-notice')
    for (const s of [
      '议题公示',
      '议题1：关于开通小区北门的议题',
      '议题3：关于整治楼道堆物的议题',
      '2026年12月10日14:30',
      '社区党群服务中心二楼会议室',
      '公示期：2026年12月1日至2026年12月7日（7天）',
      '0931-8812345',
      '中共新华路社区委员会',
    ]) {
      expect(text).toContain(s)
    }
  })

  it('sign-in sheet is pre-filled with people and roles, with totals and a signature column', async () => {
    const { text } = await render(signInSheetToDocDef(m), 'sign-in-sheet')
    for (const s of [
      '签到表',
      '签名',
      '王建国',
      '党组织书记',
      '主持人',
      '主持人：王建国',
      '记录人：李秀英',
      '记录人',
      '梁堃',
      '列席',
      '利益相关方',
      '应到22人',
      '实到20人',
      '请假1人',
      '缺席1人',
    ])
      expect(text).toContain(s)
  })

  it('a blank sign-in sheet leaves the totals to be filled in', async () => {
    const { text } = await render(signInSheetToDocDef({ ...m, quorum: undefined }), 'sign-in-sheet-blank')
    expect(text).toContain('应到____人')
  })

  it('secret ballots carry serial numbers, the three boxes and no name line', async () => {
    const doc = ballotsToDocDef({
      community: m.community,
      meeting: m.meeting,
      topics: [{ order: 2, title: m.topics[1]!.title, options: [] }],
      secret: true,
      copies: 13,
      serialPrefix: '2',
    })
    const { text, pages } = await render(doc, 'ballots-secret')
    for (const s of [
      '表决票（无记名，画√）',
      '编号：2-001',
      '编号：2-013',
      '同意',
      '反对',
      '弃权',
      '请在相应栏内画√',
      '每项只能画一个√；不画视为弃权，多画视为无效。',
      '议题2：关于5号楼加装电梯费用分摊的议题',
    ])
      expect(text).toContain(s)
    expect(text).not.toContain('表决人')
    // several to a page
    expect(pages).toBeLessThanOrEqual(5)
  })

  it('open ballots have a line for the voter and one row per option', async () => {
    const t = m.topics[0]!
    const doc = ballotsToDocDef({
      community: m.community,
      meeting: m.meeting,
      topics: [{ order: 1, title: t.title, options: t.options }],
      secret: false,
      copies: 4,
    })
    const { text } = await render(doc, 'ballots-open')
    expect(text).toContain('表决人')
    expect(text).toContain('6:00至22:00开放，夜间关闭')
  })

  it('minutes answer who, what standard, by when, who supervises, with quorum, recusal, failed vote and verification code', async () => {
    const { text } = await render(minutesToDocDef(m), 'minutes')
    for (const s of [
      '2026年12月党群议事日会议纪要',
      '上次议定事项落实情况',
      '修补健身器材',
      '返工',
      '主持人王建国',
      '记录人李秀英',
      '应到22人，实到20人，请假1人，缺席1人',
      // a consultation council recommends: its outcome is 协商意见, its quorum 到会人数要求
      '到会人数要求：应到人数三分之二以上出席',
      '协商意见',
      '会议有效',
      '出席',
      '列席',
      '利益相关方',
      '汇报人：王建国（党组织书记）',
      '1,800户中1,760户同意',
      '97.8%',
      '梁堃（居民代表）：',
      '韩珺因与本议题有利害关系回避表决',
      '采用无记名投票方式表决',
      '表决结果：未通过',
      '表决结果：通过',
      '实到人数过半数同意为通过',
      '同意开通北门',
      '谁来干',
      '干到什么标准',
      '什么时间干完',
      '谁来监督',
      '主持人（签字）',
      '记录人（签字）',
      '核验码：7K3QF-9XD2M',
    ])
      expect(text).toContain(s)
  })

  it('resolution notice shows decisions, period, how to object and the issuer', async () => {
    const { text } = await render(resolutionNoticeToDocDef(m), 'resolution-notice')
    for (const s of [
      '协商结果公示',
      '关于开通小区北门的议题（通过',
      '（未通过',
      '公示期：2026年12月11日至2026年12月17日（7天）',
      '党群服务中心门口意见箱',
      '0931-8812345',
      '中共新华路社区委员会',
      '（盖章）',
    ])
      expect(text).toContain(s)
  })

  it('filing form goes to the superior with the major matter, votes and blank opinion boxes', async () => {
    const { text } = await render(filingFormToDocDef(m), 'filing-form')
    for (const s of [
      '重大事项备案表',
      '报送：新华路街道党工委',
      '关于开通小区北门的议题',
      '同意10票',
      '新华路街道党工委意见',
      '公示情况',
    ])
      expect(text).toContain(s)
    expect(text).not.toContain('加装电梯')
  })
})

describe('topic dossier', () => {
  it('traces the topic through every step', async () => {
    const { text } = await render(topicDossierToDocDef(sampleDossier()), 'dossier')
    for (const s of [
      '一事一档',
      '民情诉求',
      '居民说事厅',
      '13812345678',
      '合并诉求：北门两条诉求合为一个议题（张伟）',
      '议事会议',
      '入户',
      '公开公示',
      '夜间关门时间',
      '先按22点试行',
      '落实与评议',
      '94.4%',
    ])
      expect(text).toContain(s)
  })

  it('public version masks phone and ID numbers and can hide names', async () => {
    const { text } = await render(
      topicDossierToDocDef(sampleDossier(), { public: true, hideNames: true }),
      'dossier-public',
    )
    expect(text).toContain('138****5678')
    expect(text).toContain('110105********0021')
    expect(text).not.toContain('13812345678')
    expect(text).not.toContain('13987654321')
    expect(text).toContain('梁某')
    expect(text).not.toContain('梁堃（居民代表）')
  })
})

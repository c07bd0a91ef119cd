import { describe, expect, it } from 'vitest'
import { evaluationBallotToDocDef } from '@/pdf/docs/evaluationBallot'
import { resultsNoticeToDocDef } from '@/pdf/docs/resultsNotice'
import { statisticsToDocDef } from '@/pdf/docs/statistics'
import { periodStats } from '@/domain/stats'
import type { ActionItem, Evaluation } from '@/domain/resolution'
import { pdfPageCount, pdfTextCompact, pdfToPngs, renderNode } from './support/pdf'

const base = { communityId: 'c', createdAt: '', updatedAt: '' }
const item: ActionItem = {
  ...base,
  id: 'a',
  meetingId: 'm',
  topicId: 't',
  resolutionId: 'r',
  title: '疏通北门排水管',
  owner: '物业公司（韩喆）',
  standard: '雨后两小时内无积水',
  dueOn: '2026-10-30',
  doneOn: '2026-11-02',
  supervisor: '王堃',
  status: 'closed',
}
const round = (r: number, counts: number[], passed: boolean, rate: number): Evaluation => ({
  ...base,
  id: `e${r}`,
  actionItemId: 'a',
  round: r,
  method: r === 1 ? 'meeting' : 'ballot',
  on: r === 1 ? '2026-10-28' : '2026-11-05',
  scale: 'three',
  counts,
  rate,
  passed,
  reworkReason: passed ? undefined : '低洼处仍有积水',
})

describe('follow-up documents', () => {
  it('the results notice carries every evaluation round and the notice period', async () => {
    const doc = resultsNoticeToDocDef({
      communityName: '新华路社区',
      partyOrg: '中共新华路社区委员会',
      meetingTitle: '十月党群议事日',
      meetingDate: '2026-10-10',
      startsOn: '2026-11-10',
      endsOn: '2026-11-16',
      items: [{ item, evaluations: [round(1, [20, 11, 19], false, 0.62), round(2, [40, 6, 4], true, 0.92)] }],
    })
    const bytes = await renderNode(doc)
    const text = pdfTextCompact(bytes)
    expect(text).toContain('实施结果公示')
    expect(text).toContain('疏通北门排水管')
    expect(text).toContain('满意率92.0%（经1次返工）')
    expect(text).toContain(
      '第1轮（2026年10月28日，会议评议）：满意20人、基本满意11人、不满意19人，满意率62.0%，未达标，返工。原因：低洼处仍有积水',
    )
    expect(text).toContain('第2轮')
    expect(text).toContain('公示期：2026年11月10日至2026年11月16日')
    expect(text).toContain('王堃')
    pdfToPngs(bytes, 'results-notice')
  })
  it.each([
    // invalid ballots recorded for round 2 → what the notice says after its counts
    [undefined, '满意40人、基本满意6人、不满意4人，满意率92.0%'],
    [0, '满意40人、基本满意6人、不满意4人（另有无效票0张），满意率92.0%'],
    [3, '满意40人、基本满意6人、不满意4人（另有无效票3张），满意率92.0%'],
  ])('the results notice prints %s invalid ballots where the round recorded them', async (invalid, line) => {
    const doc = resultsNoticeToDocDef({
      communityName: '河西村',
      partyOrg: '中共河西村支部委员会',
      meetingTitle: '村民代表会议',
      startsOn: '2026-11-10',
      endsOn: '2026-11-16',
      items: [{ item, evaluations: [{ ...round(2, [40, 6, 4], true, 0.92), invalid }] }],
    })
    expect(pdfTextCompact(await renderNode(doc))).toContain(`第2轮（2026年11月5日，评议票）：${line}`)
  })
  it('prints ballots with the scale boxes, never split over pages', async () => {
    const doc = evaluationBallotToDocDef({
      communityName: '新华路社区',
      date: '2026-11-01',
      title: '疏通北门排水管',
      standard: '雨后无积水',
      owner: '物业公司',
      dueOn: '2026-10-30',
      scale: 'five',
      round: 2,
      copies: 7,
    })
    const bytes = await renderNode(doc)
    const text = pdfTextCompact(bytes)
    expect(text.split('新华路社区群众评议票（第2轮）').length - 1).toBe(7)
    expect(text).toContain('非常满意满意基本满意不满意非常不满意')
    expect(pdfPageCount(bytes)).toBe(3)
    pdfToPngs(bytes, 'evaluation-ballots')
  })
  it('the statistics sheet fits one page and states the headline figures', async () => {
    const stats = periodStats(
      {
        requests: Array.from({ length: 40 }, (_, i) => ({
          receivedOn: '2026-03-01',
          status: i < 38 ? 'resolved' : 'open',
          channel: ['入户走访', '热线电话', '居民说事厅'][i % 3]!,
          handlingType: 'immediate',
          category: ['环境卫生', '道路设施', '停车管理', '物业服务'][i % 4]!,
          resolvedOn: '2026-03-05',
        })),
        items: [],
        evaluations: [],
      },
      { from: '2026-01-01', to: '2026-12-31' },
      '2026-12-31',
    )
    const bytes = await renderNode(
      statisticsToDocDef({ communityName: '新华路社区', superior: '新华路街道', date: '2026-12-31', stats }),
    )
    const text = pdfTextCompact(bytes)
    pdfToPngs(bytes, 'statistics')
    expect(pdfPageCount(bytes)).toBe(1)
    expect(text).toContain('本期共受理群众诉求40件，已解决38件。')
    expect(text).toContain('95.0%')
    expect(text).toContain('即办件')
  })
})

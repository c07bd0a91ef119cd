// The street office's printed documents: the key fingerprint sheet, the
// filing receipt and the statistics table, rendered as the app renders them.
import { describe, expect, it } from 'vitest'
import { keyFingerprintToDocDef } from '@/pdf/docs/keyFingerprint'
import { filingReceiptToDocDef } from '@/pdf/docs/filingReceipt'
import { streetStatisticsToDocDef } from '@/pdf/docs/streetStatistics'
import { streetStats, type CommunityRows } from '@/domain/street-stats'
import { pdfPageCount, pdfTextCompact, pdfToPngs, renderNode } from './support/pdf'

const FP = '3f2a9c01b7ec1ac7bf1281389d9edd48af27bff5731c42350d289c238ba2e46c'

describe('street office PDFs', () => {
  it('the fingerprint sheet prints all sixteen groups', async () => {
    const pdf = await renderNode(
      keyFingerprintToDocDef({ name: '新华路街道', role: 'street', fingerprint: FP, date: '2026-12-01' }),
    )
    const text = pdfTextCompact(pdf)
    expect(text).toContain('公钥指纹确认单')
    expect(text).toContain('3F2A9C01B7EC1AC7BF1281389D9EDD48AF27BFF5731C42350D289C238BA2E46C')
    pdfToPngs(pdf, 'street-fingerprint')
  })

  it('the filing receipt names the filing, the decision and the opinion', async () => {
    const pdf = await renderNode(
      filingReceiptToDocDef({
        streetName: '新华路街道',
        partyCommittee: '中共新华路街道工作委员会',
        communityName: '幸福里社区',
        meetingTitle: '加装电梯议事会',
        meetingDate: '2026-11-11',
        sentOn: '2026-11-16',
        filedBy: '李秀英',
        status: '退回补正',
        opinion: '请补充三号楼一单元住户签字意见后重新报送。',
        reviewedOn: '2026-11-20',
        reviewedBy: '周敏',
        printedOn: '2026-11-20',
      }),
    )
    const text = pdfTextCompact(pdf)
    for (const s of [
      '重大事项备案回执',
      '幸福里社区',
      '加装电梯议事会',
      '退回补正',
      '请补充三号楼一单元住户签字意见后重新报送',
      '2026年11月16日',
    ])
      expect(text).toContain(s)
    expect(pdfPageCount(pdf)).toBe(1)
  })

  it('the statistics table lists every community and the total, on landscape pages', async () => {
    const rows: CommunityRows[] = Array.from({ length: 30 }, (_, i) => ({
      communityId: `c${i}`,
      name: `第${i + 1}社区`,
      requests: [
        {
          id: 'q',
          receivedOn: '2026-03-01',
          status: 'resolved',
          channel: '热线',
          handlingType: 'immediate',
          category: '其他',
        },
      ] as never,
      requestEvents: [],
      meetings: [],
      resolutions: [],
      actionItems: [],
      evaluations: [],
    }))
    const stats = streetStats(rows, { from: '2026-01-01', to: '2026-12-31' }, '2026-12-01')
    const pdf = await renderNode(streetStatisticsToDocDef({ streetName: '新华路街道', date: '2026-12-01', stats }))
    const text = pdfTextCompact(pdf)
    expect(text).toContain('辖区协商议事工作统计表')
    expect(text).toContain('第30社区')
    expect(text).toMatch(/合计303030/)
    pdfToPngs(pdf, 'street-statistics')
  })
})

// Every notice saved as a Word file carries the PDF's text and number: the
// .docx is unzipped and its word/document.xml read back.
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { agendaNoticeToDocDef } from '@/pdf/docs/agendaNotice'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { resultsNoticeToDocDef } from '@/pdf/docs/resultsNotice'
import { docDefToDocx } from '@/pdf/docx'
import type { DocDef } from '@/pdf/layout'
import { sampleMeeting } from '@/pdf/samples'

/** The document's text: runs joined, tags dropped. */
async function wordText(doc: DocDef): Promise<string> {
  const files = unzipSync(await docDefToDocx(doc))
  expect(Object.keys(files)).toContain('word/document.xml')
  const xml = strFromU8(files['word/document.xml']!)
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

const m = sampleMeeting()
const item = {
  id: 'a',
  communityId: 'c',
  createdAt: '',
  updatedAt: '',
  meetingId: 'm',
  topicId: 't',
  resolutionId: 'r',
  title: '疏通北门排水管',
  owner: '物业服务中心',
  standard: '雨后两小时内无积水',
  dueOn: '2027-01-30',
  doneOn: '2027-01-28',
  supervisor: '王堃',
  status: 'done' as const,
}

describe.each([
  [
    'agenda notice',
    agendaNoticeToDocDef(m),
    '新华路社区议〔2026〕4号',
    ['议题公示', '议题1：关于开通小区北门的议题', '2026年12月10日 14:30', '0931-8812345', '中共新华路社区委员会'],
  ],
  [
    'resolution notice',
    resolutionNoticeToDocDef(m),
    '新华路社区决〔2026〕4号',
    ['协商结果公示', '1. 关于开通小区北门的议题', '同意开通北门', '公示期'],
  ],
  [
    'results notice',
    resultsNoticeToDocDef({
      communityName: '新华路社区',
      partyOrg: '中共新华路社区委员会',
      meetingTitle: m.meeting.title,
      meetingDate: m.meeting.date,
      startsOn: '2027-02-01',
      endsOn: '2027-02-07',
      items: [{ item, evaluations: [] }],
    }),
    '新华路社区果〔2027〕1号',
    ['实施结果公示', '疏通北门排水管', '雨后两小时内无积水', '2027年1月28日', '2027年2月1日'],
  ],
] as const)('%s', (_name, doc, number, texts) => {
  it('has the same text and number as the PDF', async () => {
    const text = await wordText({ ...doc, number })
    expect(text).toContain(number)
    for (const s of texts) expect(text).toContain(s)
  })

  it('in the 公文 style, with the addressee and the red header as text', async () => {
    const text = await wordText({ ...doc, number, style: 'official', redHeader: true })
    for (const s of [number, '全体居民：', '中共新华路社区委员会']) expect(text).toContain(s)
    expect(text).not.toContain('盖章处')
  })
})

// The 公文 style (GB/T 9704): every notice renders in both styles; the
// official one in Noto Serif SC with the 文号, 主送, 落款 and a 盖章 area, and
// the red 版头 when chosen.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agendaNoticeToDocDef } from '@/pdf/docs/agendaNotice'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { resultsNoticeToDocDef } from '@/pdf/docs/resultsNotice'
import { fontCodePoints } from '@/pdf/glyphs'
import type { DocDef } from '@/pdf/layout'
import { sampleMeeting } from '@/pdf/samples'
import { pdfFonts, pdfTextRaw, pdfToPngs, renderNode } from './support/pdf'

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
const NOTICES: [string, DocDef, string][] = [
  ['agenda-notice', agendaNoticeToDocDef(m), '新华路社区议〔2026〕4号'],
  ['resolution-notice', resolutionNoticeToDocDef(m), '新华路社区决〔2026〕4号'],
  [
    'results-notice',
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
  ],
]

describe.each(NOTICES)('%s', (name, doc, number) => {
  it('prints in the standard style with its number, in the sans face', async () => {
    const bytes = await renderNode({ ...doc, number })
    pdfToPngs(bytes, `style-standard-${name}`, 60)
    expect(pdfTextRaw(bytes)).toContain(number)
    expect(pdfFonts(bytes)).not.toContain('NotoSerifSC')
  })

  it('prints in the 公文 style: serif, number, 主送, 落款 with a 盖章 area, page number — 1 —', async () => {
    const bytes = await renderNode({ ...doc, number, style: 'official' })
    pdfToPngs(bytes, `style-official-${name}`, 60)
    const text = pdfTextRaw(bytes)
    expect(pdfFonts(bytes)).toMatch(/NotoSerifSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/)
    for (const s of [number, '全体居民：', '中共新华路社区委员会', '盖章处', '—1—']) expect(text).toContain(s)
    // No running header of the standard frame.
    expect(text).not.toMatch(/第1页共\d+页/)
  })

  it('prints the red 版头 with the number under the issuer when chosen', async () => {
    const bytes = await renderNode({ ...doc, number, style: 'official', redHeader: true })
    pdfToPngs(bytes, `style-red-${name}`, 60)
    const text = pdfTextRaw(bytes)
    expect(text.indexOf('中共新华路社区委员会')).toBeLessThan(text.indexOf(number))
    expect(text.split(number).length - 1).toBe(1)
  })
})

it('the serif face prints the rare name characters too; the few it lacks are checked against it', () => {
  const sans = fontCodePoints(new Uint8Array(readFileSync('resources/public/fonts/NotoSansSC-Regular.ttf')))
  const serif = fontCodePoints(new Uint8Array(readFileSync('resources/public/fonts/NotoSerifSC-Regular.ttf')))
  for (const ch of '商量议事堃喆昇赟珺玥镕䶮〔〕，。：；“”（）√—') {
    expect(sans.has(ch.codePointAt(0)!), ch).toBe(true)
    expect(serif.has(ch.codePointAt(0)!), ch).toBe(true)
  }
  // A handful only (the worker lists them before saving, as for the sans face).
  expect([...sans].filter((c) => !serif.has(c)).length).toBeLessThan(20)
})

// 议题公示: posted before the meeting so residents know what will be decided.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import { para, when } from '../blocks'
import type { MeetingDocsInput } from '../inputs'
import { addressee, objectionLines, issuerBlock } from './noticeParts'

export function agendaNoticeToDocDef(input: MeetingDocsInput): DocDef {
  const { community, meeting } = input
  const notice = input.agendaNotice
  const content: Content[] = [
    { text: '议题公示', style: 'poster' },
    para(
      `经${community.partyOrg}研究，定于${when(meeting.date, meeting.startTime)}在${meeting.place ?? '（地点待定）'}召开${meeting.title}。现将拟协商议题公示如下：`,
    ),
    ...input.topics.map((t, i): Content => ({
      stack: [
        { text: `议题${i + 1}：${t.title}`, bold: true, fontSize: 13 },
        ...(t.description ? [{ text: t.description, margin: [14, 2, 0, 0] as [number, number, number, number] }] : []),
      ],
      margin: [0, 6, 0, 6],
    })),
    para(`欢迎${community.kind === 'village' ? '村民群众' : '居民群众'}和利益相关方列席会议、发表意见。`),
    ...(notice ? objectionLines(notice, '对上述议题有意见或建议的', community.kind === 'village') : []),
    issuerBlock(community.partyOrg, input.printedOn),
  ]
  return {
    frame: { title: `议题公示 ${meeting.title}`, communityName: community.name, date: chineseDate(input.printedOn) },
    content,
    official: { issuer: community.partyOrg, addressee: addressee(community.kind) },
  }
}

// 决议公示: a large-type poster for the notice board with the decisions, the
// notice period, how to object, the issuing body and room for the seal.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import { when } from '../blocks'
import { countsText, outcomeWords, RESULT } from '../labels'
import type { MeetingDocsInput } from '../inputs'
import { sealBlock } from './sealParts'
import { addressee, issuerBlock, objectionLines } from './noticeParts'

const BIG = 14

export function resolutionNoticeToDocDef(input: MeetingDocsInput): DocDef {
  const { meeting, community } = input
  const n = input.resolutionNotice ?? { periodDays: community.noticePeriodDays, places: [] }
  const words = outcomeWords(meeting.decides)
  // A deferred topic is on the board too, with its reason: residents see why it waits.
  const decided = input.topics.filter((t) => t.votes.length > 0 || t.resolution || t.deferredReason)
  const content: Content[] = [
    { text: words.notice, style: 'poster', fontSize: 30 },
    {
      text: `${when(meeting.date, meeting.startTime)}，${community.name}在${meeting.place ?? ''}召开${meeting.title}，对以下事项进行了协商议事，现将结果公示如下：`,
      fontSize: BIG,
      lineHeight: 1.45,
      margin: [0, 0, 0, 8],
    },
    ...decided.map((t, i): Content => {
      const last = t.votes[t.votes.length - 1]
      const why = last?.deferReason ?? t.deferredReason
      const result = last?.result
        ? `（${RESULT[last.result]}${last.counts && last.result !== 'deferred' ? `：${countsText(last.method, last.counts, last.rule)}` : ''}${last.result === 'deferred' && why ? `，原因：${why}` : ''}${last.correction ? '，经更正' : ''}）`
        : t.deferredReason
          ? `（暂缓表决，原因：${t.deferredReason}）`
          : t.withoutVote
            ? '（经协商一致，未经表决）'
            : ''
      return {
        unbreakable: true,
        stack: [
          { text: `${i + 1}. ${t.title}${result}`, bold: true, fontSize: BIG + 1 },
          ...(t.resolution
            ? [
                {
                  text: t.resolution,
                  fontSize: BIG,
                  lineHeight: 1.45,
                  margin: [20, 2, 0, 0] as [number, number, number, number],
                },
              ]
            : []),
        ],
        margin: [0, 4, 0, 6],
      }
    }),
    ...objectionLines(
      n,
      `${community.kind === 'village' ? '村民群众' : '居民群众'}如有异议`,
      community.kind === 'village',
      BIG,
    ),
    issuerBlock(community.partyOrg, n.startsOn ?? input.printedOn, true, BIG),
  ]
  if (input.seal)
    content.push(sealBlock(input.seal, `本会表决和${words.outcome}已封存。在“商量”中输入核验码或扫描二维码即可核对。`))
  return {
    frame: {
      title: `${words.notice} ${meeting.title}`,
      communityName: community.name,
      date: chineseDate(n.startsOn ?? input.printedOn),
    },
    content,
    official: { issuer: community.partyOrg, addressee: addressee(community.kind) },
  }
}

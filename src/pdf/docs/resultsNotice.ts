// 实施结果公示: the second publication, reporting what was done and how
// residents judged it, every evaluation round included.
import type { Content, TableCell } from 'pdfmake/interfaces'
import { percent, SCALE_ANSWERS } from '@/domain/evaluation'
import type { ActionItem, Evaluation } from '@/domain/resolution'
import { chineseDate, type DocDef } from '../layout'
import { dateCell } from '../blocks'
import { addressee, issuerBlock } from './noticeParts'
import { ANSWER_LABELS, METHOD_LABELS } from './evaluationBallot'

export interface ResultsNoticeInput {
  communityName: string
  partyOrg: string
  meetingTitle: string
  meetingDate?: string
  startsOn: string
  endsOn: string
  items: { item: ActionItem; evaluations: Evaluation[] }[]
}

/**
 * 满意 40 人、基本满意 6 人、不满意 4 人（另有无效票 2 张）: invalid ballots are
 * printed wherever the round recorded them (older rounds did not), so the
 * figures add up to the ballots returned and the rate is read against the valid ones.
 */
const countsText = (e: Evaluation) =>
  SCALE_ANSWERS[e.scale].keys.map((k, i) => `${ANSWER_LABELS[k] ?? k}${e.counts[i] ?? 0}人`).join('、') +
  (e.invalid !== undefined ? `（另有无效票 ${e.invalid} 张）` : '')

function history(no: number, item: ActionItem, evaluations: Evaluation[]): Content[] {
  return [
    { text: `${no}. ${item.title}`, style: 'h3' },
    {
      ul: evaluations.map(
        (e) =>
          `第${e.round}轮（${chineseDate(e.on)}，${METHOD_LABELS[e.method] ?? e.method}）：${countsText(e)}，满意率 ${percent(e.rate)}，${
            e.passed ? '评议通过' : `未达标，返工。原因：${e.reworkReason ?? ''}`
          }`,
      ),
    },
  ]
}

export function resultsNoticeToDocDef(input: ResultsNoticeInput): DocDef {
  const head: TableCell[] = ['序号', '事项', '责任人', '完成标准', '完成时间', '监督人', '群众评议'].map((text) => ({
    text,
    style: 'th',
  }))
  const rows: TableCell[][] = input.items.map(({ item, evaluations }, i) => {
    const last = evaluations.at(-1)
    const no: TableCell = { text: String(i + 1), alignment: 'center', style: 'cell' }
    const cells = [
      item.title,
      item.owner,
      item.standard,
      item.supervisor,
      last
        ? `满意率 ${percent(last.rate)}${evaluations.length > 1 ? `（经${evaluations.length - 1}次返工）` : ''}`
        : '—',
    ].map((text): TableCell => ({ text, style: 'cell' }))
    cells.splice(3, 0, dateCell(item.doneOn ?? item.dueOn))
    return [no, ...cells]
  })
  const evaluated = input.items.filter((x) => x.evaluations.length > 0)
  return {
    frame: {
      title: `实施结果公示：${input.meetingTitle}`,
      communityName: input.communityName,
      date: chineseDate(input.startsOn),
    },
    content: [
      { text: '实施结果公示', style: 'poster' },
      {
        text: `根据${chineseDate(input.meetingDate)}${input.meetingTitle}议定事项，现将落实情况及群众评议结果公示如下：`,
        margin: [0, 0, 0, 8],
      },
      {
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths: ['auto', '*', 'auto', '*', 'auto', 'auto', 'auto'],
          body: [head, ...rows],
        },
        layout: 'form',
      },
      ...(evaluated.length
        ? [
            { text: '群众评议经过', style: 'h2' } as Content,
            ...evaluated.flatMap((x, i) => history(i + 1, x.item, x.evaluations)),
          ]
        : []),
      {
        text: `公示期：${chineseDate(input.startsOn)}至${chineseDate(input.endsOn)}。如有异议，请在公示期内向${input.partyOrg}反映。`,
        margin: [0, 16, 0, 0],
      },
      issuerBlock(input.partyOrg, input.startsOn),
    ],
    official: { issuer: input.partyOrg, addressee: addressee() },
  }
}

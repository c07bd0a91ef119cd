// 群众评议票: paper ballots residents' representatives tick, several to an A4
// page with dashed lines to cut along.
import type { Content, TableCell } from 'pdfmake/interfaces'
import { ANSWER_LABELS, SCALE_ANSWERS, type Scale } from '@/domain/evaluation'

export { ANSWER_LABELS }
import { chineseDate, type DocDef } from '../layout'

export const METHOD_LABELS: Record<string, string> = { meeting: '会议评议', ballot: '评议票', doorToDoor: '入户评议' }

export interface BallotInput {
  communityName: string
  /** The day the ballots are printed for (YYYY-MM-DD) */
  date: string
  title: string
  standard: string
  owner: string
  dueOn: string
  scale: Scale
  /** Which round: a rework is evaluated again on a fresh ballot */
  round: number
  /** Ballots to print */
  copies: number
}

function ballot(input: BallotInput): Content {
  const keys = SCALE_ANSWERS[input.scale].keys
  const head: TableCell[] = keys.map((k) => ({ text: ANSWER_LABELS[k] ?? k, style: 'th' }))
  const boxes: TableCell[] = keys.map(() => ({ text: ' ', margin: [0, 8, 0, 8] }))
  return {
    stack: [
      {
        text: `${input.communityName}群众评议票${input.round > 1 ? `（第${input.round}轮）` : ''}`,
        style: 'h2',
        alignment: 'center',
        margin: [0, 0, 0, 4],
      },
      { text: `评议事项：${input.title}`, style: 'label' },
      {
        text: `完成标准：${input.standard}\u3000\u3000责任单位（人）：${input.owner}\u3000\u3000完成时限：${chineseDate(input.dueOn)}`,
        style: 'cell',
        margin: [0, 2, 0, 6],
      },
      { text: '请在相应栏内打“√”（只能选一项，多选或不选为无效票）。', style: 'small', margin: [0, 0, 0, 4] },
      { table: { widths: keys.map(() => '*'), body: [head, boxes], dontBreakRows: true }, layout: 'form' },
      { text: '意见建议：________________________________________________________________', margin: [0, 8, 0, 0] },
    ],
  }
}

export function evaluationBallotToDocDef(input: BallotInput): DocDef {
  const copies = Math.max(1, Math.min(500, Math.floor(input.copies)))
  // One ballot per unbreakable row: about three fit a page, never split.
  const body: TableCell[][] = Array.from({ length: copies }, () => [ballot(input) as TableCell])
  return {
    frame: { title: `群众评议票：${input.title}`, communityName: input.communityName, date: chineseDate(input.date) },
    content: [{ table: { widths: ['*'], body, dontBreakRows: true }, layout: 'cutLines' }],
  }
}

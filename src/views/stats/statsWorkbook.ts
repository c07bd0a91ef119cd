// The statistics as an .xlsx workbook: a summary sheet and one sheet per
// breakdown. exceljs is loaded only when someone exports.
import { percent } from '@/domain/evaluation'
import type { Breakdown, PeriodStats } from '@/domain/stats'
import type { RequestFigures } from '@/domain/request-stats'
import { DEFAULT_HANDLING_NAMES } from '@/domain/handling'
import type { HandlingType } from '@/domain/request'

const rate = (r?: number) => (r === undefined ? '' : percent(r))

function breakdownRows(rows: Breakdown[], label: (k: string) => string = (k) => k): (string | number)[][] {
  return [
    ['', '受理', '解决', '解决率', '答复', '答复率'],
    ...rows.map((b) => [
      label(b.key),
      b.collected,
      b.resolved,
      rate(b.resolved / b.collected),
      b.answered,
      rate(b.answered / b.collected),
    ]),
  ]
}

/** The sheets as plain rows (Chinese, like the printed statistics table). */
export function statsSheets(
  s: PeriodStats,
  f?: RequestFigures,
  /** The community's handling type names (settings) */
  handlingNames: Record<HandlingType, string> = DEFAULT_HANDLING_NAMES,
): { name: string; rows: (string | number)[][] }[] {
  return [
    {
      name: '汇总',
      rows: [
        ['统计期间', `${s.period.from} 至 ${s.period.to}`],
        ['受理群众诉求（件）', s.collected],
        ['已解决（件）', s.resolved],
        ['解决率', rate(s.resolutionRate)],
        ['已答复（件，含不予采纳）', s.answered],
        ['答复率', rate(s.answerRate)],
        ['已反馈闭环（件）', s.loopsClosed],
        ['平均办结用时（天）', s.avgDaysToResolution === undefined ? '' : Number(s.avgDaysToResolution.toFixed(1))],
        ['本期到期落实事项（项）', s.itemsDue],
        ['按期完成（项）', s.itemsOnTime],
        ['按期完成率', rate(s.onTimeRate)],
        ['评议事项（项）', s.evaluatedItems],
        ['群众满意率', rate(s.satisfactionRate)],
        ['返工次数', s.reworkCount],
        ...(f
          ? [
              ['诉求回访（人）', f.reached],
              ['诉求满意率', rate(f.satisfactionRate)],
              ['矛盾纠纷排查（件）', f.disputes],
              ['矛盾纠纷化解（件）', f.disputesSettled],
              ['矛盾纠纷化解率', rate(f.disputeSettledRate)],
              ['诉求按期办结率', rate(f.onTimeRate)],
            ]
          : []),
      ],
    },
    { name: '按渠道', rows: breakdownRows(s.byChannel) },
    { name: '按办理类型', rows: breakdownRows(s.byHandlingType, (k) => handlingNames[k as HandlingType] ?? k) },
    { name: '按类别', rows: breakdownRows(s.byCategory) },
  ]
}

export async function statsWorkbook(
  s: PeriodStats,
  f: RequestFigures | undefined,
  handlingNames: Record<HandlingType, string>,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = '商量'
  for (const sheet of statsSheets(s, f, handlingNames)) {
    const ws = book.addWorksheet(sheet.name)
    ws.addRows(sheet.rows)
    ws.getColumn(1).width = 26
    ws.getRow(1).font = { bold: true }
  }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

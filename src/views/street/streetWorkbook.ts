// The street's statistics as an .xlsx: one row per community and a total,
// headings in Chinese like the printed table. exceljs loads only on export.
import { percent } from '@/domain/evaluation'
import type { StreetStats, StreetStatsRow } from '@/domain/street-stats'

const HEAD = [
  '社区（村）',
  '受理诉求',
  '已解决',
  '已答复',
  '满意率',
  '召开议事会',
  '议定议题',
  '完成落实事项',
  '超期事项',
]
const line = (r: StreetStatsRow, name: string) => [
  name,
  r.received,
  r.resolved,
  r.answered,
  r.satisfactionRate === undefined ? '' : percent(r.satisfactionRate),
  r.meetingsHeld,
  r.topicsDecided,
  r.itemsDone,
  r.itemsOverdue,
]

export function streetSheetRows(s: StreetStats): (string | number)[][] {
  return [
    [`统计期间：${s.period.from} 至 ${s.period.to}`],
    HEAD,
    ...s.rows.map((r) => line(r, r.name)),
    line(s.total, '合计'),
  ]
}

export async function streetWorkbook(s: StreetStats): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = '商量'
  const ws = book.addWorksheet('辖区统计')
  ws.addRows(streetSheetRows(s))
  ws.getColumn(1).width = 18
  ws.getRow(2).font = { bold: true }
  ws.getRow(ws.rowCount).font = { bold: true }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

// The request ledger (民情台账) as an .xlsx workbook with Chinese headers,
// the form street offices ask for. exceljs is loaded only when exporting.
export interface LedgerRow {
  no: number
  receivedOn: string
  channel: string
  raisedBy: string
  place: string
  category: string
  description: string
  handlingType: string
  dueOn: string
  status: string
  dueState: string
  decision: string
  decidedOn: string
  decisionNote: string
  topic: string
  handler: string
  resolvedOn: string
  settlement: string
  escalation: string
  log: string
  feedback: string
  satisfaction: string
}

export const LEDGER_COLUMNS: { key: keyof LedgerRow; header: string; width: number }[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'receivedOn', header: '受理日期', width: 12 },
  { key: 'channel', header: '收集渠道', width: 16 },
  { key: 'raisedBy', header: '反映人', width: 10 },
  { key: 'place', header: '楼栋/小区/村民小组', width: 16 },
  { key: 'category', header: '类别', width: 10 },
  { key: 'description', header: '诉求内容', width: 44 },
  { key: 'handlingType', header: '办理类型', width: 10 },
  { key: 'dueOn', header: '办结时限', width: 12 },
  { key: 'status', header: '办理状态', width: 10 },
  { key: 'dueState', header: '时限提醒', width: 10 },
  { key: 'decision', header: '处理决定', width: 10 },
  { key: 'decidedOn', header: '决定日期', width: 12 },
  { key: 'decisionNote', header: '理由/上报去向', width: 30 },
  { key: 'topic', header: '所列议题', width: 24 },
  { key: 'handler', header: '承办人', width: 12 },
  { key: 'resolvedOn', header: '办结日期', width: 12 },
  { key: 'settlement', header: '按期情况', width: 10 },
  { key: 'escalation', header: '上报及答复', width: 44 },
  { key: 'log', header: '办理日志', width: 50 },
  { key: 'feedback', header: '反馈情况', width: 36 },
  { key: 'satisfaction', header: '满意度', width: 10 },
]

export async function ledgerToXlsx(title: string, rows: LedgerRow[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '商量'
  const sheet = workbook.addWorksheet('民情台账', { views: [{ state: 'frozen', ySplit: 2 }] })
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length)
  const titleCell = sheet.getCell(1, 1)
  titleCell.value = title
  titleCell.font = { bold: true, size: 14 }
  titleCell.alignment = { horizontal: 'center' }
  const header = sheet.getRow(2)
  LEDGER_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header
    sheet.getColumn(i + 1).width = c.width
  })
  header.font = { bold: true }
  for (const r of rows) {
    const row = sheet.addRow(LEDGER_COLUMNS.map((c) => r[c.key]))
    row.alignment = { vertical: 'top', wrapText: true }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** The import template: the header row the import reads, and one example row to overwrite. */
export async function ledgerTemplateXlsx(headers: readonly string[], example: readonly string[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '商量'
  const sheet = workbook.addWorksheet('民情台账')
  sheet.addRow([...headers]).font = { bold: true }
  sheet.addRow([...example])
  headers.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(10, h.length * 2 + 4)))
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

// Reads the first sheet of an .xlsx or a .csv file into header + rows of
// strings. The xlsx library is loaded only when a workbook is opened.
import { utcDay } from '@/domain/calendar'
import Papa from 'papaparse'
import { problem, type Problem } from '@/domain/problem'

export interface Sheet {
  headers: string[]
  rows: Record<string, string>[]
}

export const MAX_SHEET_BYTES = 5 * 1024 * 1024

export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; problem: Problem }

export async function readSheet(file: File): Promise<SheetResult> {
  if (file.size === 0) return { ok: false, problem: problem('io.emptyFile') }
  if (file.size > MAX_SHEET_BYTES) return { ok: false, problem: problem('io.tooLarge', { mb: 5 }) }
  const lower = file.name.toLowerCase()
  try {
    if (lower.endsWith('.csv')) return { ok: true, sheet: parseCsv(await file.text()) }
    if (lower.endsWith('.xlsx')) return { ok: true, sheet: await parseXlsx(await file.arrayBuffer()) }
  } catch {
    return { ok: false, problem: problem('io.unreadable', { name: file.name }) }
  }
  return { ok: false, problem: problem('io.wrongType', { name: file.name }) }
}

export function parseCsv(text: string): Sheet {
  const clean = text.replace(/^\uFEFF/, '')
  const result = Papa.parse<Record<string, string>>(clean, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  })
  return { headers: result.meta.fields ?? [], rows: result.data }
}

export async function parseXlsx(buffer: ArrayBuffer): Promise<Sheet> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return { headers: [], rows: [] }
  const headers: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value).trim()
  })
  const rows: Record<string, string>[] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const record: Record<string, string> = {}
    let any = false
    headers.forEach((h, i) => {
      const text = cellText(row.getCell(i + 1).value).trim()
      if (text) any = true
      if (h) record[h] = text
    })
    if (any) rows.push(record)
  }
  return { headers: headers.filter(Boolean), rows }
}

/** Cell values come as numbers, dates, rich text or formulas; people typed text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  // exceljs gives a date cell as UTC midnight, so its UTC day is the day written in the cell.
  if (value instanceof Date) return utcDay(value)
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown }
    if (v.richText) return v.richText.map((p) => p.text).join('')
    if (typeof v.text === 'string') return v.text
    if (v.result !== undefined) return cellText(v.result)
    return ''
  }
  return String(value)
}

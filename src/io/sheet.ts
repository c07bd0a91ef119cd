// Reads the first sheet of an .xlsx, an old Excel .xls or a .csv file into header + rows of
// strings. The workbook libraries are loaded only when a workbook is opened.
import { utcDay } from '@/domain/calendar'
import Papa from 'papaparse'
import { problem, type Problem } from '@/domain/problem'

export interface Sheet {
  headers: string[]
  rows: Record<string, string>[]
  /** Row number, as the spreadsheet shows it, of rows[0] (title rows above the header are skipped) */
  firstRow: number
}

export const MAX_SHEET_BYTES = 5 * 1024 * 1024

export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; problem: Problem }

/** Tells the header row from title rows above it (WPS and Excel sheets often open with a title). */
export type HeaderTest = (cells: string[]) => boolean
const anyCells: HeaderTest = (cells) => cells.some(Boolean)
/** How far down a header row is looked for. */
const HEADER_SEARCH = 10

export async function readSheet(file: File, isHeader: HeaderTest = anyCells): Promise<SheetResult> {
  if (file.size === 0) return { ok: false, problem: problem('io.emptyFile') }
  if (file.size > MAX_SHEET_BYTES) return { ok: false, problem: problem('io.tooLarge', { mb: 5 }) }
  const lower = file.name.toLowerCase()
  try {
    if (lower.endsWith('.csv')) return { ok: true, sheet: parseCsv(decodeText(await file.arrayBuffer()), isHeader) }
    if (lower.endsWith('.xlsx')) return { ok: true, sheet: await parseXlsx(await file.arrayBuffer(), isHeader) }
    if (lower.endsWith('.xls')) return { ok: true, sheet: await parseXls(await file.arrayBuffer(), isHeader) }
  } catch {
    return { ok: false, problem: problem('io.unreadable', { name: file.name }) }
  }
  return { ok: false, problem: problem('io.wrongType', { name: file.name }) }
}

/**
 * Text of a CSV file: UTF-8 when it is valid UTF-8, else GB18030 (a superset of GBK),
 * which is what Excel and WPS on a Chinese Windows write by default.
 */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

export function parseCsv(text: string, isHeader: HeaderTest = anyCells): Sheet {
  const clean = text.replace(/^\uFEFF/, '')
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: false })
  return fromGrid(result.data, isHeader)
}

/** Rows of cells → header + records; rows above the header and empty rows are dropped. */
export function fromGrid(grid: string[][], isHeader: HeaderTest = anyCells): Sheet {
  const trimmed = grid.map((r) => r.map((c) => String(c ?? '').trim()))
  let at = trimmed.slice(0, HEADER_SEARCH).findIndex(isHeader)
  if (at < 0) at = trimmed.findIndex(anyCells)
  if (at < 0) return { headers: [], rows: [], firstRow: 2 }
  const headers = trimmed[at]!
  const rows: Record<string, string>[] = []
  let firstRow = 0
  for (let r = at + 1; r < trimmed.length; r++) {
    const cells = trimmed[r]!
    if (!cells.some(Boolean)) continue
    if (!firstRow) firstRow = r + 1
    const record: Record<string, string> = {}
    headers.forEach((h, i) => {
      if (h) record[h] = cells[i] ?? ''
    })
    rows.push(record)
  }
  return { headers: headers.filter(Boolean), rows, firstRow: firstRow || at + 2 }
}

export async function parseXlsx(buffer: ArrayBuffer, isHeader: HeaderTest = anyCells): Promise<Sheet> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return { headers: [], rows: [], firstRow: 2 }
  const grid: string[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells: string[] = []
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value)
    })
    grid.push(Array.from(cells, (c) => c ?? ''))
  }
  return fromGrid(grid, isHeader)
}

/**
 * An Excel 97–2003 (BIFF) workbook, as older office PCs and many WPS installs still save.
 * exceljs reads only .xlsx; SheetJS CE reads BIFF and runs in the browser and in Node.
 * Cells come as the text Excel shows (dates as formatted, numbers without float noise).
 */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export async function parseXls(buffer: ArrayBuffer, isHeader: HeaderTest = anyCells): Promise<Sheet> {
  // Only a real OLE compound file: SheetJS would otherwise read any bytes as text.
  const head = new Uint8Array(buffer.slice(0, 8))
  if (!OLE_SIGNATURE.every((b, i) => head[i] === b)) throw new Error('not an Excel 97-2003 workbook')
  const XLSX = await import('@e965/xlsx')
  const workbook = XLSX.read(new Uint8Array(buffer), { type: 'array', cellDates: true, dense: true })
  const first = workbook.SheetNames[0]
  const sheet = first ? workbook.Sheets[first] : undefined
  if (!sheet) return { headers: [], rows: [], firstRow: 2 }
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: false,
    defval: '',
    blankrows: true,
    dateNF: 'yyyy-mm-dd',
  })
  return fromGrid(
    grid.map((r) => r.map((c) => String(c ?? ''))),
    isHeader,
  )
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

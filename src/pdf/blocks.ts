// Small content pieces the documents share: form tables, headings,
// signature lines. Pure data in, pdfmake content out.
import type { Content, TableCell } from 'pdfmake/interfaces'
import { maskName, maskText } from '@/domain/privacy'
import type { PublicOptions } from './inputs'
import { chineseDate } from './layout'

export type Cell = string | number | TableCell

const asCell = (c: Cell): TableCell => (typeof c === 'object' ? c : { text: String(c), style: 'cell' })

/**
 * A ruled table with a repeated header row. Rows never split across pages
 * (dontBreakRows): a row cut in two leaves one character on the next page;
 * the header never stays alone at a page foot (keepWithHeaderRows). An
 * 'auto' width is the column's widest cell (fit.ts): dates and names never wrap.
 */
export function formTable(headers: string[], rows: Cell[][], widths: (number | string)[]): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows.map((r) => r.map(asCell))],
    },
    layout: 'form',
    margin: [0, 2, 0, 8],
  }
}

/** A date in a table: never broken over two lines (fit.ts sizes its column to it). */
export const dateCell = (iso: string | undefined): TableCell => ({
  text: chineseDate(iso),
  style: 'cell',
  noWrap: true,
})

/** A two-column form: label on the left (shaded), value on the right. */
export function fieldTable(fields: [string, Cell][], labelWidth = 90): Content {
  return {
    table: {
      dontBreakRows: true,
      widths: [labelWidth, '*'],
      body: fields.map(([label, value]) => [{ text: label, style: 'th' }, asCell(value)]),
    },
    layout: 'form',
    margin: [0, 2, 0, 8],
  }
}

/** A heading; headlineLevel lets the frame move it to the next page rather than leave it last on one. */
export const h2 = (text: string): Content => ({ text, style: 'h2', headlineLevel: 2 })
export const h3 = (text: string): Content => ({ text, style: 'h3', headlineLevel: 3 })
export const para = (text: string): Content => ({ text, margin: [0, 0, 0, 4] })
export const note = (text: string): Content => ({ text, style: 'small', margin: [0, 0, 0, 4] })

/**
 * "主持人（签字）：________" lines, kept on one page with `above` (the text
 * they sign for), so the signatures never stand alone on the last page.
 */
export function signatures(labels: string[], above: Content[] = []): Content {
  const lines: Content = {
    margin: [0, 24, 0, 0],
    columns: labels.map((label) => ({ text: `${label}（签字）：______________`, margin: [0, 0, 0, 14] })),
  }
  return { unbreakable: true, stack: [...above, lines] }
}

/** Text for a public version: phone and ID numbers masked. */
export function publicText(text: string, opts?: PublicOptions): string {
  return opts?.public ? maskText(text) : text
}

/** A resident's name for a public version that hides names. */
export function publicName(name: string, opts?: PublicOptions): string {
  return opts?.hideNames ? maskName(name) : name
}

/** "2026-12-10" + "14:30" → 2026年12月10日 14:30 */
export function when(date: string | undefined, time?: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '')
  const day = d ? `${d[1]}年${Number(d[2])}月${Number(d[3])}日` : (date ?? '')
  return time ? `${day} ${time}` : day
}

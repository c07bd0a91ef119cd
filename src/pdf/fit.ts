// Table columns sized to their content, and no cell line of one or two
// characters. Runs just before prebreak, with the same font metrics:
//  - an 'auto' column gets the exact width of its widest cell, so dates,
//    names and numbers never wrap (pdfmake's own 'auto' shrinks columns
//    when space is short and leaves "日" alone on a line);
//  - a cell whose text would end on a line of one or two characters gets a
//    little side margin, so more characters move down to that last line.
// Widths follow pdfmake's rules, as in prebreak.ts (paddings, rules, stars).
import type { Content, Style, StyleDictionary } from 'pdfmake/interfaces'
import { lineStarts } from './linebreak'
import type { FontMetrics } from './metrics'
import { edges, tableOffsets, type PrebreakEnv } from './prebreak'

type Node = Record<string, unknown>
const isNode = (c: unknown): c is Node => typeof c === 'object' && c !== null && !Array.isArray(c)

interface Ctx {
  width: number
  fontSize: number
  bold: boolean
}

/** A star column keeps at least this many points; auto columns give way below it. */
const MIN_STAR = 96
/** An auto column never takes more than this share of the table. */
const MAX_AUTO_SHARE = 0.25
/** A wrapped cell's last line holds at least this many characters. */
const MIN_LAST_LINE = 3
/** Matches prebreak's SLACK, plus room for pdfkit's rounding on a line that is exactly full. */
const SLACK = 0.5

function styleOf(node: Node, styles: StyleDictionary): Style & Node {
  const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style]
  const merged: Style & Node = {}
  for (const name of names) if (typeof name === 'string') Object.assign(merged, styles[name])
  for (const key of ['fontSize', 'bold', 'margin', 'font', 'noWrap'])
    if (node[key] !== undefined) merged[key] = node[key]
  return merged
}

function horizontalMargin(margin: unknown): number {
  if (typeof margin === 'number') return margin * 2
  if (Array.isArray(margin)) return margin.length === 2 ? Number(margin[0]) * 2 : Number(margin[0]) + Number(margin[2])
  return 0
}

function inner(node: Node, ctx: Ctx, env: PrebreakEnv): Ctx {
  const s = styleOf(node, env.styles)
  return {
    width: ctx.width - horizontalMargin(s.margin),
    fontSize: typeof s.fontSize === 'number' ? s.fontSize : ctx.fontSize,
    bold: typeof s.bold === 'boolean' ? s.bold : ctx.bold,
  }
}

interface Plain {
  text: string
  ctx: Ctx
  /** Must stay on one line (a date): its column is never narrower than it */
  noWrap: boolean
}

/** A cell's text as one string with its font, or undefined when it holds more than plain text. */
function plainText(cell: unknown, ctx: Ctx, env: PrebreakEnv): Plain | undefined {
  if (typeof cell === 'string' || typeof cell === 'number') return { text: String(cell), ctx, noWrap: false }
  if (!isNode(cell)) return undefined
  if (typeof cell.text !== 'string' && typeof cell.text !== 'number') return undefined
  const s = styleOf(cell, env.styles)
  if (s.font !== undefined) return undefined
  return { text: String(cell.text), ctx: inner(cell, ctx, env), noWrap: Boolean(s.noWrap) }
}

function charWidths(text: string, ctx: Ctx, metrics: FontMetrics): { chars: string[]; widths: number[] } {
  const face = ctx.bold ? metrics.bold : metrics.normal
  const chars = [...text]
  const widths = chars.map((ch) =>
    ch === '\n' ? 0 : ((face.advances.get(ch.codePointAt(0)!) ?? face.fallback) * ctx.fontSize) / 1000,
  )
  return { chars, widths }
}

/** Width of the widest line of `text` left unbroken. */
function naturalWidth(text: string, ctx: Ctx, metrics: FontMetrics): number {
  const { chars, widths } = charWidths(text, ctx, metrics)
  let best = 0
  let line = 0
  chars.forEach((ch, i) => {
    if (ch === '\n') line = 0
    else best = Math.max(best, (line += widths[i]!))
  })
  return best
}

/** Characters on the last line of each paragraph when broken at `width`; the smallest of them when wrapped. */
function shortestLastLine(text: string, ctx: Ctx, width: number, metrics: FontMetrics): number | undefined {
  const { chars, widths } = charWidths(text, ctx, metrics)
  const starts = lineStarts(chars, widths, width - 0.01)
  let shortest: number | undefined
  for (let l = 1; l < starts.length; l++) {
    const end = l + 1 < starts.length ? starts[l + 1]! : chars.length
    // A paragraph that wrapped: its line l is a continuation, not after a \n.
    if (chars[starts[l]! - 1] === '\n') continue
    const endsParagraph = end === chars.length || chars[end - 1] === '\n'
    if (!endsParagraph) continue
    const n = chars.slice(starts[l], end).filter((c) => c !== '\n' && c.trim() !== '').length
    shortest = shortest === undefined ? n : Math.min(shortest, n)
  }
  return shortest
}

/**
 * The side margin that moves enough characters to a short last line, or 0.
 * Narrowing the cell by one character per step carries one more character
 * from each full line down to the last.
 */
function widowMargin(text: string, ctx: Ctx, width: number, metrics: FontMetrics): number {
  const last = shortestLastLine(text, ctx, width, metrics)
  if (last === undefined || last >= MIN_LAST_LINE) return 0
  const step = ctx.fontSize / 2
  for (let cut = step; cut < width * 0.35; cut += step) {
    const now = shortestLastLine(text, ctx, width - cut, metrics)
    if (now === undefined || now >= MIN_LAST_LINE) return cut
  }
  return 0
}

function columnWidths(node: Node, ctx: Ctx, env: PrebreakEnv): number[] | undefined {
  const table = node.table as { widths?: unknown[]; body: unknown[][] }
  const widths = table.widths
  if (!Array.isArray(widths)) return undefined
  if (widths.some((w) => typeof w !== 'number' && w !== '*' && w !== 'star' && w !== 'auto')) return undefined
  const offsets = tableOffsets(widths.length, edges(node, env.layouts))
  const available = ctx.width - offsets - widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0)
  // Per auto column: its widest cell, and the widest cell that must not wrap.
  const natural = widths.map(() => 0)
  const floor = widths.map(() => 0)
  widths.forEach((w, c) => {
    if (w !== 'auto') return
    for (const row of table.body) {
      const cell = row[c]
      if (isNode(cell) && typeof cell.colSpan === 'number' && cell.colSpan > 1) continue
      const plain = plainText(cell, ctx, env)
      if (!plain) continue
      const margin = isNode(cell) ? horizontalMargin(styleOf(cell, env.styles).margin) : 0
      const need = Math.ceil(naturalWidth(plain.text, plain.ctx, env.metrics) + margin + SLACK)
      natural[c] = Math.max(natural[c]!, need)
      // Under six characters no break avoids a line of one or two: such text stays whole.
      const short = [...plain.text.replace(/\s/g, '')].length < 2 * MIN_LAST_LINE
      if (plain.noWrap || short) floor[c] = Math.max(floor[c]!, need)
    }
    natural[c] = Math.max(natural[c]!, Math.ceil(ctx.fontSize + SLACK), floor[c]!)
  })
  const stars = widths.filter((w) => w === '*' || w === 'star').length
  const room = Math.max(available - stars * MIN_STAR, 0)
  const share = available * MAX_AUTO_SHARE
  const at = (cap: number) => natural.map((n, c) => (widths[c] === 'auto' ? Math.max(floor[c]!, Math.min(n, cap)) : 0))
  const total = (cap: number) => at(cap).reduce((s, w) => s + w, 0)
  // Not enough room: the widest auto columns give way first (and may then
  // wrap); narrow ones such as 序号, and cells that must not wrap, keep their width.
  let lo = 0
  let hi = share
  if (total(hi) > room) {
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2
      if (total(mid) > room) hi = mid
      else lo = mid
    }
    hi = lo
  }
  const autos = at(hi)
  const fitted = widths.map((w, c) => (w === 'auto' ? Math.floor(autos[c]!) : w))
  table.widths = fitted
  const fixed = fitted.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0)
  const star = stars > 0 ? (ctx.width - offsets - fixed) / stars : 0
  return fitted.map((w) => (typeof w === 'number' ? w : star))
}

function fitTable(node: Node, ctx: Ctx, env: PrebreakEnv): void {
  const cols = columnWidths(node, ctx, env)
  if (!cols) return
  const e = edges(node, env.layouts)
  const between = (k: number) => e.right(k - 1) + e.rule(k) + e.left(k)
  const body = (node.table as { body: unknown[][] }).body
  for (const row of body) {
    row.forEach((cell, c) => {
      const span = isNode(cell) && typeof cell.colSpan === 'number' ? cell.colSpan : 1
      let width = 0
      for (let k = c; k < c + span && k < cols.length; k++) width += cols[k]! + (k > c ? between(k) : 0)
      const plain = plainText(cell, ctx, env)
      if (plain?.noWrap) return
      if (plain) {
        const own = isNode(cell) ? styleOf(cell, env.styles).margin : undefined
        const textWidth = plain.ctx.width - ctx.width + width
        const cut = widowMargin(plain.text, plain.ctx, textWidth, env.metrics)
        if (cut > 0) {
          const node: Node = isNode(cell) ? cell : { text: String(cell) }
          const [l = 0, t = 0, r = 0, b = 0] = Array.isArray(own) && own.length === 4 ? (own as number[]) : []
          node.margin = [l + cut / 2, t, r + cut / 2, b]
          row[c] = node
        }
      } else if (isNode(cell)) walk(cell, { ...ctx, width }, env)
    })
  }
}

function walk(content: unknown, ctx: Ctx, env: PrebreakEnv): void {
  if (Array.isArray(content)) {
    for (const c of content) walk(c, ctx, env)
    return
  }
  if (!isNode(content)) return
  const here = inner(content, ctx, env)
  if (Array.isArray(content.stack)) walk(content.stack, here, env)
  else if (isNode(content.table)) fitTable(content, here, env)
  else if (Array.isArray(content.columns)) {
    const columns = content.columns as unknown[]
    const specs = columns.map((c) => (isNode(c) ? c.width : undefined))
    if (specs.some((w) => w !== undefined && typeof w !== 'number' && w !== '*' && w !== 'star')) return
    const gap = typeof content.columnGap === 'number' ? content.columnGap : 0
    const available = here.width - gap * (columns.length - 1)
    const fixed = specs.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0)
    const stars = specs.filter((w) => typeof w !== 'number').length
    const star = stars > 0 ? (available - fixed) / stars : 0
    columns.forEach((c, i) =>
      walk(c, { ...here, width: typeof specs[i] === 'number' ? (specs[i] as number) : star }, env),
    )
  }
}

/**
 * Sizes 'auto' table columns to their content and keeps short last lines out
 * of table cells. Works in place on a copy the caller owns.
 */
export function fitTables(content: Content[], width: number, base: Style, env: PrebreakEnv): Content[] {
  walk(content, { width, fontSize: base.fontSize ?? 12, bold: base.bold ?? false }, env)
  return content
}

// Breaks paragraphs into lines before pdfmake lays them out. pdfmake splits
// text at every Unicode line-break opportunity — between any two Chinese
// characters — and measures, positions and writes each piece as its own text
// object: about 4,400 on four pages, most of the render time and of the file.
// Given lines it cannot break further (noWrap), it writes one text object per
// line. Widths follow pdfmake's own rules (page margins, node margins, table
// paddings and borders, star columns); where they cannot be known exactly
// (auto-sized columns, lists) the content is left for pdfmake to break.
import type { Content, CustomTableLayout, Style, StyleDictionary, TableCell } from 'pdfmake/interfaces'
import { lineStarts } from './linebreak'
import type { FontMetrics } from './metrics'

interface Ctx {
  /** Width available to the node's content, in points */
  width: number
  fontSize: number
  bold: boolean
}

export interface PrebreakEnv {
  metrics: FontMetrics
  styles: StyleDictionary
  layouts: Record<string, CustomTableLayout>
}

/** Properties that change how wide text is and that this pass does not model: such nodes stay as they are. */
const UNMODELLED = ['characterSpacing', 'sup', 'sub', 'font', 'leadingIndent', 'preserveLeadingSpaces', 'noWrap']

/** pdfmake's table defaults (its defaultTableLayout). */
const DEFAULT_EDGE = { padding: 4, rule: 1 }

/**
 * Rounding differs slightly between these widths and pdfkit's; a line a hair
 * too wide would make pdfmake move its last styled piece to a line of its own.
 */
const SLACK = 0.01

type Node = Record<string, unknown>

const isNode = (c: unknown): c is Node => typeof c === 'object' && c !== null && !Array.isArray(c)

/** Horizontal margins of [l, t, r, b] | [h, v] | n. */
function horizontalMargin(margin: unknown): number {
  if (typeof margin === 'number') return margin * 2
  if (Array.isArray(margin)) return margin.length === 2 ? Number(margin[0]) * 2 : Number(margin[0]) + Number(margin[2])
  return 0
}

/** The node's style names resolved, then its own properties, as pdfmake's style stack does. */
function ownStyle(node: Node, env: PrebreakEnv): Style & Node {
  const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style]
  const merged: Style & Node = {}
  for (const name of names) if (typeof name === 'string') Object.assign(merged, env.styles[name])
  for (const key of ['fontSize', 'bold', 'margin', ...UNMODELLED]) if (node[key] !== undefined) merged[key] = node[key]
  return merged
}

function enter(node: Node, ctx: Ctx, env: PrebreakEnv): { ctx: Ctx; style: Style & Node } {
  const style = ownStyle(node, env)
  return {
    style,
    ctx: {
      width: ctx.width - horizontalMargin(style.margin),
      fontSize: typeof style.fontSize === 'number' ? style.fontSize : ctx.fontSize,
      bold: typeof style.bold === 'boolean' ? style.bold : ctx.bold,
    },
  }
}

const unmodelled = (style: Node) => UNMODELLED.some((k) => style[k] !== undefined && style[k] !== false)

interface Run {
  text: string
  bold: boolean
  fontSize: number
  /** The piece's own properties (color, decoration …), kept on its lines */
  props: Node
}

/** The pieces of a text node, with their effective font; undefined when one of them is not modelled. */
function runsOf(text: unknown, ctx: Ctx, env: PrebreakEnv, out: Run[] = []): Run[] | undefined {
  if (typeof text === 'string' || typeof text === 'number') {
    out.push({ text: String(text), bold: ctx.bold, fontSize: ctx.fontSize, props: {} })
    return out
  }
  if (Array.isArray(text)) {
    for (const t of text) if (!runsOf(t, ctx, env, out)) return undefined
    return out
  }
  if (!isNode(text)) return undefined
  const style = ownStyle(text, env)
  if (unmodelled(style)) return undefined
  const inner = enter(text, ctx, env).ctx
  if (Array.isArray(text.text)) return runsOf(text.text, inner, env, out)
  const { text: body, ...props } = text
  out.push({ text: String(body ?? ''), bold: inner.bold, fontSize: inner.fontSize, props })
  return out
}

const HAN = /\p{sc=Han}/u
const CLOSES = new Set([...'，。、；：？！）」』】》'])
const OPENS = new Set([...'（「『【《'])
/** Whether Unicode line breaking (pdfmake's) surely allows a break between a and b: Chinese on both sides. */
function unicodeBreak(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === '\n' || b === '\n') return false
  return (HAN.test(a) || CLOSES.has(a)) && (HAN.test(b) || OPENS.has(b))
}

function breakText(node: Node, ctx: Ctx, env: PrebreakEnv): Content {
  const runs = runsOf(node.text, ctx, env)
  if (!runs || runs.every((r) => r.text === '')) return node as unknown as Content
  const chars: string[] = []
  const widths: number[] = []
  const owner: number[] = []
  runs.forEach((run, r) => {
    const face = run.bold ? env.metrics.bold : env.metrics.normal
    const scale = run.fontSize / 1000
    for (const ch of run.text) {
      chars.push(ch)
      widths.push(ch === '\n' ? 0 : (face.advances.get(ch.codePointAt(0)!) ?? face.fallback) * scale)
      owner.push(r)
    }
  })
  const starts = lineStarts(chars, widths, ctx.width - SLACK)
  // One piece per run on each line, the last one marked lineEnd: pdfmake
  // copies it to the inline and ends the line there, as for its own breaks.
  // Where the edge between two lines is no Unicode break (说|“同意, a cut
  // long word) pdfmake would glue the two pieces together, so the line ends
  // with an empty piece there instead.
  const pieces: Node[] = []
  for (let l = 0; l < starts.length; l++) {
    const end = l + 1 < starts.length ? starts[l + 1]! : chars.length
    if (l > 0 && l === starts.length - 1 && starts[l] === chars.length) break // a trailing \n adds no line
    const first = pieces.length
    for (let i = starts[l]!; i < end; i++) {
      if (chars[i] === '\n') continue
      const last = pieces.length > first ? pieces.at(-1) : undefined
      if (last && last.__run === owner[i]) last.text += chars[i]!
      else pieces.push({ ...runs[owner[i]!]!.props, text: chars[i]!, __run: owner[i] })
    }
    if (pieces.length === first) pieces.push({ text: '' })
    if (l + 1 < starts.length) {
      if (unicodeBreak(chars[end - 1], chars[end])) pieces.at(-1)!.lineEnd = true
      else pieces.push({ text: '', lineEnd: true })
    }
  }
  for (const p of pieces) delete p.__run
  const plain = pieces.length === 1 && Object.keys(pieces[0]!).length === 1
  return { ...node, text: plain ? pieces[0]!.text : pieces, noWrap: true } as unknown as Content
}

type Edge = (i: number) => number

/** The table layout's paddings and vertical rules, pdfmake's defaults where it sets none. */
export function edges(node: Node, layouts: PrebreakEnv['layouts']): { left: Edge; right: Edge; rule: Edge } {
  const named = typeof node.layout === 'string' ? layouts[node.layout] : isNode(node.layout) ? node.layout : {}
  const layout = (named ?? {}) as CustomTableLayout
  const call = (f: unknown, fallback: number): Edge =>
    typeof f === 'function' ? (i) => Number((f as (i: number, n: unknown) => unknown)(i, node) ?? 0) : () => fallback
  return {
    left: call(layout.paddingLeft, DEFAULT_EDGE.padding),
    right: call(layout.paddingRight, DEFAULT_EDGE.padding),
    rule: call(layout.vLineWidth, DEFAULT_EDGE.rule),
  }
}

/** What pdfmake takes from a table's width besides its columns: per column the previous right padding, the rule and the left padding. */
export function tableOffsets(columns: number, e: ReturnType<typeof edges>): number {
  let offsets = 0
  let prevRight = 0
  for (let i = 0; i < columns; i++) {
    offsets += prevRight + e.rule(i) + e.left(i)
    prevRight = e.right(i)
  }
  return offsets + prevRight + e.rule(columns)
}

/** Content widths of a table's columns, or undefined when one is auto-sized or a percentage. */
export function tableColumns(node: Node, width: number, e: ReturnType<typeof edges>): number[] | undefined {
  const widths = (node.table as { widths?: unknown[] }).widths
  if (!Array.isArray(widths) || widths.some((w) => typeof w !== 'number' && w !== '*' && w !== 'star')) return undefined
  const offsets = tableOffsets(widths.length, e)
  const fixed = widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0)
  const stars = widths.filter((w) => typeof w !== 'number').length
  const star = stars > 0 ? (width - offsets - fixed) / stars : 0
  return widths.map((w) => (typeof w === 'number' ? w : star))
}

function breakTable(node: Node, ctx: Ctx, env: PrebreakEnv): Content {
  const e = edges(node, env.layouts)
  const cols = tableColumns(node, ctx.width, e)
  if (!cols) return node as unknown as Content
  const table = node.table as { body: unknown[][] } & Node
  // A cell spanning columns also gets the paddings and rules between them.
  const between = (k: number) => e.right(k - 1) + e.rule(k) + e.left(k)
  const body = table.body.map((row) =>
    row.map((cell, c) => {
      const span = isNode(cell) && typeof cell.colSpan === 'number' ? cell.colSpan : 1
      let width = 0
      for (let k = c; k < c + span && k < cols.length; k++) width += cols[k]! + (k > c ? between(k) : 0)
      return walk(cell as Content, { ...ctx, width }, env) as TableCell
    }),
  )
  return { ...node, table: { ...table, body } } as unknown as Content
}

function breakColumns(node: Node, ctx: Ctx, env: PrebreakEnv): Content {
  const columns = node.columns as unknown[]
  const widthOf = (c: unknown) => (isNode(c) ? c.width : undefined)
  const specs = columns.map(widthOf)
  if (specs.some((w) => w !== undefined && typeof w !== 'number' && w !== '*' && w !== 'star'))
    return node as unknown as Content
  const gap = typeof node.columnGap === 'number' ? node.columnGap : 0
  const available = ctx.width - gap * (columns.length - 1)
  const fixed = specs.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0)
  const stars = specs.filter((w) => typeof w !== 'number').length
  const star = stars > 0 ? (available - fixed) / stars : 0
  return {
    ...node,
    columns: columns.map((c, i) =>
      walk(c as unknown as Content, { ...ctx, width: typeof specs[i] === 'number' ? (specs[i] as number) : star }, env),
    ),
  } as unknown as Content
}

function walk(content: Content, ctx: Ctx, env: PrebreakEnv): Content {
  if (typeof content === 'string' || typeof content === 'number') return breakText({ text: content }, ctx, env)
  if (Array.isArray(content)) return content.map((c) => walk(c as unknown as Content, ctx, env)) as unknown as Content
  if (!isNode(content)) return content
  const { ctx: inner, style } = enter(content, ctx, env)
  if (unmodelled(style)) return content
  if (content.text !== undefined) return breakText(content, inner, env)
  if (Array.isArray(content.stack))
    return { ...content, stack: content.stack.map((c) => walk(c, inner, env)) } as unknown as Content
  if (Array.isArray(content.columns)) return breakColumns(content, inner, env)
  if (isNode(content.table)) return breakTable(content, inner, env)
  return content
}

/**
 * The content with every paragraph whose width is known broken into lines.
 * `width` is the page's content width; `base` the document's default style.
 */
export function prebreak(content: Content[], width: number, base: Style, env: PrebreakEnv): Content[] {
  const ctx: Ctx = { width, fontSize: base.fontSize ?? 12, bold: base.bold ?? false }
  return content.map((c) => walk(c, ctx, env))
}

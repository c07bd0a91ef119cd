// The page frame and shared styles of every document.
import type {
  Content,
  CustomTableLayout,
  DynamicContent,
  StyleDictionary,
  TDocumentDefinitions,
} from 'pdfmake/interfaces'
import { FONT_FAMILY } from './fonts'
import type { FontMetrics } from './metrics'
import { prebreak } from './prebreak'
import { fitTables } from './fit'
import { qrAsImages } from './qr'
import { inlineStyles } from './inline-styles'
import { OFFICIAL_MARGINS, officialBase, officialContent, officialFooter, withNumber, type DocStyle } from './style'

export interface FrameInput {
  /** Document title, for the PDF's metadata */
  title: string
  /** Printed in the header of every page */
  communityName: string
  /** Printed in the header of every page (YYYY-MM-DD or 2026年12月10日) */
  date: string
}

/** The style name that marks a short heading followed by a paragraph (markHeadingsBeforeText). */
const BEFORE_TEXT = 'beforeText'

export const STYLES: StyleDictionary = {
  title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
  /** 公文 title: 2号 (22 pt), bold serif, centred (GB/T 9704 §7.3.1) */
  officialTitle: { fontSize: 22, bold: true, alignment: 'center', lineHeight: 1.4, margin: [0, 0, 0, 16] },
  poster: { fontSize: 26, bold: true, alignment: 'center', margin: [0, 0, 0, 16] },
  h2: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
  h3: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
  label: { bold: true },
  small: { fontSize: 9, color: '#444444' },
  th: { bold: true, fontSize: 10, lineHeight: 1.2, fillColor: '#eeeeee', alignment: 'center' },
  cell: { fontSize: 10, lineHeight: 1.2 },
  /** No look: marks a short heading followed by a paragraph, for keepHeadingWithNext */
  [BEFORE_TEXT]: {},
}

/** 2026-12-10 → 2026年12月10日 */
export function chineseDate(iso: string | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso
}

/**
 * What every builder returns: plain data only (no functions), so it can be
 * asserted on in tests and posted to the render worker. Page furniture that
 * needs callbacks (header, footer) is added by `toPdfmake` at render time.
 */
export interface DocDef {
  frame: FrameInput
  content: Content[]
  /** Data-only extras: pageOrientation, pageMargins, watermark … */
  extra?: Partial<Pick<TDocumentDefinitions, 'pageOrientation' | 'pageMargins' | 'watermark' | 'background'>>
  /** 文号, e.g. 新华路社区纪〔2026〕3号: printed under the title (style.ts) */
  number?: string
  /** standard (default) or 公文 (GB/T 9704, Noto Serif SC): style.ts */
  style?: DocStyle
  /** 公文 style: print the red 版头 */
  redHeader?: boolean
  /** Set by the notices: who issues them and whom they address (主送), for the 公文 style */
  official?: { issuer: string; addressee?: string }
}

/** Named table layouts (functions live here, documents refer to them by name). */
export const TABLE_LAYOUTS: Record<string, CustomTableLayout> = {
  /** Dashed lines between ballots, for cutting */
  cutLines: {
    hLineWidth: (i) => (i === 0 ? 0 : 0.8),
    vLineWidth: () => 0,
    hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
    paddingTop: () => 14,
    paddingBottom: () => 14,
  },
  /** Thin grey grid for forms */
  form: {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => '#555555',
    vLineColor: () => '#555555',
    paddingTop: () => 4,
    paddingBottom: () => 4,
  },
}

const DEFAULT_STYLE = { font: FONT_FAMILY, fontSize: 11, lineHeight: 1.35 }
const PAGE_MARGINS: [number, number, number, number] = [50, 56, 50, 50]
/** A4 in points, as pdfmake sizes it */
const A4 = { width: 595.28, height: 841.89 }

/** Width between the left and right page margins. */
function contentWidth(extra: DocDef['extra']): number {
  const page = extra?.pageOrientation === 'landscape' ? A4.height : A4.width
  const m = extra?.pageMargins ?? PAGE_MARGINS
  const sides = typeof m === 'number' ? m * 2 : m.length === 2 ? m[0] * 2 : m[0] + m[2]
  return page - sides
}

/**
 * The pdfmake definition of a document. With the font's metrics, paragraphs
 * arrive already broken into lines (prebreak.ts): one text object per line.
 */
export function toPdfmake(doc: DocDef, metrics?: FontMetrics): TDocumentDefinitions {
  const env = metrics && { metrics, styles: STYLES, layouts: TABLE_LAYOUTS }
  const official = doc.style === 'official'
  const extra = official ? { ...doc.extra, pageMargins: OFFICIAL_MARGINS } : doc.extra
  const base = official ? officialBase(doc) : DEFAULT_STYLE
  const width = contentWidth(extra)
  const styled = official ? officialContent(doc, width, doc.redHeader ?? false) : withNumber(doc)
  const content = env ? prebreak(fitTables(structuredClone(styled), width, base, env), width, base, env) : styled
  if (env) markHeadingsBeforeText(content)
  const inlined = inlineStyles(qrAsImages(content), STYLES, new Set([BEFORE_TEXT])) as Content[]
  const def = framed(doc.frame, inlined, extra)
  // A 公文 has no running header; its page numbers follow GB/T 9704.
  return official ? { ...def, defaultStyle: base, header: undefined, footer: officialFooter } : def
}

/** Whether the document needs the serif font (the render worker loads it only then). */
export const needsSerif = (doc: DocDef) => doc.style === 'official'

/**
 * A heading (headlineLevel set) that would end a page moves to the next one,
 * so it always stands above the text it introduces.
 */
const keepHeadingWithNext: TDocumentDefinitions['pageBreakBefore'] = (node, rest) => {
  if (!node.headlineLevel) return false
  // Each question below scans the rest of the document (pdfmake asks for every heading): a sixth
  // of the annual dossier's render. A short heading before a paragraph with this much room below
  // its top surely has the paragraph's first line on its page.
  const at = node.startPosition
  const style = node.style === undefined ? [] : [node.style].flat()
  if (style.includes(BEFORE_TEXT) && at.pageInnerHeight * (1 - at.verticalRatio) >= ROOM_FOR_HEADING_AND_LINE)
    return false
  return rest.getFollowingNodesOnPage().length === 0 && rest.getNodesOnNextPage().length > 0
}

/**
 * Room, in points, that holds a heading of up to MAX_HEADING_LINES lines of 14 pt (with its
 * margins) and the first line of a paragraph of up to 14 pt below it, with a margin to spare.
 */
const ROOM_FOR_HEADING_AND_LINE = 180
const MAX_HEADING_LINES = 3
const MAX_PARAGRAPH_SIZE = 14

const fontSizeOf = (node: Record<string, unknown>) => {
  if (typeof node.fontSize === 'number') return node.fontSize
  const sizes = [node.style ?? []].flat().map((s) => (typeof s === 'string' ? STYLES[s]?.fontSize : undefined))
  return sizes.reverse().find((s) => s !== undefined) ?? DEFAULT_STYLE.fontSize
}

/**
 * Marks, in every list of siblings, each prebroken heading of at most MAX_HEADING_LINES lines
 * whose next sibling is a plain paragraph (keepHeadingWithNext then needs no scan when it stands
 * high enough on its page). In place: the content is the render's own copy.
 */
function markHeadingsBeforeText(list: unknown[]): void {
  list.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return
    const node = item as Record<string, unknown>
    if (Array.isArray(node.stack)) markHeadingsBeforeText(node.stack)
    if (!node.headlineLevel || node.text === undefined) return
    const lines = Array.isArray(node.text) ? 1 + node.text.filter((p) => p?.lineEnd).length : 1
    const next = list[i + 1]
    const paragraph =
      typeof next === 'string' ||
      (typeof next === 'object' &&
        next !== null &&
        !Array.isArray(next) &&
        (next as Record<string, unknown>).text !== undefined &&
        !(next as Record<string, unknown>).unbreakable &&
        !(next as Record<string, unknown>).pageBreak &&
        fontSizeOf(next as Record<string, unknown>) <= MAX_PARAGRAPH_SIZE)
    if (paragraph && lines <= MAX_HEADING_LINES && fontSizeOf(node) <= MAX_PARAGRAPH_SIZE)
      node.style = [...[node.style ?? []].flat(), BEFORE_TEXT]
  })
}

/**
 * Wraps content in the common frame: A4, the community and date in the
 * header, "第 N 页 共 M 页" in the footer, Noto Sans SC throughout.
 */
export function framed(
  input: FrameInput,
  content: Content[],
  extra: Partial<TDocumentDefinitions> = {},
): TDocumentDefinitions {
  const header: DynamicContent = () => ({
    columns: [
      { text: input.communityName, style: 'small' },
      { text: input.date, style: 'small', alignment: 'right' },
    ],
    margin: [50, 24, 50, 0],
  })
  const footer: DynamicContent = (page, pages) => ({
    text: `第 ${page} 页 共 ${pages} 页`,
    alignment: 'center',
    style: 'small',
    margin: [0, 12, 0, 0],
  })
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title: input.title, creator: '商量', producer: '商量' },
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    header,
    footer,
    content,
    pageBreakBefore: keepHeadingWithNext,
    ...extra,
  }
}

// How a document is dressed for print: its 文号, and the 公文 style — the
// layout of GB/T 9704 (版心 156 × 225 mm, 小标宋-like title, 3号 body, 主送
// flush left under the title, 落款 and 成文日期 at the right with a 盖章 area,
// an optional red 版头 and page numbers "— 1 —"). Builders stay as they are:
// they mark the issuer block (id 'issuer') and name the issuer and
// addressee; toPdfmake applies this.
import type { Content, DynamicContent, Style } from 'pdfmake/interfaces'
import { SERIF_FAMILY } from './fonts'
import type { DocDef } from './layout'

export type DocStyle = 'standard' | 'official'

const MM = 72 / 25.4
/** GB/T 9704 §5.2.1: top 37 mm, left 28 mm, 版心 156 × 225 mm on A4 */
export const OFFICIAL_MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, 26 * MM, 35 * MM]
const RED = '#d40000'

/** The community's print settings as a document's (plain data, posted to the worker with it). */
export function printStyle(c?: { docStyle?: DocStyle; redHeader?: boolean }): { style: DocStyle; redHeader: boolean } {
  return { style: c?.docStyle ?? 'standard', redHeader: c?.docStyle === 'official' && Boolean(c.redHeader) }
}

/** The 公文 body: serif; notices in 3号 (16 pt) at 22 lines a page, other documents smaller. */
export function officialBase(doc: DocDef): Style {
  return doc.official
    ? { font: SERIF_FAMILY, fontSize: 16, lineHeight: 1.6 }
    : { font: SERIF_FAMILY, fontSize: 11, lineHeight: 1.4 }
}

/**
 * The content with the 文号 on its own centred line under the title (the
 * builders' first node), where a notice board reader looks for it.
 */
export function withNumber(doc: DocDef): Content[] {
  if (!doc.number) return doc.content
  const [title, ...rest] = doc.content
  const line: Content = { text: doc.number, alignment: 'center', margin: [0, -4, 0, 10] }
  return title === undefined ? [line] : [title, line, ...rest]
}

/** 版头: the issuer's name in red, the 文号 under it, a red rule across the 版心. */
function redHeader(issuer: string, number: string | undefined, width: number): Content[] {
  return [
    { text: issuer, color: RED, bold: true, fontSize: 30, alignment: 'center', margin: [0, 0, 0, 14] },
    ...(number ? [{ text: number, alignment: 'center' as const, fontSize: 16, margin: [0, 0, 0, 4] as Margin }] : []),
    {
      canvas: [{ type: 'line', x1: 0, y1: 2, x2: width, y2: 2, lineWidth: 1.5, lineColor: RED }],
      margin: [0, 0, 0, 24],
    },
  ]
}
type Margin = [number, number, number, number]

/**
 * 落款 and 成文日期 at the right, 4 characters from the edge; a dashed circle
 * marks where the seal goes, pressing on both lines as GB/T 9704 §7.3.5.1 asks.
 */
function officialIssuer(issuer: string, date: string): Content {
  const box = Math.max(150, [...issuer].length * 17)
  const r = 44
  return {
    unbreakable: true,
    margin: [0, 36, 0, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: box,
        stack: [
          { text: issuer, alignment: 'center' },
          { text: date, alignment: 'center' },
          {
            canvas: [
              {
                type: 'ellipse',
                x: box / 2,
                y: r,
                r1: r,
                r2: r,
                lineWidth: 0.8,
                lineColor: '#9a9a9a',
                dash: { length: 3 },
              },
            ],
            margin: [0, -2 * r + 6, 0, 0],
          },
          { text: '盖章处', color: '#9a9a9a', fontSize: 9, alignment: 'center', margin: [0, -18, 0, 0] },
        ],
      },
      { width: 64, text: '' },
    ],
  }
}

/** Replaces the builder's issuer block (id 'issuer') with the 公文 one. */
function swapIssuer(content: Content[]): Content[] {
  return content.map((c) => {
    const node = c as { id?: string; issuer?: string; issuedOn?: string }
    return node.id === 'issuer' && node.issuer !== undefined ? officialIssuer(node.issuer, node.issuedOn ?? '') : c
  })
}

/** The document in the 公文 style, for a 版心 `width` points wide. */
export function officialContent(doc: DocDef, width: number, withRedHeader: boolean, sealArea = true): Content[] {
  const [first, ...rest] = sealArea ? swapIssuer(doc.content) : doc.content
  const title: Content = {
    ...(first as object),
    style: 'officialTitle',
    fontSize: undefined,
  } as Content
  const issuer = doc.official?.issuer ?? doc.frame.communityName
  const head = withRedHeader ? redHeader(issuer, doc.number, width) : []
  const number: Content[] =
    !withRedHeader && doc.number ? [{ text: doc.number, alignment: 'center', margin: [0, -8, 0, 12] }] : []
  const addressee: Content[] = doc.official?.addressee ? [{ text: doc.official.addressee, margin: [0, 0, 0, 2] }] : []
  return [...head, ...(first === undefined ? [] : [title]), ...number, ...addressee, ...rest]
}

/** GB/T 9704 §7.5: 4号 page numbers "— 1 —", odd pages at the right, even at the left, one character in. */
export const officialFooter: DynamicContent = (page) => ({
  text: `— ${page} —`,
  fontSize: 14,
  font: SERIF_FAMILY,
  alignment: page % 2 === 1 ? 'right' : 'left',
  margin: [OFFICIAL_MARGINS[0] + 14, 30, OFFICIAL_MARGINS[2] + 14, 0],
})

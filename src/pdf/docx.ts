// A document as a Word file (.docx) for rewording: the same content as the
// PDF — title, 文号, paragraphs, tables, issuer and date — walked from the
// builder's definition, so both files always say the same thing. Uses the
// `docx` library (maintained, no native parts, runs in the browser); QR codes
// and drawings are left out.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { Content } from 'pdfmake/interfaces'
import { STYLES, type DocDef } from './layout'
import { officialContent, withNumber } from './style'

type Node = Record<string, unknown>
const isNode = (c: unknown): c is Node => typeof c === 'object' && c !== null && !Array.isArray(c)

interface RunStyle {
  bold?: boolean
  size?: number
  color?: string
  alignment?: string
}

const ALIGN = {
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  left: AlignmentType.LEFT,
  justify: AlignmentType.JUSTIFIED,
} as const

/** The node's named styles, then its own properties, over the inherited ones. */
function styleOf(node: Node, inherited: RunStyle): RunStyle {
  const out: RunStyle = { ...inherited }
  const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style]
  for (const name of names) {
    const s = typeof name === 'string' ? STYLES[name] : undefined
    if (!s) continue
    if (s.bold !== undefined) out.bold = s.bold
    if (typeof s.fontSize === 'number') out.size = s.fontSize
    if (typeof s.color === 'string') out.color = s.color
    if (typeof s.alignment === 'string') out.alignment = s.alignment
  }
  if (typeof node.bold === 'boolean') out.bold = node.bold
  if (typeof node.fontSize === 'number') out.size = node.fontSize
  if (typeof node.color === 'string') out.color = node.color
  if (typeof node.alignment === 'string') out.alignment = node.alignment
  return out
}

function runs(text: unknown, style: RunStyle, font: string, out: TextRun[] = []): TextRun[] {
  if (typeof text === 'string' || typeof text === 'number') {
    String(text)
      .split('\n')
      .forEach((line, i) =>
        out.push(
          new TextRun({
            text: line,
            break: i > 0 ? 1 : undefined,
            bold: style.bold,
            size: style.size ? style.size * 2 : undefined,
            color: style.color?.replace('#', ''),
            font,
          }),
        ),
      )
  } else if (Array.isArray(text)) for (const t of text) runs(t, style, font, out)
  else if (isNode(text)) runs(text.text, styleOf(text, style), font, out)
  return out
}

function paragraph(node: Node, style: RunStyle, font: string): Paragraph {
  const s = styleOf(node, style)
  return new Paragraph({
    children: runs(node.text, s, font),
    alignment: s.alignment ? ALIGN[s.alignment as keyof typeof ALIGN] : undefined,
    spacing: { after: 80 },
  })
}

function blocks(content: unknown, style: RunStyle, font: string): (Paragraph | Table)[] {
  if (typeof content === 'string' || typeof content === 'number')
    return [new Paragraph({ children: runs(content, style, font) })]
  if (Array.isArray(content)) return content.flatMap((c) => blocks(c, style, font))
  if (!isNode(content)) return []
  const s = styleOf(content, style)
  // The issuer and date stand at the right, as on the notice board.
  if (content.id === 'issuer' && typeof content.issuer === 'string')
    return [content.issuer, content.issuedOn].map(
      (t) => new Paragraph({ children: runs(t, s, font), alignment: AlignmentType.RIGHT }),
    )
  if (content.text !== undefined) return [paragraph(content, style, font)]
  if (Array.isArray(content.stack)) return blocks(content.stack, s, font)
  if (Array.isArray(content.columns)) return blocks(content.columns, s, font)
  if (Array.isArray(content.ul))
    return (content.ul as unknown[]).map(
      (item) => new Paragraph({ children: [new TextRun({ text: '• ', font }), ...runs(item, s, font)] }),
    )
  if (isNode(content.table)) {
    const body = (content.table as { body: unknown[][] }).body
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: body.map(
          (row) =>
            new TableRow({
              children: row.map((cell) => {
                const inner = blocks(cell, s, font).filter((b): b is Paragraph => b instanceof Paragraph)
                return new TableCell({ children: inner.length > 0 ? inner : [new Paragraph('')] })
              }),
            }),
        ),
      }),
      new Paragraph(''),
    ]
  }
  return []
}

/** The .docx bytes of a document, in the style it is set to print in. */
export async function docDefToDocx(doc: DocDef): Promise<Uint8Array> {
  const official = doc.style === 'official'
  // Drawings (the red rule, the seal circle) stay out: Word gets the issuer, number and date as text.
  const content: Content[] = official ? officialContent(doc, 440, doc.redHeader ?? false, false) : withNumber(doc)
  const font = official ? '宋体' : '微软雅黑'
  const base: RunStyle = { size: official && doc.official ? 16 : 11 }
  const file = new Document({
    creator: '商量',
    title: doc.frame.title,
    sections: [{ children: blocks(content, base, font) }],
  })
  return new Uint8Array(await Packer.toArrayBuffer(file))
}

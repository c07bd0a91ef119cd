// The floor probe: pdfkit drawing the text of a document directly — the same
// font, page size, margins and line breaks as the app's renderer (the lines
// come from the same prebreak pass), table rules and shading, header and
// "第 N 页 共 M 页" footer, the chain head's QR (the same image), but no document model: no measuring of nodes, no
// styles stack, no page-break rules. What is left is what any PDF writer
// must do (shape glyphs, subset and embed the font, compress), so the app's
// time divided by this one says how far the renderer is from the machine.
import PDFDocument from 'pdfkit'

const A4 = [595.28, 841.89]

const marginOf = (m) =>
  typeof m === 'number'
    ? [m, m, m, m]
    : Array.isArray(m)
      ? m.length === 2
        ? [m[0], m[1], m[0], m[1]]
        : m
      : [0, 0, 0, 0]

/** Renders a pdfmake definition whose text has been through prebreak; resolves with the PDF bytes. */
export function floorPdf(def, { regular, bold, styles, layouts, tableColumns, edges }) {
  const [ml, mt, mr, mb] = def.pageMargins
  const doc = new PDFDocument({ size: 'A4', margins: { left: ml, top: mt, right: mr, bottom: mb }, bufferPages: true })
  doc.info.Title = def.info?.title ?? ''
  doc.registerFont('R', regular)
  doc.registerFont('B', bold)
  const bottom = A4[1] - mb
  let y = mt

  const styleOf = (node, ctx) => {
    const s = { ...ctx, margin: undefined }
    const names = node.style === undefined ? [] : [node.style].flat()
    for (const n of names) Object.assign(s, styles[n])
    for (const k of ['fontSize', 'bold', 'alignment', 'lineHeight', 'color', 'margin', 'fillColor'])
      if (node[k] !== undefined) s[k] = node[k]
    return s
  }
  const lineHeight = (s) => doc.font(s.bold ? 'B' : 'R')._font.lineHeight(s.fontSize) * s.lineHeight

  /** A text node's lines: each a list of runs { text, bold }. */
  const linesOf = (node, s) => {
    const pieces =
      typeof node.text === 'string' || typeof node.text === 'number' ? [{ text: String(node.text) }] : node.text
    const lines = [[]]
    for (const p of [pieces].flat(9)) {
      const piece = typeof p === 'string' ? { text: p } : p
      if (piece.text) lines.at(-1).push({ text: String(piece.text), bold: piece.bold ?? s.bold })
      if (piece.lineEnd) lines.push([])
    }
    return lines
  }
  const widthOf = (runs, s) =>
    runs.reduce(
      (w, r) =>
        w +
        doc
          .font(r.bold ? 'B' : 'R')
          .fontSize(s.fontSize)
          .widthOfString(r.text),
      0,
    )

  const drawLines = (lines, s, x, width, top) => {
    let at = top
    const h = lineHeight(s)
    for (const runs of lines) {
      let cx = x
      const w = widthOf(runs, s)
      if (s.alignment === 'center') cx += (width - w) / 2
      else if (s.alignment === 'right') cx += width - w
      for (const r of runs) {
        doc
          .font(r.bold ? 'B' : 'R')
          .fontSize(s.fontSize)
          .fillColor(s.color ?? 'black')
        doc.text(r.text, cx, at, { lineBreak: false })
        cx += doc.widthOfString(r.text)
      }
      at += h
    }
    return at - top
  }

  /** Height of a node drawn in `width` (cells are measured before a row is drawn). */
  const heightOf = (node, ctx, width) => {
    if (Array.isArray(node)) return node.reduce((h, n) => h + heightOf(n, ctx, width), 0)
    if (typeof node !== 'object' || node === null) node = { text: node }
    const s = styleOf(node, ctx)
    const [l, t, r, b] = marginOf(s.margin)
    if (node.text !== undefined) return t + b + linesOf(node, s).length * lineHeight(s)
    if (node.stack) return t + b + heightOf(node.stack, s, width - l - r)
    return t + b
  }

  const newPage = () => {
    doc.addPage()
    y = mt
  }

  const drawTable = (node, s, x, width) => {
    const e = edges(node, layouts)
    const cols = tableColumns(node, width, e) ?? node.table.widths.map(() => width / node.table.widths.length)
    const layout = typeof node.layout === 'string' ? layouts[node.layout] : {}
    const pTop = layout?.paddingTop?.(0) ?? 2
    const pBottom = layout?.paddingBottom?.(0) ?? 2
    const rule = layout?.hLineWidth?.(1) ?? 1
    const body = node.table.body
    const header = body.slice(0, node.table.headerRows ?? 0)
    const drawRow = (row) => {
      const xs = []
      let cx = x
      cols.forEach((w, i) => {
        cx += e.rule(i) + e.left(i)
        xs.push(cx)
        cx += w + e.right(i)
      })
      const cells = row.map((cell) =>
        cell && typeof cell === 'object' && !Array.isArray(cell) ? cell : { text: cell ?? '' },
      )
      const spanWidth = (i, span) => xs[i + span - 1] + cols[i + span - 1] - xs[i]
      const h =
        Math.max(...cells.map((c, i) => (c._span ? 0 : heightOf(c, s, spanWidth(i, c.colSpan ?? 1))))) + pTop + pBottom
      if (y + h > bottom) {
        newPage()
        if (header.length && row !== header[0]) header.forEach(drawRow)
      }
      doc.lineWidth(rule).strokeColor('#555555')
      cells.forEach((c, i) => {
        if (c._span || (c.text === undefined && c.stack === undefined && Object.keys(c).length === 0)) return
        const span = c.colSpan ?? 1
        const left = xs[i] - e.left(i)
        const right = xs[i + span - 1] + cols[i + span - 1] + e.right(i + span - 1)
        const cs = styleOf(c, s)
        if (cs.fillColor)
          doc
            .rect(left, y, right - left, h)
            .fillColor(cs.fillColor)
            .fill()
        doc.rect(left, y, right - left, h).stroke()
        drawNode(c, s, xs[i], spanWidth(i, span), y + pTop)
      })
      y += h
    }
    body.forEach(drawRow)
  }

  /** Draws a node at (x, y) in `width`; moves y below it, starting a new page where a line would not fit. */
  function drawNode(node, ctx, x, width, top = undefined) {
    if (Array.isArray(node)) return node.forEach((n) => drawNode(n, ctx, x, width))
    if (typeof node !== 'object' || node === null) node = { text: node }
    if (node.pageBreak === 'before') newPage()
    const s = styleOf(node, ctx)
    const [l, t, r, b] = marginOf(s.margin)
    const inner = width - l - r
    if (top !== undefined) {
      // inside a table cell: the row has made room already
      const saved = y
      y = top + t
      if (node.text !== undefined) drawLines(linesOf(node, s), s, x + l, inner, y)
      else if (node.stack) node.stack.forEach((n) => drawNode(n, s, x + l, inner))
      y = saved
      return
    }
    y += t
    if (node.text !== undefined) {
      const h = lineHeight(s)
      for (const line of linesOf(node, s)) {
        if (y + h > bottom) newPage()
        y += drawLines([line], s, x + l, inner, y)
      }
    } else if (node.stack) node.stack.forEach((n) => drawNode(n, s, x + l, inner))
    else if (node.columns) {
      const gap = node.columnGap ?? 0
      const fixed = node.columns.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 0), 0)
      const stars = node.columns.filter((c) => typeof c.width !== 'number').length
      const star = (inner - fixed - gap * (node.columns.length - 1)) / Math.max(1, stars)
      let cx = x + l
      const start = y
      let end = y
      for (const c of node.columns) {
        y = start
        const w = typeof c.width === 'number' ? c.width : star
        drawNode(c, s, cx, w)
        end = Math.max(end, y)
        cx += w + gap
      }
      y = end
    } else if (node.table) drawTable(node, s, x + l, inner)
    else if (node.image) {
      // The chain head's QR, as the app draws it (src/pdf/qr.ts).
      doc.image(node.image, x + l, y, { width: node.width, height: node.height })
      y += node.height
    }
    y += b
  }

  const base = { fontSize: 11, lineHeight: 1, bold: false, ...def.defaultStyle }
  drawNode(def.content, base, ml, A4[0] - ml - mr)
  // Page furniture, once the number of pages is known.
  const range = doc.bufferedPageRange()
  const small = { ...base, ...styles.small }
  const header = def.header(1, range.count)
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(i)
    const [left, right] = header.columns
    drawLines([[{ text: left.text, bold: false }]], small, 50, A4[0] - 100, 24)
    drawLines([[{ text: right.text, bold: false }]], { ...small, alignment: 'right' }, 50, A4[0] - 100, 24)
    const footer = def.footer(i + 1, range.count)
    drawLines([[{ text: footer.text, bold: false }]], { ...small, alignment: 'center' }, 0, A4[0], bottom + 12)
  }
  const chunks = []
  doc.on('data', (c) => chunks.push(c))
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.end()
  })
}

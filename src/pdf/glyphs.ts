// Which characters the font cannot print. Reads the TrueType cmap directly
// (formats 4 and 12) so the check runs anywhere without a font library, and
// collects every string a document definition would print. The cmap reader
// also serves metrics.ts (advance widths for line breaking).

/** The code points a TrueType/OpenType font maps to a glyph. */
export function fontCodePoints(font: Uint8Array): Set<number> {
  const out = new Set<number>()
  readCmap(font, (codePoint) => out.add(codePoint))
  return out
}

/** Offset of a table in the font's table directory, or -1. */
export function tableOffset(view: DataView, tag: string): number {
  const wanted = [...tag].reduce((n, c) => n * 256 + c.charCodeAt(0), 0)
  const numTables = view.getUint16(4)
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16
    if (view.getUint32(rec) === wanted) return view.getUint32(rec + 8)
  }
  return -1
}

/** Calls `visit` for every code point the font's cmap (formats 4 and 12) maps to a non-zero glyph. */
export function readCmap(font: Uint8Array, visit: (codePoint: number, glyph: number) => void): void {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const cmap = tableOffset(view, 'cmap')
  if (cmap < 0) throw new Error('font has no cmap table')
  const subtables = view.getUint16(cmap + 2)
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8)
    const offset = cmap + view.getUint32(cmap + 8 + i * 8)
    if (platform !== 0 && platform !== 3) continue
    const format = view.getUint16(offset)
    if (format === 12) readFormat12(view, offset, visit)
    else if (format === 4) readFormat4(view, offset, visit)
  }
}

type Visit = (codePoint: number, glyph: number) => void

function readFormat12(view: DataView, at: number, visit: Visit): void {
  const groups = view.getUint32(at + 12)
  for (let g = 0; g < groups; g++) {
    const start = view.getUint32(at + 16 + g * 12)
    const end = view.getUint32(at + 20 + g * 12)
    const glyph = view.getUint32(at + 24 + g * 12)
    for (let c = start; c <= end; c++) if (glyph + c - start !== 0) visit(c, glyph + c - start)
  }
}

function readFormat4(view: DataView, at: number, visit: Visit): void {
  const segs = view.getUint16(at + 6) / 2
  const ends = at + 14
  const starts = ends + segs * 2 + 2
  const deltas = starts + segs * 2
  const ranges = deltas + segs * 2
  for (let s = 0; s < segs; s++) {
    const end = view.getUint16(ends + s * 2)
    const start = view.getUint16(starts + s * 2)
    const delta = view.getInt16(deltas + s * 2)
    const rangeOffset = view.getUint16(ranges + s * 2)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff
      else {
        const g = view.getUint16(ranges + s * 2 + rangeOffset + (c - start) * 2)
        glyph = g === 0 ? 0 : (g + delta) & 0xffff
      }
      if (glyph !== 0) visit(c, glyph)
    }
  }
}

/** Every string in a content tree (text, table cells, columns, stacks, lists). */
export function collectText(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node)
  else if (typeof node === 'number') out.push(String(node))
  else if (Array.isArray(node)) for (const n of node) collectText(n, out)
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body', 'content'].includes(key)) collectText(value, out)
    }
  }
  return out
}

/** The distinct characters of `texts` the font has no glyph for (white space aside). */
export function missingGlyphs(texts: string[], codePoints: Set<number>): string[] {
  const missing = new Set<string>()
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      if (cp < 0x20 || /\s/.test(ch)) continue
      if (!codePoints.has(cp)) missing.add(ch)
    }
  }
  return [...missing]
}

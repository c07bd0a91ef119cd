// Advance widths read from the font files (head, hhea, hmtx and the cmap),
// so lines can be broken before pdfmake sees the text: pdfmake then gets one
// inline per line instead of one per Chinese character (see prebreak.ts).
import { readCmap, tableOffset } from './glyphs'

/** Advance widths in thousandths of an em, per code point; `fallback` for characters without a glyph. */
export interface FaceMetrics {
  advances: Map<number, number>
  fallback: number
}

/** The regular and the bold face: their Latin widths differ. */
export interface FontMetrics {
  normal: FaceMetrics
  bold: FaceMetrics
}

export function faceMetrics(font: Uint8Array): FaceMetrics {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const head = tableOffset(view, 'head')
  const hhea = tableOffset(view, 'hhea')
  const hmtx = tableOffset(view, 'hmtx')
  if (head < 0 || hhea < 0 || hmtx < 0) throw new Error('font has no head, hhea or hmtx table')
  const scale = 1000 / view.getUint16(head + 18)
  const longMetrics = view.getUint16(hhea + 34)
  // Glyphs past the last long metric share its advance.
  const advanceOf = (glyph: number) => view.getUint16(hmtx + Math.min(glyph, longMetrics - 1) * 4) * scale
  const advances = new Map<number, number>()
  readCmap(font, (codePoint, glyph) => advances.set(codePoint, advanceOf(glyph)))
  return { advances, fallback: advanceOf(0) }
}

/** Width in points of `text` at `fontSize`, as pdfkit measures it without kerning. */
export function textWidth(face: FaceMetrics, text: string, fontSize: number): number {
  let units = 0
  for (const ch of text) units += face.advances.get(ch.codePointAt(0)!) ?? face.fallback
  return (units * fontSize) / 1000
}

// Renders documents in Node the way the worker does in the app (same fonts,
// same frame), and reads PDFs back with poppler (pdftotext, pdffonts, pdftoppm).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { FONT_FILES, FONT_FAMILY, SERIF_FAMILY, SERIF_FILES } from '@/pdf/fonts'
import { needsSerif, TABLE_LAYOUTS, toPdfmake, type DocDef } from '@/pdf/layout'
import { faceMetrics, type FontMetrics } from '@/pdf/metrics'

const require = createRequire(import.meta.url)
const FONT_DIR = resolve('resources/public/fonts')

interface NodePdfmake {
  setFonts(f: unknown): void
  setUrlAccessPolicy(f: (url: string) => boolean): void
  setLocalAccessPolicy(f: (path: string) => boolean): void
  setTableLayouts(l: unknown): void
  createPdf(d: unknown): { getBuffer(): Promise<Buffer> }
}
let pdfmake: NodePdfmake | undefined
let metrics: FontMetrics | undefined
let serifMetrics: FontMetrics | undefined

/** The fonts' widths, read once, as the worker reads them. */
export function nodeMetrics(): FontMetrics {
  metrics ??= {
    normal: faceMetrics(readFileSync(join(FONT_DIR, FONT_FILES.normal))),
    bold: faceMetrics(readFileSync(join(FONT_DIR, FONT_FILES.bold))),
  }
  return metrics
}

/** The serif's widths, for documents in the 公文 style. */
function nodeSerifMetrics(): FontMetrics {
  serifMetrics ??= {
    normal: faceMetrics(readFileSync(join(FONT_DIR, SERIF_FILES.normal))),
    bold: faceMetrics(readFileSync(join(FONT_DIR, SERIF_FILES.bold))),
  }
  return serifMetrics
}

function printer(): NodePdfmake {
  if (pdfmake) return pdfmake
  pdfmake = require('pdfmake') as NodePdfmake
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONT_DIR))
  pdfmake.setTableLayouts(TABLE_LAYOUTS)
  return pdfmake
}

/** Renders a builder's output to PDF bytes in Node. */
export async function renderNode(doc: DocDef): Promise<Buffer> {
  const p = printer()
  // A fresh table each time: pdfmake rewrites font definitions in place.
  p.setFonts({
    [FONT_FAMILY]: {
      normal: join(FONT_DIR, FONT_FILES.normal),
      bold: join(FONT_DIR, FONT_FILES.bold),
      italics: join(FONT_DIR, FONT_FILES.normal),
      bolditalics: join(FONT_DIR, FONT_FILES.bold),
    },
    [SERIF_FAMILY]: {
      normal: join(FONT_DIR, SERIF_FILES.normal),
      bold: join(FONT_DIR, SERIF_FILES.bold),
      italics: join(FONT_DIR, SERIF_FILES.normal),
      bolditalics: join(FONT_DIR, SERIF_FILES.bold),
    },
  })
  // pdfmake annotates the definition in place; render a copy, as the worker
  // (which receives a structured clone) does, so tests can still read `doc`.
  const widths = needsSerif(doc) ? nodeSerifMetrics() : nodeMetrics()
  return p.createPdf(toPdfmake(structuredClone(doc), widths)).getBuffer()
}

/** The PDF's text as pdftotext sees it (reading order, no layout). */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8')
}

/**
 * The text with all white space removed: pdftotext drops or adds spaces
 * between Chinese characters depending on glyph positions, so compare this.
 */
export function pdfTextCompact(bytes: Uint8Array): string {
  return pdfText(bytes).replace(/\s+/g, '')
}

/**
 * The text in content-stream order (pdftotext -raw), white space removed: a
 * table cell wrapped over several lines reads as one run, which reading
 * order interleaves with the neighbouring cells.
 */
/**
 * The body text of a PDF with every whitespace removed and the running footer
 * lines (the issuer and date, then 第 N 页 共 M 页) left out, so a sentence a page break cuts in two still
 * reads as one.
 */
const PAGE_LINE = /^第\s*\d+\s*页\s*共\s*\d+\s*页$/

export function pdfBodyText(bytes: Uint8Array): string {
  return (
    execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: bytes })
      .toString('utf8')
      .split('\n')
      // The footer is two lines: the issuer and date, then the page number.
      .filter((_, i, lines) => ![lines[i], lines[i + 1]].some((l) => l !== undefined && PAGE_LINE.test(l)))
      .join('')
      .replace(/\s+/g, '')
  )
}

export function pdfTextRaw(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: bytes })
    .toString('utf8')
    .replace(/\s+/g, '')
}

/** pdffonts' table: name, type, emb, sub … */
export function pdfFonts(bytes: Uint8Array): string {
  return execFileSync('pdffonts', ['-'], { input: bytes }).toString('utf8')
}

export function pdfPageCount(bytes: Uint8Array): number {
  const info = execFileSync('pdfinfo', ['-'], { input: bytes }).toString('utf8')
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
}

/** Writes the PDF and its pages as PNGs under out/pdf-check/, for people to look at. */
export function pdfToPngs(bytes: Uint8Array, name: string, dpi = 70): string {
  const dir = resolve('out/pdf-check')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, bytes)
  // Pages of an earlier, longer render would otherwise stay and mislead.
  for (const old of readdirSync(dir)) if (new RegExp(`^${name}-\\d+\\.png$`).test(old)) rmSync(join(dir, old))
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, name)])
  return dir
}

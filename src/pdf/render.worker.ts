// The only module that imports pdfmake. Runs in a Web Worker so a long
// document never freezes the console. Fonts are fetched once per worker;
// their cmap and widths are read once too, to list characters the font
// cannot print and to hand pdfmake paragraphs already broken into lines.
import pdfMake from 'pdfmake/build/pdfmake'
import { FONT_FILES, SERIF_FILES, fontTable } from './fonts'
import { collectText, fontCodePoints, missingGlyphs } from './glyphs'
import { needsSerif, TABLE_LAYOUTS, toPdfmake, type DocDef } from './layout'
import { faceMetrics, type FontMetrics } from './metrics'

export interface RenderRequest {
  id: number
  doc: DocDef
}
export type RenderResponse =
  | { id: number; ok: true; bytes: Uint8Array; missing: string[]; ms: number }
  | { id: number; ok: false; message: string }

interface Fonts {
  codePoints: Set<number>
  metrics: FontMetrics
}
let fontsReady: Promise<Fonts> | undefined
/** The 公文 style's serif: 30 MB more, fetched only when a document first asks for it. */
let serifReady: Promise<Fonts> | undefined

// pdfmake's virtual file system takes raw bytes; its typings only show the
// base64 route (addVirtualFileSystem), which would copy 20 MB of fonts twice.
const vfs = (pdfMake as unknown as { virtualfs: { writeFileSync(name: string, data: Uint8Array): void } }).virtualfs

/** Fetches the fonts into pdfmake's file system; resolves with the code points they cover and their widths. */
function loadFonts(): Promise<Fonts> {
  fontsReady ??= (async () => {
    // Both files at once: half the cold start on a slow disk.
    const [regular, bold] = await Promise.all(
      [FONT_FILES.normal, FONT_FILES.bold].map(async (file) => {
        const response = await fetch(new URL(`/fonts/${file}`, self.location.href))
        if (!response.ok) throw new Error(`font ${file}: HTTP ${response.status}`)
        const bytes = new Uint8Array(await response.arrayBuffer())
        vfs.writeFileSync(file, bytes)
        return bytes
      }),
    )
    const codePoints = fontCodePoints(regular!)
    // Documents never load anything from outside.
    pdfMake.setUrlAccessPolicy(() => false)
    pdfMake.setTableLayouts(TABLE_LAYOUTS)
    return { codePoints, metrics: { normal: faceMetrics(regular!), bold: faceMetrics(bold!) } }
  })()
  fontsReady.catch(() => (fontsReady = undefined))
  return fontsReady
}

async function fetchFont(file: string): Promise<Uint8Array> {
  const response = await fetch(new URL(`/fonts/${file}`, self.location.href))
  if (!response.ok) throw new Error(`font ${file}: HTTP ${response.status}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  vfs.writeFileSync(file, bytes)
  return bytes
}

function loadSerif(): Promise<Fonts> {
  serifReady ??= Promise.all([fetchFont(SERIF_FILES.normal), fetchFont(SERIF_FILES.bold)]).then(([regular, bold]) => ({
    codePoints: fontCodePoints(regular),
    metrics: { normal: faceMetrics(regular), bold: faceMetrics(bold) },
  }))
  serifReady.catch(() => (serifReady = undefined))
  return serifReady
}

async function render(doc: DocDef): Promise<{ bytes: Uint8Array; missing: string[] }> {
  const sans = await loadFonts()
  const serif = needsSerif(doc) ? await loadSerif() : undefined
  // The serif lacks a few characters the sans has: check against the face that prints.
  const { codePoints, metrics } = serif ?? sans
  const missing = missingGlyphs(collectText(doc.content), codePoints)
  pdfMake.setFonts(fontTable(Boolean(serif)))
  const buffer = await pdfMake.createPdf(toPdfmake(doc, metrics)).getBuffer()
  return { bytes: new Uint8Array(buffer), missing }
}

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id, doc } = event.data
  const started = performance.now()
  try {
    const { bytes, missing } = await render(doc)
    const reply: RenderResponse = { id, ok: true, bytes, missing, ms: performance.now() - started }
    ;(self as unknown as Worker).postMessage(reply, [bytes.buffer])
  } catch (error) {
    const reply: RenderResponse = { id, ok: false, message: error instanceof Error ? error.message : String(error) }
    ;(self as unknown as Worker).postMessage(reply)
  }
}

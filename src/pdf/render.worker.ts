// The only module that imports pdfmake. Runs in a Web Worker so a long
// document never freezes the console. Fonts are fetched once per worker.
import pdfMake from 'pdfmake/build/pdfmake'
import { FONT_FILES, fontTable } from './fonts'
import { TABLE_LAYOUTS, toPdfmake, type DocDef } from './layout'

export interface RenderRequest {
  id: number
  doc: DocDef
}
export type RenderResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string }

let fontsReady: Promise<void> | undefined

// pdfmake's virtual file system takes raw bytes; its typings only show the
// base64 route (addVirtualFileSystem), which would copy 20 MB of fonts twice.
const vfs = (pdfMake as unknown as { virtualfs: { writeFileSync(name: string, data: Uint8Array): void } }).virtualfs

function loadFonts(): Promise<void> {
  fontsReady ??= (async () => {
    for (const file of Object.values(FONT_FILES)) {
      const response = await fetch(new URL(`/fonts/${file}`, self.location.href))
      if (!response.ok) throw new Error(`font ${file}: HTTP ${response.status}`)
      vfs.writeFileSync(file, new Uint8Array(await response.arrayBuffer()))
    }
    // Documents never load anything from outside.
    pdfMake.setUrlAccessPolicy(() => false)
    pdfMake.setTableLayouts(TABLE_LAYOUTS)
  })()
  return fontsReady
}

async function render(doc: DocDef): Promise<Uint8Array> {
  await loadFonts()
  pdfMake.setFonts(fontTable())
  const buffer = await pdfMake.createPdf(toPdfmake(doc)).getBuffer()
  return new Uint8Array(buffer)
}

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id, doc } = event.data
  try {
    const bytes = await render(doc)
    const reply: RenderResponse = { id, ok: true, bytes }
    ;(self as unknown as Worker).postMessage(reply, [bytes.buffer])
  } catch (error) {
    const reply: RenderResponse = { id, ok: false, message: error instanceof Error ? error.message : String(error) }
    ;(self as unknown as Worker).postMessage(reply)
  }
}

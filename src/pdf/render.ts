// The views' door to PDF rendering: posts a document definition to the
// render worker and resolves with the PDF bytes and the characters the font
// could not print (the view warns before saving when there are any).
import type { DocDef } from './layout'
import type { RenderRequest, RenderResponse } from './render.worker'

export interface Rendered {
  bytes: Uint8Array
  /** Characters printed as blanks: the font has no glyph for them */
  missing: string[]
  /** Time spent in the worker */
  ms: number
}

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>()

function getWorker(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module', name: 'pdf' })
  worker.onmessage = (event: MessageEvent<RenderResponse>) => {
    const reply = event.data
    const waiter = pending.get(reply.id)
    if (!waiter) return
    pending.delete(reply.id)
    if (reply.ok) waiter.resolve({ bytes: reply.bytes, missing: reply.missing, ms: reply.ms })
    else waiter.reject(new Error(reply.message))
  }
  worker.onerror = (event) => {
    for (const w of pending.values()) w.reject(new Error(event.message || 'PDF worker failed'))
    pending.clear()
    worker = undefined
  }
  return worker
}

/** Renders a document off the UI thread; builders' output is plain data that crosses to the worker. */
export function renderPdf(doc: DocDef): Promise<Rendered> {
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    const request: RenderRequest = { id, doc }
    getWorker().postMessage(request)
  })
}

/** Loads the worker and its fonts ahead of the first print (renders a one-line page). */
export function warmUpPdf(): void {
  void renderPdf({ frame: { title: '', communityName: '', date: '' }, content: [{ text: '商量' }] }).catch(
    () => undefined,
  )
}

// QR codes as a small image, built once per text. pdfmake draws its own qr
// nodes as one filled rectangle per dark module, each with the full graphics
// state (about 700 for a chain head): a sixth of a warm render of the minutes
// and 10 KB of the file. The same modules from the same encoder, as a 1-bit
// PNG of 4 pixels per module drawn at the same size and place, cost one image.
import qrEnc from 'pdfmake/js/qrEnc'
import { zlibSync } from 'fflate'
import type { Content } from 'pdfmake/interfaces'

// CommonJS interop differs between Vite and Node's loaders: the encoder is the default export or its `default`.
const qrEncoder = 'measure' in qrEnc ? qrEnc : (qrEnc as unknown as { default: typeof qrEnc }).default

/** Pixels per module: with no interpolation (PDF's default) the modules stay sharp at any zoom. */
const SCALE = 4
/** The qr node's own properties; any other (width in columns, margin …) stays on the node. */
const QR_KEYS = ['qr', 'fit', 'eccLevel', 'version', 'mask', 'foreground', 'background', 'padding']

let crcTable: Uint32Array | undefined
function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A 1-bit grey PNG (0 = black) of `dark`, a size × size matrix, SCALE pixels per module. */
function png(dark: boolean[][]): Uint8Array {
  const px = dark.length * SCALE
  const rowBytes = Math.ceil(px / 8)
  const raw = new Uint8Array((rowBytes + 1) * px) // each row: filter byte 0, then the bits
  for (let y = 0; y < px; y++) {
    const row = y * (rowBytes + 1) + 1
    raw.fill(0xff, row, row + rowBytes)
    const modules = dark[Math.floor(y / SCALE)]!
    for (let x = 0; x < px; x++) if (modules[Math.floor(x / SCALE)]) raw[row + (x >> 3)]! &= ~(0x80 >> (x & 7))
  }
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, px)
  view.setUint32(4, px)
  header.set([1, 0, 0, 0, 0], 8) // bit depth 1, greyscale, deflate, no filter, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) out.set(p, (at += p.length) - p.length)
  return out
}

function base64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

interface QrImage {
  url: string
  size: number
}
const cache = new Map<string, QrImage>()

/** The code as pdfmake would draw it: the same modules, module size and overall size in points. */
function qrImage(node: Record<string, unknown>): QrImage {
  const key = JSON.stringify(QR_KEYS.map((k) => node[k]))
  let image = cache.get(key)
  if (!image) {
    const { _canvas: rects, _width: size } = qrEncoder.measure({ ...(node as { qr: string }) })
    const module = rects[1]?.w ?? size
    const n = Math.round(size / module)
    const dark = Array.from({ length: n }, () => new Array<boolean>(n).fill(false))
    // The first rectangle is the white ground; the others are dark modules.
    for (const r of rects.slice(1)) dark[Math.round(r.y / module)]![Math.round(r.x / module)] = true
    image = { url: `data:image/png;base64,${base64(png(dark))}`, size }
    cache.set(key, image)
  }
  return image
}

/** The content with every qr node replaced by the same code as an image, in a stack that keeps the node's place. */
export function qrAsImages(content: Content): Content {
  if (Array.isArray(content)) return content.map(qrAsImages) as Content
  if (typeof content !== 'object' || content === null) return content
  const node = content as unknown as Record<string, unknown>
  if (typeof node.qr === 'string') {
    const { url, size } = qrImage(node)
    const rest = Object.fromEntries(Object.entries(node).filter(([k]) => !QR_KEYS.includes(k)))
    return { ...rest, stack: [{ image: url, width: size, height: size }] } as Content
  }
  let changed: Record<string, unknown> | undefined
  for (const k of ['stack', 'columns', 'ul', 'ol', 'table'] as const) {
    const v = node[k]
    if (v === undefined) continue
    const next =
      k === 'table' ? { ...(v as object), body: qrAsImages((v as { body: Content }).body) } : qrAsImages(v as Content)
    ;(changed ??= { ...node })[k] = next
  }
  return (changed ?? node) as unknown as Content
}

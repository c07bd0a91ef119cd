// Big files from the renderer arrive in chunks: an archive of ten years is
// hundreds of MB, and one IPC message that size nears what Electron's
// serializer takes (and copies it whole twice on the way). The renderer
// begins a transfer with the total size, sends the chunks in order, then
// names the transfer in the save or backup message instead of the bytes.
// Plain module, no Electron: tested in Node (tests/unit/main-transfer.test.ts).
import { randomUUID } from 'node:crypto'
import { TRANSFER_CHUNK_BYTES } from '../shared/channels'

/** No chunk above this: far below any serializer limit, large enough that a 1 GB file is 128 messages. */
export const MAX_CHUNK_BYTES = TRANSFER_CHUNK_BYTES
/** Transfers a window may have open at once, and how long an unfinished one is kept. */
const MAX_OPEN = 4
const IDLE_MS = 10 * 60 * 1000

export class TransferRefused extends Error {}

interface Open {
  sender: number
  total: number
  parts: Uint8Array[]
  received: number
  touched: number
}

export class TransferStore {
  private open = new Map<string, Open>()

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a transfer of `total` bytes for one window; returns its id. */
  begin(sender: number, total: number): string {
    this.dropIdle()
    if (!Number.isSafeInteger(total) || total <= 0 || total > this.maxBytes) throw new TransferRefused('size')
    if ([...this.open.values()].filter((t) => t.sender === sender).length >= MAX_OPEN)
      throw new TransferRefused('too many open')
    const id = randomUUID()
    this.open.set(id, { sender, total, parts: [], received: 0, touched: this.now() })
    return id
  }

  /** The next chunk, at exactly the offset received so far. */
  append(sender: number, id: string, offset: number, chunk: Uint8Array): void {
    const t = this.owned(sender, id)
    if (offset !== t.received) throw new TransferRefused('offset')
    if (chunk.byteLength === 0 || chunk.byteLength > MAX_CHUNK_BYTES) throw new TransferRefused('chunk size')
    if (t.received + chunk.byteLength > t.total) throw new TransferRefused('past the end')
    // A copy: the message's buffer is not ours to keep.
    t.parts.push(chunk.slice())
    t.received += chunk.byteLength
    t.touched = this.now()
  }

  /** The whole file, once every byte arrived; the transfer is then gone. */
  take(sender: number, id: string): Uint8Array {
    const t = this.owned(sender, id)
    if (t.received !== t.total) throw new TransferRefused('incomplete')
    this.open.delete(id)
    const out = new Uint8Array(t.total)
    let at = 0
    for (const p of t.parts) {
      out.set(p, at)
      at += p.byteLength
    }
    return out
  }

  abort(sender: number, id: string): void {
    if (this.open.get(id)?.sender === sender) this.open.delete(id)
  }

  /** Bytes held for unfinished transfers (for the test's bounds). */
  held(): number {
    return [...this.open.values()].reduce((n, t) => n + t.received, 0)
  }

  private owned(sender: number, id: string): Open {
    const t = this.open.get(id)
    // Another window's transfer is as unknown as a made-up id.
    if (!t || t.sender !== sender) throw new TransferRefused('unknown')
    return t
  }

  private dropIdle(): void {
    const now = this.now()
    for (const [id, t] of this.open) if (now - t.touched > IDLE_MS) this.open.delete(id)
  }
}

// Issue 15 item 4: an archive larger than a few tens of MB travels from the
// renderer to the main process in chunks, so no single IPC message nears
// Electron's serializer limits. The renderer's splitter (src/platform/
// transfer.ts) runs here against the main process's store (electron/main/
// transfer.ts) through a fake of the preload's three verbs that records
// every message's size.
import { describe, expect, it } from 'vitest'
import { MAX_CHUNK_BYTES, TransferRefused, TransferStore } from '../../electron/main/transfer'
import { TRANSFER_ABOVE_BYTES, TRANSFER_CHUNK_BYTES } from '../../electron/shared/channels'
import { chunkRanges, toMain } from '@/platform/transfer'
import type { ArchiveProgress } from '@/archive/progress'

const WINDOW = 7

function file(size: number): Uint8Array {
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i += 4096) out[i] = (i / 4096) % 251
  out[size - 1] = 42
  return out
}

/** The preload's verbs as main answers them, with the byte size of every message sent. */
function fakeApi(store: TransferStore, sender = WINDOW) {
  const messages: number[] = []
  return {
    messages,
    api: {
      beginTransfer: async (total: number) => store.begin(sender, total),
      sendChunk: async (id: string, offset: number, chunk: Uint8Array) => {
        messages.push(chunk.byteLength)
        store.append(sender, id, offset, chunk)
      },
      abortTransfer: async (id: string) => store.abort(sender, id),
    },
  }
}

describe('chunked transfer to the main process', () => {
  it('a 300 MB archive arrives whole in chunks of at most 8 MB, with progress to 100%', async () => {
    const store = new TransferStore(1024 ** 3)
    const { api, messages } = fakeApi(store)
    const bytes = file(300 * 1024 * 1024)
    const progress: ArchiveProgress[] = []
    const sent = await toMain(api, bytes, (p) => progress.push(p))
    expect('transfer' in sent).toBe(true)
    expect(messages.length).toBe(38)
    expect(Math.max(...messages)).toBeLessThanOrEqual(MAX_CHUNK_BYTES)
    const back = store.take(WINDOW, (sent as { transfer: string }).transfer)
    expect(back.byteLength).toBe(bytes.byteLength)
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true)
    expect(progress.at(-1)).toEqual({ phase: 'transfer', done: bytes.byteLength, total: bytes.byteLength })
    expect(store.held()).toBe(0)
    console.info(`[transfer] 300 MB in ${messages.length} messages, largest ${Math.max(...messages) / 2 ** 20} MB`)
  })

  it('a small file goes whole in the one message', async () => {
    const { api, messages } = fakeApi(new TransferStore(1024 ** 3))
    const bytes = file(TRANSFER_ABOVE_BYTES)
    const sent = await toMain(api, bytes)
    expect('bytes' in sent && sent.bytes).toBe(bytes)
    expect(messages).toEqual([])
  })

  it.each([
    [0, []],
    [1, [[0, 1]]],
    [TRANSFER_CHUNK_BYTES, [[0, TRANSFER_CHUNK_BYTES]]],
    [
      TRANSFER_CHUNK_BYTES + 1,
      [
        [0, TRANSFER_CHUNK_BYTES],
        [TRANSFER_CHUNK_BYTES, TRANSFER_CHUNK_BYTES + 1],
      ],
    ],
  ])('a file of %i bytes splits into %j', (size, ranges) => {
    expect(chunkRanges(size)).toEqual(ranges)
  })

  it('refuses what a careless or hostile renderer could send', () => {
    const store = new TransferStore(64 * 1024 * 1024)
    const refused = (f: () => unknown) => expect(f).toThrow(TransferRefused)
    refused(() => store.begin(WINDOW, 0))
    refused(() => store.begin(WINDOW, 64 * 1024 * 1024 + 1))
    const id = store.begin(WINDOW, 10)
    refused(() => store.append(WINDOW, id, 5, new Uint8Array(5))) // a gap
    refused(() => store.append(WINDOW, id, 0, new Uint8Array(11))) // past the end
    refused(() => store.append(WINDOW, id, 0, new Uint8Array(MAX_CHUNK_BYTES + 1))) // chunk too big
    refused(() => store.append(8, id, 0, new Uint8Array(5))) // another window's transfer
    refused(() => store.append(WINDOW, 'made-up', 0, new Uint8Array(5)))
    store.append(WINDOW, id, 0, new Uint8Array(5))
    refused(() => store.take(WINDOW, id)) // incomplete
    store.append(WINDOW, id, 5, new Uint8Array(5))
    refused(() => store.take(8, id))
    expect(store.take(WINDOW, id).byteLength).toBe(10)
    refused(() => store.take(WINDOW, id)) // only once
    for (let i = 0; i < 4; i++) store.begin(WINDOW, 10)
    refused(() => store.begin(WINDOW, 10)) // four open at once at most
  })

  it('forgets a transfer left unfinished for ten minutes', () => {
    let now = 0
    const store = new TransferStore(1024, () => now)
    const id = store.begin(WINDOW, 10)
    store.append(WINDOW, id, 0, new Uint8Array(5))
    expect(store.held()).toBe(5)
    now = 11 * 60 * 1000
    store.begin(WINDOW, 10)
    expect(store.held()).toBe(0)
    expect(() => store.append(WINDOW, id, 5, new Uint8Array(5))).toThrow(TransferRefused)
  })
})

// Files for the main process: small ones go whole in one message, big ones
// (a ten-year archive is hundreds of MB) in chunks first, each far below
// Electron's serializer limits, with progress (electron/main/transfer.ts).
import type { ShangliangApi } from '../../electron/preload/index'
import { TRANSFER_ABOVE_BYTES, TRANSFER_CHUNK_BYTES, type FileData } from '../../electron/shared/channels'
import type { OnProgress } from '@/archive/progress'

/** [start, end) of each chunk of a file of `size` bytes. */
export function chunkRanges(size: number, chunk = TRANSFER_CHUNK_BYTES): [number, number][] {
  const out: [number, number][] = []
  for (let at = 0; at < size; at += chunk) out.push([at, Math.min(size, at + chunk)])
  return out
}

type TransferApi = Pick<ShangliangApi, 'beginTransfer' | 'sendChunk' | 'abortTransfer'>

/** The file as main's save and backup verbs take it; chunked above TRANSFER_ABOVE_BYTES. */
export async function toMain(api: TransferApi, bytes: Uint8Array, onProgress?: OnProgress): Promise<FileData> {
  if (bytes.byteLength <= TRANSFER_ABOVE_BYTES) return { bytes }
  const id = await api.beginTransfer(bytes.byteLength)
  try {
    for (const [start, end] of chunkRanges(bytes.byteLength)) {
      onProgress?.({ phase: 'transfer', done: start, total: bytes.byteLength })
      await api.sendChunk(id, start, bytes.subarray(start, end))
    }
    onProgress?.({ phase: 'transfer', done: bytes.byteLength, total: bytes.byteLength })
    return { transfer: id }
  } catch (e) {
    await api.abortTransfer(id).catch(() => undefined)
    throw e
  }
}

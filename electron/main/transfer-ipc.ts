// The chunked-transfer verbs (transfer.ts) and the one lookup the save and
// backup handlers use: the bytes a message carries, or those of the
// transfer it names (only the window that sent them may name it).
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import {
  CHANNELS,
  MAX_FILE_BYTES,
  transferAbortPayload,
  transferBeginPayload,
  transferChunkPayload,
} from './ipc-contract'
import { checkMessage } from './ipc-guard'
import { TransferStore } from './transfer'
import { ownWebContentsIds } from './windows'

const transfers = new TransferStore(MAX_FILE_BYTES)
const senderOf = (event: IpcMainInvokeEvent) => ({ id: event.sender.id, frameUrl: event.senderFrame?.url })

export function registerTransferIpc(): void {
  ipcMain.handle(CHANNELS.transferBegin, (event, payload: unknown) => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), transferBeginPayload, payload)
    return transfers.begin(event.sender.id, data.total)
  })
  ipcMain.handle(CHANNELS.transferChunk, (event, payload: unknown) => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), transferChunkPayload, payload)
    transfers.append(event.sender.id, data.id, data.offset, data.chunk)
  })
  ipcMain.handle(CHANNELS.transferAbort, (event, payload: unknown) => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), transferAbortPayload, payload)
    transfers.abort(event.sender.id, data.id)
  })
}

/** The file a checked message stands for. */
export function bytesOf(event: IpcMainInvokeEvent, data: { bytes?: Uint8Array; transfer?: string }): Uint8Array {
  return data.bytes ?? transfers.take(event.sender.id, data.transfer!)
}

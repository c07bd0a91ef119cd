import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { saveWithDialog } from './files'
import { CHANNELS, emptyPayload, saveFilePayload } from './ipc-contract'
import { checkMessage } from './ipc-guard'
import { bytesOf, registerTransferIpc } from './transfer-ipc'
import { closeProjector, getConsoleWindow, openProjector, ownWebContentsIds } from './windows'

function senderOf(event: IpcMainInvokeEvent) {
  return { id: event.sender.id, frameUrl: event.senderFrame?.url }
}

/** Registers every handler; each checks its sender and payload first. */
export function registerIpc(): void {
  registerTransferIpc()
  ipcMain.handle(CHANNELS.saveFile, (event, payload: unknown) => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), saveFilePayload, payload)
    return saveWithDialog(getConsoleWindow(), { ...data, bytes: bytesOf(event, data) })
  })
  ipcMain.handle(CHANNELS.openProjector, (event, payload: unknown) => {
    checkMessage(senderOf(event), ownWebContentsIds(), emptyPayload, payload)
    openProjector()
  })
  ipcMain.handle(CHANNELS.closeProjector, (event, payload: unknown) => {
    checkMessage(senderOf(event), ownWebContentsIds(), emptyPayload, payload)
    closeProjector()
  })
}

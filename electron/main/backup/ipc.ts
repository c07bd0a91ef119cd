// The backup verbs. Each handler checks sender and payload first; the folder
// is chosen in a main-process dialog and remembered here, so no path ever
// crosses IPC from the renderer.
import { app, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  backupListPayload,
  backupReadPayload,
  backupReplacePayload,
  backupWritePayload,
  CHANNELS,
  emptyPayload,
  issuedCodePayload,
} from '../ipc-contract'
import { checkMessage } from '../ipc-guard'
import { bytesOf } from '../transfer-ipc'
import { getConsoleWindow, ownWebContentsIds } from '../windows'
import type { BackupFolderInfo, BackupReplaceResult, BackupWriteResult } from '../../shared/channels'
import { mountedChosenFolder, readChosenFolder, saveChosenFolder } from './folder'
import { IssuedCodeLog } from './issued'
import { BackupStore } from './store'

const senderOf = (event: IpcMainInvokeEvent) => ({ id: event.sender.id, frameUrl: event.senderFrame?.url })

/** The app's own folder is made when missing; the chosen folder never is (an unplugged stick is refused). */
async function storeFor(target: 'app' | 'folder'): Promise<BackupStore | { refused: 'noFolder' | 'notMounted' }> {
  if (target === 'folder') {
    const state = await mountedChosenFolder(app.getPath('userData'))
    return state.ok ? new BackupStore(state.folder) : { refused: state.reason }
  }
  const dir = join(app.getPath('userData'), 'backups')
  await mkdir(dir, { recursive: true })
  return new BackupStore(dir)
}

/** Beside the app's own backups, which the chosen folder cannot replace. */
const issuedLog = () => new IssuedCodeLog(join(app.getPath('userData'), 'backups'))

export function registerBackupIpc(): void {
  ipcMain.handle(CHANNELS.codesIssue, async (event, payload: unknown): Promise<void> => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), issuedCodePayload, payload)
    await mkdir(join(app.getPath('userData'), 'backups'), { recursive: true })
    await issuedLog().append(data)
  })
  ipcMain.handle(CHANNELS.codesList, async (event, payload: unknown) => {
    checkMessage(senderOf(event), ownWebContentsIds(), emptyPayload, payload)
    return issuedLog().read()
  })
  ipcMain.handle(CHANNELS.backupWrite, async (event, payload: unknown): Promise<BackupWriteResult> => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), backupWritePayload, payload)
    const bytes = bytesOf(event, data)
    const store = await storeFor(data.target)
    if ('refused' in store) return { ok: false, message: store.refused }
    const r = await store.write(bytes, data.reason)
    return r.ok ? { ok: true, name: r.backup.name, deleted: r.deleted.length } : r
  })
  ipcMain.handle(CHANNELS.backupList, async (event, payload: unknown) => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), backupListPayload, payload)
    const store = await storeFor(data.target)
    return 'refused' in store ? [] : store.list()
  })
  ipcMain.handle(CHANNELS.backupRead, async (event, payload: unknown) => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), backupReadPayload, payload)
    const store = await storeFor(data.target)
    return 'refused' in store ? null : store.read(data.name)
  })
  ipcMain.handle(CHANNELS.backupReplace, async (event, payload: unknown): Promise<BackupReplaceResult> => {
    const data = checkMessage(senderOf(event), ownWebContentsIds(), backupReplacePayload, payload)
    const store = await storeFor(data.target)
    return 'refused' in store ? { ok: false, message: store.refused } : store.replace(data.name, data.bytes)
  })
  ipcMain.handle(CHANNELS.backupFolder, async (event, payload: unknown): Promise<BackupFolderInfo> => {
    checkMessage(senderOf(event), ownWebContentsIds(), emptyPayload, payload)
    return { folder: await readChosenFolder(app.getPath('userData')) }
  })
  ipcMain.handle(CHANNELS.backupChooseFolder, async (event, payload: unknown): Promise<BackupFolderInfo> => {
    checkMessage(senderOf(event), ownWebContentsIds(), emptyPayload, payload)
    const owner = getConsoleWindow()
    const options = { properties: ['openDirectory' as const, 'createDirectory' as const] }
    const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
    if (!choice.canceled && choice.filePaths[0]) await saveChosenFolder(app.getPath('userData'), choice.filePaths[0])
    return { folder: await readChosenFolder(app.getPath('userData')) }
  })
}

// The renderer's only door to the main process: a few verbs, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron'
import {
  CHANNELS,
  type BackupFolderInfo,
  type BackupListing,
  type BackupReasonName,
  type BackupReplaceResult,
  type BackupTarget,
  type BackupWriteResult,
  type FileData,
  type IssuedCodeEntry,
  type SaveKind,
  type SaveResult,
} from '../shared/channels'

const api = {
  /** Asks main to show a save dialog and write the file there. */
  saveFile: (kind: SaveKind, file: FileData, suggestedName: string): Promise<SaveResult> =>
    ipcRenderer.invoke(CHANNELS.saveFile, { kind, ...file, suggestedName }),
  savePdf: (bytes: Uint8Array, suggestedName: string): Promise<SaveResult> =>
    ipcRenderer.invoke(CHANNELS.saveFile, { kind: 'pdf', bytes, suggestedName }),
  openProjector: (): Promise<void> => ipcRenderer.invoke(CHANNELS.openProjector),
  closeProjector: (): Promise<void> => ipcRenderer.invoke(CHANNELS.closeProjector),
  /** Main writes the archive bytes atomically, reads them back, checks them and rotates the folder. */
  writeBackup: (file: FileData, reason: BackupReasonName, target: BackupTarget): Promise<BackupWriteResult> =>
    ipcRenderer.invoke(CHANNELS.backupWrite, { ...file, reason, target }),
  /** A big file goes to main in chunks first; the save or backup then names the transfer. */
  beginTransfer: (total: number): Promise<string> => ipcRenderer.invoke(CHANNELS.transferBegin, { total }),
  sendChunk: (id: string, offset: number, chunk: Uint8Array): Promise<void> =>
    ipcRenderer.invoke(CHANNELS.transferChunk, { id, offset, chunk }),
  abortTransfer: (id: string): Promise<void> => ipcRenderer.invoke(CHANNELS.transferAbort, { id }),
  listBackups: (target: BackupTarget): Promise<BackupListing[]> => ipcRenderer.invoke(CHANNELS.backupList, { target }),
  /** By a name from listBackups(), never a path. */
  readBackup: (target: BackupTarget, name: string): Promise<Uint8Array | null> =>
    ipcRenderer.invoke(CHANNELS.backupRead, { target, name }),
  /** New bytes under a listed backup's name (rewritten without an erased person); main checks and reads them back. */
  replaceBackup: (target: BackupTarget, name: string, bytes: Uint8Array): Promise<BackupReplaceResult> =>
    ipcRenderer.invoke(CHANNELS.backupReplace, { target, name, bytes }),
  chooseBackupFolder: (): Promise<BackupFolderInfo> => ipcRenderer.invoke(CHANNELS.backupChooseFolder),
  backupFolder: (): Promise<BackupFolderInfo> => ipcRenderer.invoke(CHANNELS.backupFolder),
  /** Appends a code issued at sealing to main's append-only log beside the backups. */
  issueCode: (entry: IssuedCodeEntry): Promise<void> => ipcRenderer.invoke(CHANNELS.codesIssue, entry),
  issuedCodes: (): Promise<IssuedCodeEntry[]> => ipcRenderer.invoke(CHANNELS.codesList),
  /** Calls back when the projector window closes; returns an unsubscribe. */
  onProjectorClosed: (callback: () => void): (() => void) => {
    const listener = () => callback()
    ipcRenderer.on(CHANNELS.projectorClosed, listener)
    return () => ipcRenderer.removeListener(CHANNELS.projectorClosed, listener)
  },
}

contextBridge.exposeInMainWorld('shangliang', api)

export type ShangliangApi = typeof api

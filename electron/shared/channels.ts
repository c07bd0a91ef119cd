// IPC channel names and the result shapes shared by main and preload.
// No imports: the sandboxed preload bundles this file as is.
export const CHANNELS = {
  saveFile: 'file:save',
  openProjector: 'projector:open',
  closeProjector: 'projector:close',
  projectorClosed: 'projector:closed',
  backupWrite: 'backup:write',
  backupList: 'backup:list',
  backupRead: 'backup:read',
  backupReplace: 'backup:replace',
  backupChooseFolder: 'backup:choose-folder',
  backupFolder: 'backup:folder',
  codesIssue: 'codes:issue',
  codesList: 'codes:list',
  transferBegin: 'transfer:begin',
  transferChunk: 'transfer:chunk',
  transferAbort: 'transfer:abort',
} as const

/**
 * A file for main: whole when small, else the id of a chunked transfer
 * (electron/main/transfer.ts) so no single IPC message carries hundreds of MB.
 */
export type FileData = { bytes: Uint8Array } | { transfer: string }
/** Chunks of a transfer are at most this size; files above TRANSFER_ABOVE_BYTES go in chunks. */
export const TRANSFER_CHUNK_BYTES = 8 * 1024 * 1024
export const TRANSFER_ABOVE_BYTES = 16 * 1024 * 1024

/** Where a backup goes: the app's own folder under userData, or the folder the user picked (a USB stick). */
export type BackupTarget = 'app' | 'folder'
export type BackupReasonName = 'meetingClosed' | 'interval' | 'beforeMigration' | 'beforeRestore' | 'manual'
export interface BackupListing {
  name: string
  at: string
  reason: BackupReasonName
  size: number
  encrypted: boolean
}
export type BackupReplaceResult = { ok: true } | { ok: false; message: string }
export type BackupWriteResult = { ok: true; name: string; deleted: number } | { ok: false; message: string }
/** The folder is shown to the user; the renderer never sends one back. */
export type BackupFolderInfo = { folder: string | null }

export type SaveKind = 'pdf' | 'xlsx' | 'docx' | 'csv' | 'archive' | 'package' | 'publicKey'

/** What a save returns to the renderer: never the full path, only the file name. */
export type SaveResult = { ok: true; fileName: string } | { ok: false; reason: 'canceled' | 'failed'; message?: string }

/** A verification code as issued when a meeting was sealed (kept by main in an append-only file). */
export interface IssuedCodeEntry {
  communityId: string
  meetingId: string
  code: string
  head: string
  at: string
  title?: string
  date?: string
}

// The one place that knows whether we run inside Electron (preload API on
// window.shangliang) or in a plain browser (tests, development).
import type { ShangliangApi } from '../../electron/preload/index'
import type { BackupReasonName, BackupTarget, BackupWriteResult, IssuedCodeEntry } from '../../electron/shared/channels'
import type { OnProgress } from '@/archive/progress'
import { toMain } from './transfer'

declare global {
  interface Window {
    shangliang?: ShangliangApi
  }
}

export type SaveKind = 'pdf' | 'xlsx' | 'docx' | 'csv' | 'archive' | 'package' | 'publicKey'
export type SaveOutcome =
  { ok: true; fileName: string; downloaded: boolean } | { ok: false; canceled: boolean; message?: string }

const MIME: Record<SaveKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  archive: 'application/octet-stream',
  package: 'application/octet-stream',
  publicKey: 'application/json',
}

/** Saves bytes: a save dialog in the desktop app, a download in a browser. Big files report their transfer. */
export async function saveFile(
  kind: SaveKind,
  bytes: Uint8Array,
  suggestedName: string,
  onProgress?: OnProgress,
): Promise<SaveOutcome> {
  const api = window.shangliang
  if (api) {
    const r = await api.saveFile(kind, await toMain(api, bytes, onProgress), suggestedName)
    return r.ok
      ? { ok: true, fileName: r.fileName, downloaded: false }
      : { ok: false, canceled: r.reason === 'canceled', message: r.message }
  }
  const blob = new Blob([bytes as BlobPart], { type: MIME[kind] })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = suggestedName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { ok: true, fileName: suggestedName, downloaded: true }
}

/** Hands a backup to the main process (desktop only), in chunks when it is big. */
export async function writeBackup(
  bytes: Uint8Array,
  reason: BackupReasonName,
  target: BackupTarget,
): Promise<BackupWriteResult> {
  const api = window.shangliang
  if (!api) return { ok: false, message: 'unavailable' }
  return api.writeBackup(await toMain(api, bytes), reason, target)
}

let projectorPopup: Window | null = null

/** Opens the audience window: a second Electron window, or a browser popup. */
export async function openProjector(): Promise<void> {
  const api = window.shangliang
  if (api) return api.openProjector()
  if (projectorPopup && !projectorPopup.closed) {
    projectorPopup.focus()
    return
  }
  projectorPopup = window.open('#/projector', 'shangliang-projector', 'popup,width=1280,height=720')
}

export async function closeProjector(): Promise<void> {
  const api = window.shangliang
  if (api) return api.closeProjector()
  projectorPopup?.close()
  projectorPopup = null
}

/** Calls back when the projector window is closed; returns an unsubscribe. */
export function onProjectorClosed(callback: () => void): () => void {
  const api = window.shangliang
  if (api) return api.onProjectorClosed(callback)
  const timer = setInterval(() => {
    if (projectorPopup?.closed) {
      projectorPopup = null
      callback()
    }
  }, 1000)
  return () => clearInterval(timer)
}

/** Codes issued in a plain browser (tests, development): outside IndexedDB, like the desktop's file. */
const ISSUED_KEY = 'shangliang.issuedCodes'

function browserIssued(): IssuedCodeEntry[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(ISSUED_KEY) ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as IssuedCodeEntry[]) : []
  } catch {
    return []
  }
}

/** Appends a verification code to the log kept outside the database (main's file beside the backups). */
export async function issueCode(entry: IssuedCodeEntry): Promise<void> {
  const api = typeof window !== 'undefined' ? window.shangliang : undefined
  if (api) return api.issueCode(entry)
  localStorage.setItem(ISSUED_KEY, JSON.stringify([...browserIssued(), entry]))
}

/** Every code issued on this machine, oldest first. */
export async function issuedCodes(): Promise<IssuedCodeEntry[]> {
  const api = typeof window !== 'undefined' ? window.shangliang : undefined
  return api ? api.issuedCodes() : browserIssued()
}

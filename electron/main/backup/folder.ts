// Remembers the backup folder the user picked (in userData, never sent by the
// renderer), with the device it was on. Plain Node: tested without Electron.
// A USB stick that is not plugged in leaves its mount point missing or, worse,
// an empty folder on the internal disk: the device id tells the two apart, so
// a backup meant for the stick is refused rather than written to the laptop.
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { writeFileAtomic } from '../atomic'

const FILE = 'backup-folder.json'

interface Chosen {
  folder: string
  /** stat().dev when chosen; absent for a choice saved before this check existed */
  dev?: number
}

async function readChosen(userData: string): Promise<Chosen | null> {
  try {
    const { folder, dev } = JSON.parse(await readFile(join(userData, FILE), 'utf8')) as {
      folder?: unknown
      dev?: unknown
    }
    if (typeof folder !== 'string' || !isAbsolute(folder)) return null
    return { folder, dev: typeof dev === 'number' ? dev : undefined }
  } catch {
    return null
  }
}

export async function readChosenFolder(userData: string): Promise<string | null> {
  return (await readChosen(userData))?.folder ?? null
}

export async function saveChosenFolder(userData: string, folder: string): Promise<void> {
  const { dev } = await stat(folder)
  await writeFileAtomic(join(userData, FILE), new TextEncoder().encode(JSON.stringify({ folder, dev })))
}

export type FolderState = { ok: true; folder: string } | { ok: false; reason: 'noFolder' | 'notMounted' }

/** The chosen folder, only if it is there and still on the device it was chosen on. */
export async function mountedChosenFolder(userData: string): Promise<FolderState> {
  const chosen = await readChosen(userData)
  if (!chosen) return { ok: false, reason: 'noFolder' }
  try {
    const info = await stat(chosen.folder)
    if (!info.isDirectory()) return { ok: false, reason: 'notMounted' }
    if (chosen.dev !== undefined && info.dev !== chosen.dev) return { ok: false, reason: 'notMounted' }
    return { ok: true, folder: chosen.folder }
  } catch {
    return { ok: false, reason: 'notMounted' }
  }
}

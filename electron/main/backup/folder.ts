// Remembers the backup folder the user picked (in userData, never sent by the
// renderer). Plain Node: tested without Electron.
import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { writeFileAtomic } from '../atomic'

const FILE = 'backup-folder.json'

export async function readChosenFolder(userData: string): Promise<string | null> {
  try {
    const { folder } = JSON.parse(await readFile(join(userData, FILE), 'utf8')) as { folder?: unknown }
    return typeof folder === 'string' && isAbsolute(folder) ? folder : null
  } catch {
    return null
  }
}

export async function saveChosenFolder(userData: string, folder: string): Promise<void> {
  await writeFileAtomic(join(userData, FILE), new TextEncoder().encode(JSON.stringify({ folder })))
}

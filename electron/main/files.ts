import { BrowserWindow, dialog, app } from 'electron'
import { basename, join } from 'node:path'
import { writeFileAtomic } from './atomic'
import { safeFileName } from './filenames'
import { FILE_KINDS, type SaveFilePayload, type SaveResult } from './ipc-contract'

/** Shows the save dialog (main picks the path) and writes the file atomically. */
export async function saveWithDialog(owner: BrowserWindow | null, payload: SaveFilePayload): Promise<SaveResult> {
  const filter = FILE_KINDS[payload.kind]
  const name = safeFileName(payload.suggestedName, filter.extensions[0])
  const options = {
    defaultPath: join(app.getPath('documents'), name),
    filters: [{ name: filter.name, extensions: [...filter.extensions] }],
  }
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return { ok: false, reason: 'canceled' }
  try {
    await writeFileAtomic(choice.filePath, payload.bytes)
    return { ok: true, fileName: basename(choice.filePath) }
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
}

import { open, rename, unlink } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'

/**
 * Writes a file so that a crash leaves either the old file or the new one,
 * never a torn one: temporary file in the same folder, fsync, rename, and an
 * fsync of the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(tmp, target)
  } catch (error) {
    await unlink(tmp).catch(() => undefined)
    throw error
  }
  await syncDir(dirname(target))
}

async function syncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is durable enough there.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

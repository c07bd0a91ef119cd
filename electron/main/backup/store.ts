// A folder of backups, in plain Node (no electron import, tested in Node):
// atomic write, read back and check, then rotate. Files are only ever named
// by backupFileName(); a name from outside is looked up in the listing, never
// joined onto the folder path as is.
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { writeFileAtomic } from '../atomic'
import { checkArchiveFile, checkFrame } from '../../../src/archive/frame'
import { backupFileName, parseBackupName, type BackupReason } from './names'
import { backupsToDelete, DEFAULT_ROTATION, type RotationPolicy } from './rotation'

export interface BackupInfo {
  name: string
  at: string
  reason: BackupReason
  size: number
  encrypted: boolean
}

export type WriteOutcome = { ok: true; backup: BackupInfo; deleted: string[] } | { ok: false; message: string }

async function readHead(path: string): Promise<{ size: number; magic: string } | null> {
  try {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      const { buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0)
      return { size, magic: buffer.toString('latin1') }
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

export class BackupStore {
  constructor(
    readonly dir: string,
    private readonly policy: RotationPolicy = DEFAULT_ROTATION,
  ) {}

  async list(): Promise<BackupInfo[]> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return []
    }
    const out: BackupInfo[] = []
    for (const name of names) {
      const parsed = parseBackupName(name)
      if (!parsed) continue
      const head = await readHead(join(this.dir, name))
      if (!head) continue
      out.push({
        name,
        at: parsed.at.toISOString(),
        reason: parsed.reason,
        size: head.size,
        encrypted: head.magic === 'SLAE',
      })
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : -1))
  }

  /** Bytes of a listed backup; any other name (a path, "..", a device name) is refused. */
  async read(name: string): Promise<Uint8Array | null> {
    const found = (await this.list()).find((b) => b.name === name)
    return found ? new Uint8Array(await readFile(join(this.dir, found.name))) : null
  }

  /**
   * Writes new bytes under a listed backup's own name (its time and reason
   * stay, so rotation treats it as before): the copy rewritten without an
   * erased person. Checked, written atomically and read back like a new one.
   */
  async replace(name: string, bytes: Uint8Array): Promise<{ ok: true } | { ok: false; message: string }> {
    const found = (await this.list()).find((b) => b.name === name)
    if (!found) return { ok: false, message: 'notFound' }
    const check = await checkArchiveFile(bytes)
    if (!check.ok) return { ok: false, message: `refused: ${check.code}` }
    const target = join(this.dir, found.name)
    try {
      await writeFileAtomic(target, bytes)
      if (sha(new Uint8Array(await readFile(target))) !== sha(bytes))
        return { ok: false, message: 'read-back check failed' }
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
    return { ok: true }
  }

  async write(bytes: Uint8Array, reason: BackupReason, now = new Date()): Promise<WriteOutcome> {
    const check = await checkArchiveFile(bytes)
    if (!check.ok) return { ok: false, message: `refused: ${check.code}` }
    const name = backupFileName(now, reason)
    const target = join(this.dir, name)
    try {
      await mkdir(this.dir, { recursive: true })
      await writeFileAtomic(target, bytes)
      const back = new Uint8Array(await readFile(target))
      if (sha(back) !== sha(bytes) || !(await checkArchiveFile(back)).ok) {
        await unlink(target).catch(() => undefined)
        return { ok: false, message: 'read-back check failed' }
      }
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
    const deleted = await this.rotate(now)
    await this.removeStaleTemps()
    return {
      ok: true,
      backup: { name, at: now.toISOString(), reason, size: bytes.byteLength, encrypted: check.encrypted },
      deleted,
    }
  }

  private async rotate(now: Date): Promise<string[]> {
    const entries = []
    for (const b of await this.list()) {
      const bytes = new Uint8Array(await readFile(join(this.dir, b.name)))
      // The frame's SHA-256 covers every byte of the zip: enough to tell a good backup, with nothing inflated.
      entries.push({ name: b.name, at: new Date(b.at), ok: await checkFrame(bytes) })
    }
    const doomed = backupsToDelete(entries, now, this.policy)
    for (const name of doomed) await unlink(join(this.dir, name)).catch(() => undefined)
    return doomed
  }

  /** Temporary files a crash left behind (atomic.ts names them .<target>.<pid>.<time>.tmp). */
  private async removeStaleTemps(): Promise<void> {
    for (const name of await readdir(this.dir)) {
      if (!name.startsWith('.shangliang-') || !name.endsWith('.tmp')) continue
      const info = await stat(join(this.dir, name)).catch(() => null)
      if (info && Date.now() - info.mtimeMs > 60_000) await unlink(join(this.dir, name)).catch(() => undefined)
    }
  }
}

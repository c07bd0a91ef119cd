// The log of verification codes issued when meetings were sealed: one JSON
// line per code, appended beside the backups and never rewritten. It lives
// outside IndexedDB, so a database whose chain was recomputed from scratch
// (with its stored codes rewritten to match) still disagrees with it.
// Plain Node: tested without Electron.
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

export const ISSUED_FILE = 'issued-codes.jsonl'

export const issuedCodeSchema = z.strictObject({
  communityId: z.string().min(1).max(100),
  meetingId: z.string().min(1).max(100),
  code: z.string().min(1).max(40),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().min(1).max(40),
  title: z.string().max(200).optional(),
  date: z.string().max(20).optional(),
})
export type IssuedCodeLine = z.infer<typeof issuedCodeSchema>

export class IssuedCodeLog {
  constructor(readonly dir: string) {}

  private get path() {
    return join(this.dir, ISSUED_FILE)
  }

  /** Appends one line and flushes it to the disk before answering. */
  async append(entry: IssuedCodeLine): Promise<void> {
    const line = `${JSON.stringify(issuedCodeSchema.parse(entry))}\n`
    const handle = await open(this.path, 'a', 0o600)
    try {
      await handle.appendFile(line, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  /** Every well-formed line; a torn last line (power cut mid-append) is skipped. */
  async read(): Promise<IssuedCodeLine[]> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch {
      return []
    }
    const out: IssuedCodeLine[] = []
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        const parsed = issuedCodeSchema.safeParse(JSON.parse(line))
        if (parsed.success) out.push(parsed.data)
      } catch {
        // a torn line: the entries before and after it still count
      }
    }
    return out
  }
}

// Keeps the journal's files in the Origin Private File System: a store of its
// own, outside IndexedDB, that Chromium does not wipe when it finds the
// IndexedDB files damaged. Only a worker may hold the synchronous handles
// whose flush() reaches the disk before the write is acknowledged.
import type { JournalFile } from './format'
import { genOf, journalName, snapshotName } from './format'
import type { FilesReply, FilesRequest, JournalScan } from './files'

interface SyncHandle {
  getSize(): number
  read(buffer: Uint8Array, options?: { at: number }): number
  write(buffer: Uint8Array, options?: { at: number }): number
  truncate(size: number): void
  flush(): void
  close(): void
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle> }

const encoder = new TextEncoder()
const decoder = new TextDecoder()
let dir: FileSystemDirectoryHandle | undefined
const open = new Map<string, SyncHandle>()

async function folder(): Promise<FileSystemDirectoryHandle> {
  dir ??= await (await navigator.storage.getDirectory()).getDirectoryHandle('journal', { create: true })
  return dir
}

async function handle(name: string): Promise<SyncHandle> {
  let h = open.get(name)
  if (!h) {
    const file = (await (await folder()).getFileHandle(name, { create: true })) as SyncFileHandle
    h = await file.createSyncAccessHandle()
    open.set(name, h)
  }
  return h
}

async function names(): Promise<string[]> {
  const out: string[] = []
  for await (const name of (await folder()).keys()) if (/^(snapshot|journal)-\d+\.jsonl$/.test(name)) out.push(name)
  return out
}

async function readText(name: string, from = 0, to?: number): Promise<string> {
  const h = await handle(name)
  const size = h.getSize()
  const start = Math.max(0, Math.min(from < 0 ? size + from : from, size))
  const end = Math.min(to ?? size, size)
  const buffer = new Uint8Array(Math.max(0, end - start))
  h.read(buffer, { at: start })
  return decoder.decode(buffer)
}

async function readAll(): Promise<JournalFile[]> {
  const files: JournalFile[] = []
  for (const name of await names()) files.push({ name, text: await readText(name) })
  return files
}

async function scan(): Promise<JournalScan> {
  const result: JournalScan = { journals: [], snapshots: [] }
  for (const name of await names()) {
    if (name.startsWith('journal-')) result.journals.push({ name, text: await readText(name) })
    // The header line is short; the end line is the last few dozen bytes.
    else result.snapshots.push({ name, head: (await readText(name, 0, 4096)).split('\n')[0] ?? '', tail: await readText(name, -256) })
  }
  return result
}

function append(h: SyncHandle, text: string): void {
  h.write(encoder.encode(text), { at: h.getSize() })
}

async function remove(name: string): Promise<void> {
  open.get(name)?.close()
  open.delete(name)
  await (await folder()).removeEntry(name).catch(() => undefined)
}

async function run(req: FilesRequest): Promise<FilesReply> {
  switch (req.op) {
    case 'scan':
      return { id: req.id, ok: true, scan: await scan() }
    case 'readAll':
      return { id: req.id, ok: true, files: await readAll() }
    case 'append': {
      const h = await handle(journalName(req.gen))
      append(h, req.line)
      h.flush()
      return { id: req.id, ok: true }
    }
    case 'writeSnapshot': {
      // Written whole and flushed before the older files go: a cut-off
      // snapshot is never the only one.
      const name = snapshotName(req.gen)
      const h = await handle(name)
      h.truncate(0)
      for (const line of req.lines) append(h, line)
      h.flush()
      for (const other of await names()) if (genOf(other) < req.gen) await remove(other)
      return { id: req.id, ok: true }
    }
    case 'reset':
      for (const name of await names()) await remove(name)
      return { id: req.id, ok: true }
  }
}

// One request at a time, in the order sent: an append never overtakes the snapshot before it.
let queue: Promise<unknown> = Promise.resolve()
self.onmessage = (event: MessageEvent<FilesRequest>) => {
  const req = event.data
  queue = queue.then(async () => {
    let reply: FilesReply
    try {
      reply = await run(req)
    } catch (error) {
      reply = { id: req.id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
    }
    self.postMessage(reply)
  })
}

// Keeps the journal's files in the Origin Private File System: a store of its
// own, outside IndexedDB, that Chromium does not wipe when it finds the
// IndexedDB files damaged. Only a worker may hold the synchronous handles
// whose flush() reaches the disk before the write is acknowledged.
import type { JournalFile } from './format'
import { genOf, journalName, snapshotName } from './format'
import type { FilesReply, FilesRequest, JournalScan } from './files'
import { buildSnapshot } from './snapshot'

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
/** Attachment files written since the last snapshot: their rows may not be committed yet, so never pruned */
let putSince = new Set<string>()
/** Journal files whose end was checked since this worker started */
const checked = new Set<string>()

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

async function blobNames(): Promise<string[]> {
  const out: string[] = []
  for await (const name of (await folder()).keys()) if (name.startsWith('blob-')) out.push(name)
  return out
}

/** An attachment's bytes in a file of their own, written once (the name carries a hash of them). */
async function putBlob(name: string, bytes: Uint8Array): Promise<void> {
  const file = (await (await folder()).getFileHandle(name, { create: true })) as SyncFileHandle
  const h = await file.createSyncAccessHandle()
  try {
    if (h.getSize() !== bytes.length) {
      h.truncate(0)
      h.write(bytes, { at: 0 })
      h.flush()
    }
  } finally {
    h.close()
  }
}

/** A whole attachment file is there (its name ends with the length of the bytes). */
async function hasBlob(name: string): Promise<boolean> {
  const file = await (await folder()).getFileHandle(name).catch(() => undefined)
  return file !== undefined && (await file.getFile()).size === Number(name.split('-').pop())
}

async function getBlob(name: string): Promise<Uint8Array | undefined> {
  const file = (await (await folder()).getFileHandle(name).catch(() => undefined)) as SyncFileHandle | undefined
  if (!file) return undefined
  const h = await file.createSyncAccessHandle()
  try {
    const bytes = new Uint8Array(h.getSize())
    h.read(bytes, { at: 0 })
    return bytes
  } finally {
    h.close()
  }
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
    else
      result.snapshots.push({
        name,
        head: (await readText(name, 0, 4096)).split('\n')[0] ?? '',
        tail: await readText(name, -256),
      })
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
      const name = journalName(req.gen)
      const h = await handle(name)
      if (!checked.has(name)) {
        // A line cut off by a kill has no end: start the next one on a line of its own.
        checked.add(name)
        const size = h.getSize()
        const last = new Uint8Array(1)
        if (size > 0) h.read(last, { at: size - 1 })
        if (size > 0 && last[0] !== 10) append(h, '\n')
      }
      append(h, req.line)
      h.flush()
      return { id: req.id, ok: true }
    }
    case 'snapshot': {
      const built = await buildSnapshot(req.dbName, req.gen, req.seq, { has: hasBlob, put: putBlob })
      // Written whole and flushed before the older files go: a cut-off
      // snapshot is never the only one.
      const h = await handle(snapshotName(req.gen))
      h.truncate(0)
      for (const line of built.lines) append(h, line)
      h.flush()
      for (const other of await names()) if (genOf(other) < req.gen) await remove(other)
      // Attachment files stay while the snapshot or a later journal line names them.
      const later = await readText(journalName(req.gen))
      const keep = new Set([...built.blobs, ...(later.match(/blob-[\w-]+/g) ?? []), ...putSince])
      putSince = new Set()
      for (const name of await blobNames())
        if (!keep.has(name)) await (await folder()).removeEntry(name).catch(() => undefined)
      return { id: req.id, ok: true }
    }
    case 'putBlob':
      putSince.add(req.name)
      await putBlob(req.name, req.bytes)
      return { id: req.id, ok: true }
    case 'getBlobs': {
      const blobs: (Uint8Array | undefined)[] = []
      for (const name of req.names) blobs.push(await getBlob(name))
      return { id: req.id, ok: true, blobs }
    }
    case 'reset':
      for (const name of [...(await names()), ...(await blobNames())]) await remove(name)
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
      reply = {
        id: req.id,
        ok: false,
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      }
    }
    self.postMessage(reply)
  })
}

// Where the journal's files live. In the app: the journal worker and its
// Origin Private File System; in Node tests: any object with these methods.
import type { JournalFile } from './format'

/** A snapshot file's first line and last bytes: enough to tell which database and whether it is whole. */
export interface SnapshotEnds {
  name: string
  head: string
  tail: string
}

/** What startup reads: the journal files whole, the snapshots by their ends only (they can be large). */
export interface JournalScan {
  journals: JournalFile[]
  snapshots: SnapshotEnds[]
}

export interface JournalFiles {
  scan(): Promise<JournalScan>
  readAll(): Promise<JournalFile[]>
  /** Appends one line to journal-<gen> and resolves once it is on disk */
  append(gen: number, line: string): Promise<void>
  /**
   * Reads the database `dbName` and writes snapshot-<gen> whole (entries up
   * to `seq` inside), then removes every file of an older generation and the
   * attachment files nothing names any more.
   */
  snapshot(dbName: string, gen: number, seq: number): Promise<void>
  /** Keeps an attachment's bytes in a file of their own (once; the name says which bytes) */
  putBlob(name: string, bytes: Uint8Array): Promise<void>
  getBlobs(names: string[]): Promise<(Uint8Array | undefined)[]>
  reset(): Promise<void>
}

type Body =
  | { op: 'scan' }
  | { op: 'readAll' }
  | { op: 'append'; gen: number; line: string }
  | { op: 'snapshot'; dbName: string; gen: number; seq: number }
  | { op: 'putBlob'; name: string; bytes: Uint8Array }
  | { op: 'getBlobs'; names: string[] }
  | { op: 'reset' }
export type FilesRequest = Body & { id: number }
export type FilesReply =
  | { id: number; ok: true; files?: JournalFile[]; scan?: JournalScan; blobs?: (Uint8Array | undefined)[] }
  | { id: number; ok: false; message: string }

/** The journal worker, or undefined where this browser has no Origin Private File System. */
export function workerFiles(): JournalFiles | undefined {
  if (typeof Worker === 'undefined' || typeof navigator === 'undefined' || !navigator.storage?.getDirectory)
    return undefined
  const worker = new Worker(new URL('./journal.worker.ts', import.meta.url), { type: 'module', name: 'journal' })
  let nextId = 1
  const pending = new Map<number, { resolve: (r: FilesReply) => void; reject: (e: Error) => void }>()
  worker.onmessage = (event: MessageEvent<FilesReply>) => {
    const waiter = pending.get(event.data.id)
    pending.delete(event.data.id)
    waiter?.resolve(event.data)
  }
  worker.onerror = (event) => {
    for (const w of pending.values()) w.reject(new Error(event.message || 'journal worker failed'))
    pending.clear()
  }
  type Done = Extract<FilesReply, { ok: true }>
  const call = (body: Body): Promise<Done> =>
    new Promise<FilesReply>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      worker.postMessage({ ...body, id } as FilesRequest)
    }).then((reply) => {
      if (!reply.ok) throw new Error(reply.message)
      return reply
    })
  return {
    scan: async () => (await call({ op: 'scan' })).scan ?? { journals: [], snapshots: [] },
    readAll: async () => (await call({ op: 'readAll' })).files ?? [],
    append: async (gen, line) => void (await call({ op: 'append', gen, line })),
    snapshot: async (dbName, gen, seq) => void (await call({ op: 'snapshot', dbName, gen, seq })),
    putBlob: async (name, bytes) => void (await call({ op: 'putBlob', name, bytes })),
    getBlobs: async (names) => (await call({ op: 'getBlobs', names })).blobs ?? [],
    reset: async () => void (await call({ op: 'reset' })),
  }
}

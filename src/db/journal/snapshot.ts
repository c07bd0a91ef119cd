// Builds a snapshot straight from IndexedDB, off the UI thread (the journal
// worker runs it; Node tests run it on fake-indexeddb). Every entry up to
// `seq` is committed before this starts, and every later one is replayed over
// the snapshot on recovery; since entries are whole-row puts and deletes,
// rows read a little later than others still end in the right state. That is
// what lets attachments be read a few at a time instead of all at once.
import { JOURNAL_KEY, snapshotLines, type SnapshotHeader } from './format'

/** Where attachments' bytes go: files of their own, written once. */
export interface BlobStore {
  has(name: string): Promise<boolean>
  put(name: string, bytes: Uint8Array): Promise<void>
}

export const BLOB = '$blob'
export type AttachmentRow = { id: string; bytes?: unknown; [BLOB]?: string }

function bytesHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  return (h >>> 0).toString(16)
}

/** The file an attachment's bytes live in: its id, a hash and the length of the bytes. */
export function blobName(id: string, bytes: Uint8Array): string {
  return `blob-${id.replace(/[^\w-]/g, '_')}-${bytesHash(bytes)}-${bytes.length}`
}

/** The row as the journal keeps it: the bytes replaced by the name of their file. */
export function stripBytes(row: AttachmentRow): { row: AttachmentRow; blob?: [string, Uint8Array] } {
  if (!(row.bytes instanceof Uint8Array)) return { row }
  const name = blobName(String(row.id), row.bytes)
  const { bytes, ...rest } = row
  return { row: { ...rest, [BLOB]: name }, blob: [name, bytes as Uint8Array] }
}

const done = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result)
    req.onerror = () => fail(req.error)
  })

function openDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name)
  // Opening without a version never upgrades; a missing database is not created here.
  req.onupgradeneeded = () => req.transaction?.abort()
  return done(req).then((db) => {
    // The app may need to upgrade the schema: never stand in its way.
    db.onversionchange = () => db.close()
    return db
  })
}

const ATTACHMENT_BATCH = 20

export async function buildSnapshot(
  dbName: string,
  gen: number,
  seq: number,
  blobs: BlobStore,
): Promise<{ lines: string[]; blobs: string[] }> {
  const db = await openDb(dbName)
  try {
    const stores = [...db.objectStoreNames]
    const data: [string, unknown[]][] = []
    const tx = db.transaction(stores, 'readonly')
    const others = stores.filter((s) => s !== 'attachments')
    const [rows, keys] = await Promise.all([
      Promise.all(others.map((s) => done(tx.objectStore(s).getAll()))),
      stores.includes('attachments') ? done(tx.objectStore('attachments').getAllKeys()) : [],
    ])
    others.forEach((s, i) => data.push([s, rows[i]!]))
    const attachments: AttachmentRow[] = []
    const names = new Set<string>()
    for (let i = 0; i < keys.length; i += ATTACHMENT_BATCH) {
      const batchTx = db.transaction('attachments', 'readonly')
      const batch = await Promise.all(
        keys
          .slice(i, i + ATTACHMENT_BATCH)
          .map((k) => done(batchTx.objectStore('attachments').get(k) as IDBRequest<AttachmentRow | undefined>)),
      )
      for (const found of batch) {
        if (!found) continue
        const { row, blob } = stripBytes(found)
        attachments.push(row)
        if (!blob) continue
        names.add(blob[0])
        if (!(await blobs.has(blob[0]))) await blobs.put(blob[0], blob[1])
      }
    }
    if (stores.includes('attachments')) data.push(['attachments', attachments])
    const settings = (data.find(([s]) => s === 'settings')?.[1] ?? []) as { key: string; value?: { dbId?: string } }[]
    const dbId = settings.find((s) => s.key === JOURNAL_KEY)?.value?.dbId ?? ''
    const header: SnapshotHeader = { kind: 'snapshot', gen, seq, dbId, at: new Date().toISOString() }
    return { lines: snapshotLines(header, data), blobs: [...names] }
  } finally {
    db.close()
  }
}

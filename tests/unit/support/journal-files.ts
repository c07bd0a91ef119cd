// The journal's files in memory, for tests that read what the journal wrote.
import type { JournalFiles } from '@/db/journal/files'
import { genOf, journalName, snapshotName } from '@/db/journal/format'
import { buildSnapshot } from '@/db/journal/snapshot'

/** The journal's files kept in memory, with the worker's rules: a snapshot removes older generations. */
export function memoryFiles(): JournalFiles & { files: Map<string, string>; blobs: Map<string, Uint8Array> } {
  const files = new Map<string, string>()
  const blobs = new Map<string, Uint8Array>()
  return {
    files,
    blobs,
    putBlob: async (name, bytes) => void blobs.set(name, bytes.slice()),
    getBlobs: async (names) => names.map((n) => blobs.get(n)),
    scan: async () => ({
      journals: [...files].filter(([n]) => n.startsWith('journal-')).map(([name, text]) => ({ name, text })),
      snapshots: [...files]
        .filter(([n]) => n.startsWith('snapshot-'))
        .map(([name, text]) => ({ name, head: text.split('\n')[0]!, tail: text.slice(-256) })),
    }),
    readAll: async () => [...files].map(([name, text]) => ({ name, text })),
    append: async (gen, line) => void files.set(journalName(gen), (files.get(journalName(gen)) ?? '') + line),
    // The worker's rules, on fake-indexeddb: older generations go, and attachment files nothing names.
    snapshot: async (dbName, gen, seq) => {
      const built = await buildSnapshot(dbName, gen, seq, {
        has: async (n) => blobs.has(n),
        put: async (n, b) => void blobs.set(n, b.slice()),
      })
      files.set(snapshotName(gen), built.lines.join(''))
      for (const name of [...files.keys()]) if (genOf(name) < gen) files.delete(name)
      const later = files.get(journalName(gen)) ?? ''
      for (const name of [...blobs.keys()]) if (!built.blobs.includes(name) && !later.includes(name)) blobs.delete(name)
    },
    reset: async () => {
      files.clear()
      blobs.clear()
    },
  }
}

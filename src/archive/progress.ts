// What a long archive step reports while it runs: the phase and how far it
// is, so the screen shows a bar rather than a frozen window. A ten-year
// archive takes seconds in every phase.

/**
 * Export: read the tables, audit the chain, pack, transfer (to the main
 * process, in chunks). Import: unpack, check rows, verify, plan, write, finish.
 */
export type ArchivePhase =
  'read' | 'audit' | 'pack' | 'transfer' | 'unpack' | 'rows' | 'verify' | 'plan' | 'write' | 'finish'

export interface ArchiveProgress {
  phase: ArchivePhase
  done: number
  total: number
}

export type OnProgress = (p: ArchiveProgress) => void

/** Percent of the current phase, 0–100. */
export const percentOf = (p: ArchiveProgress): number =>
  p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0

/**
 * A reporter that also lets the page paint: outside a database transaction
 * it yields to the event loop at most every 50 ms (awaiting a timer inside a
 * transaction would let IndexedDB commit it early, so `inTransaction` reports only).
 */
export function reporter(onProgress: OnProgress | undefined) {
  let last = 0
  return async (phase: ArchivePhase, done: number, total: number, inTransaction = false): Promise<void> => {
    if (!onProgress) return
    onProgress({ phase, done, total })
    const now = Date.now()
    // Inside a transaction the caller does not await this at all: an await there must be IndexedDB's own.
    if (inTransaction || now - last < 50) return
    last = now
    await new Promise((r) => setTimeout(r, 0))
  }
}

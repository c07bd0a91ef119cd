// A second copy of every committed write, outside IndexedDB. Chromium deletes
// an origin's IndexedDB when it finds the files damaged, and a killed browser
// (power cut, crash, task manager) can leave them so: the e2e fault test saw
// it happen. The journal keeps a snapshot of all tables plus one line per
// committed transaction in the Origin Private File System; at startup an
// emptied database is rebuilt from it before anything else runs.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Dexie, Middleware } from 'dexie'
import { newId } from '@/domain/ids'
import {
  genOf,
  JOURNAL_KEY,
  planRecovery,
  readLines,
  toLine,
  type JournalEntry,
  type JournalOp,
  type RecoveryPlan,
  type SnapshotHeader,
} from './format'
import { BLOB, stripBytes, type AttachmentRow } from './snapshot'
import type { JournalFiles, JournalScan } from './files'
import { markRestoring } from '../seal-guard'
import { applyTombstones } from '../tombstones'
import { putFlat, STORE_OF_FLAT } from '../per-meeting'

/** A new snapshot after this many entries or bytes, so recovery stays quick and the files small. */
const SNAPSHOT_AFTER_ENTRIES = 2000
const SNAPSHOT_AFTER_BYTES = 8 * 1024 * 1024

interface Active {
  db: Dexie
  files: JournalFiles
  gen: number
  seq: number
  sinceSnapshot: { entries: number; bytes: number }
  pending: Set<Promise<void>>
  snapshotting?: Promise<void>
  timer?: ReturnType<typeof setTimeout>
}

let active: Active | undefined

const captured = new WeakMap<object, JournalOp[]>()

/** A write IndexedDB has but the journal does not: the user must hear of it, not only the console. */
export interface JournalFailure {
  what: 'append' | 'attachment' | 'serialize' | 'snapshot'
  message: string
  at: string
}
const failureListeners = new Set<(f: JournalFailure) => void>()

/** Calls back on every journal failure from now on; returns an unsubscribe. */
export function onJournalFailure(listener: (f: JournalFailure) => void): () => void {
  failureListeners.add(listener)
  return () => failureListeners.delete(listener)
}

function failed(what: JournalFailure['what'], error: unknown): void {
  console.error(`[journal] ${what} failed`, error)
  const f = { what, message: error instanceof Error ? error.message : String(error), at: new Date().toISOString() }
  for (const listener of failureListeners) listener(f)
}

/** The ops of one transaction, written as one entry once it has committed (never if it aborts). */
function opsOf(trans: object): JournalOp[] {
  const ops = captured.get(trans)
  if (ops) return ops
  const list: JournalOp[] = []
  captured.set(trans, list)
  ;(trans as EventTarget).addEventListener('complete', () => {
    if (list.length === 0) return
    try {
      record(list)
    } catch (error) {
      failed('serialize', error)
    }
  })
  return list
}

function track(a: Active, done: Promise<void>): void {
  a.pending.add(done)
  void done.finally(() => a.pending.delete(done))
}

/** An attachment row for the journal: its bytes go to a file of their own (the worker skips one already there). */
function withoutBytes(a: Active, row: AttachmentRow): AttachmentRow {
  const { row: stripped, blob } = stripBytes(row)
  if (blob)
    track(
      a,
      a.files.putBlob(blob[0], blob[1]).catch((error: unknown) => failed('attachment', error)),
    )
  return stripped
}

function record(ops: JournalOp[]): void {
  const a = active
  if (!a) return
  a.seq += 1
  const line = toLine({ seq: a.seq, ops } satisfies JournalEntry)
  track(
    a,
    a.files.append(a.gen, line).catch((error: unknown) => failed('append', error)),
  )
  a.sinceSnapshot.entries += 1
  a.sinceSnapshot.bytes += line.length
  if (a.sinceSnapshot.entries >= SNAPSHOT_AFTER_ENTRIES || a.sinceSnapshot.bytes >= SNAPSHOT_AFTER_BYTES)
    scheduleSnapshot(a)
}

async function capture(
  name: string,
  table: ReturnType<DBCore['table']>,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
): Promise<void> {
  if (!active) return
  const failed = (i: number) => res.failures?.[i] !== undefined
  if (req.type === 'add' || req.type === 'put') {
    // A modify() may carry only a change spec: read the stored rows back in that case.
    const whole = req.type === 'add' || (!req.updates && req.values?.length === res.results?.length)
    const rows = whole ? req.values : await table.getMany({ trans: req.trans, keys: res.results ?? [] })
    const kept = rows.filter((r, i) => r !== undefined && !failed(i))
    const a = active
    if (kept.length > 0)
      opsOf(req.trans).push({
        t: name,
        put: name === 'attachments' ? kept.map((r: AttachmentRow) => withoutBytes(a, r)) : structuredClone(kept),
      })
  } else if (req.type === 'delete') {
    opsOf(req.trans).push({ t: name, del: structuredClone(req.keys) })
  } else {
    const r = req.range
    // Dexie's range types: 2 = a bounded range, 3 = everything (clear()).
    opsOf(req.trans).push({
      t: name,
      range:
        r.type === 3
          ? 'all'
          : { lower: r.lower, upper: r.type === 1 ? r.lower : r.upper, lowerOpen: r.lowerOpen, upperOpen: r.upperOpen },
    })
  }
}

/** Records every committed write for the journal, whatever code made it. */
export function journalMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'journal',
    create(down) {
      return {
        ...down,
        // The listener goes on before Dexie's own: by the time a caller's
        // await resumes, the entry is already on its way (journalSettled sees it).
        transaction(stores, mode, options) {
          const trans = down.transaction(stores, mode, options)
          if (mode === 'readwrite') opsOf(trans)
          return trans
        },
        table(name) {
          const table = down.table(name)
          return {
            ...table,
            mutate: async (req) => {
              const res = await table.mutate(req)
              await capture(name, table, req, res)
              return res
            },
          }
        },
      }
    },
  }
}

/** Resolves when every committed write so far is on disk in the journal too. */
export async function journalSettled(): Promise<void> {
  if (active) await Promise.all([...active.pending])
}

function scheduleSnapshot(a: Active, delay = 3000): void {
  if (a.timer || a.snapshotting) return
  a.timer = setTimeout(() => {
    a.timer = undefined
    void takeSnapshot().catch((error: unknown) => failed('snapshot', error))
  }, delay)
}

/** Writes a snapshot of every table; the files older than it are then removed. */
export async function takeSnapshot(): Promise<void> {
  const a = active
  if (!a) return
  if (a.snapshotting) return a.snapshotting
  const run = async () => {
    // Entries up to `seq` are committed, so the worker's read sees them;
    // later ones go to the new generation's journal and are replayed over it.
    const seq = a.seq
    const gen = ++a.gen
    const before = { ...a.sinceSnapshot }
    await a.files.snapshot(a.db.name, gen, seq)
    a.sinceSnapshot.entries -= before.entries
    a.sinceSnapshot.bytes -= before.bytes
  }
  a.snapshotting = run().finally(() => (a.snapshotting = undefined))
  return a.snapshotting
}

/** Puts the attachments' bytes back from their files (read before the transaction: it cannot wait on files). */
async function withBytes(files: JournalFiles, plan: RecoveryPlan): Promise<number> {
  const rows = [
    ...((plan.snapshot.tables.get('attachments') ?? []) as AttachmentRow[]),
    ...plan.entries.flatMap((e) =>
      e.ops.flatMap((op) => (op.t === 'attachments' && 'put' in op ? (op.put as AttachmentRow[]) : [])),
    ),
  ].filter((r) => r[BLOB])
  const names = [...new Set(rows.map((r) => r[BLOB]!))]
  const found = new Map<string, Uint8Array | undefined>()
  for (let i = 0; i < names.length; i += 50) {
    const part = names.slice(i, i + 50)
    ;(await files.getBlobs(part)).forEach((bytes, j) => found.set(part[j]!, bytes))
  }
  let missing = 0
  for (const row of rows) {
    const bytes = found.get(row[BLOB]!)
    if (!bytes) missing += 1
    row.bytes = bytes ?? new Uint8Array(0)
    delete row[BLOB]
  }
  return missing
}

/** Empties every table and writes the snapshot and the entries after it, in one transaction. */
async function restore(db: Dexie, files: JournalFiles, plan: RecoveryPlan): Promise<number> {
  const missing = await withBytes(files, plan)
  if (missing > 0) console.warn(`[journal] ${missing} attachments had no file`)
  await db.transaction('rw', db.tables, async () => {
    markRestoring() // the snapshot holds sealed meetings' rows: they come back as they were
    for (const t of db.tables) await t.clear()
    // A snapshot or entry made before schema 13 holds attendance and links flat: onto their per-meeting rows.
    const has = (name: string) => db.tables.some((t) => t.name === name)
    const legacy = (name: string) => !has(name) && has(STORE_OF_FLAT[name] ?? '')
    for (const [name, list] of plan.snapshot.tables) {
      if (legacy(name)) await putFlat(db, name, list)
      if (!has(name)) continue
      await db.table(name).bulkPut(list)
    }
    for (const entry of plan.entries)
      for (const op of entry.ops) {
        if (legacy(op.t) && 'put' in op) await putFlat(db, op.t, op.put)
        if (!has(op.t)) continue
        const table = db.table(op.t)
        if ('put' in op) await table.bulkPut(op.put)
        else if ('del' in op) await table.bulkDelete(op.del as string[])
        else if (op.range === 'all') await table.clear()
        else
          await table
            .where(':id')
            .between(op.range.lower, op.range.upper, !op.range.lowerOpen, !op.range.upperOpen)
            .delete()
      }
  })
  // Records as the secretary counts them: this laptop's settings aside.
  const counts = await Promise.all(
    db.tables.filter((t) => !['settings', 'projection', 'statMonths'].includes(t.name)).map((t) => t.count()),
  )
  return counts.reduce((a, b) => a + b, 0)
}

interface SnapshotFacts {
  gen: number
  header: SnapshotHeader
}

/** Snapshots that are whole (header and end line both there), newest first. */
function wholeSnapshots(scan: JournalScan): SnapshotFacts[] {
  const out: SnapshotFacts[] = []
  for (const s of scan.snapshots) {
    const header = readLines<SnapshotHeader>(`${s.head}\n`)[0]
    const end = readLines<{ kind: string }>(s.tail).pop()
    if (header?.kind === 'snapshot' && end?.kind === 'end') out.push({ gen: genOf(s.name), header })
  }
  return out.sort((a, b) => b.gen - a.gen)
}

function lineCount(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** The newest whole entry of a journal file, read from its end. */
function lastEntry(text: string): JournalEntry | undefined {
  let end = text.length
  while (end > 0) {
    const start = (end >= 2 ? text.lastIndexOf('\n', end - 2) : -1) + 1
    const found = readLines<JournalEntry>(text.slice(start, end))[0]
    if (found) return found
    if (start === 0) break
    end = start
  }
  return undefined
}

export type JournalStart =
  | { state: 'unavailable' | 'started' | 'fresh' }
  | { state: 'recovered'; rows: number; entries: number; at: string }
  | { state: 'failed'; message: string }

/** How the journal started in this window: the app tells the user about a recovery. */
export let journalStart: JournalStart = { state: 'unavailable' }
export function setJournalStart(start: JournalStart): void {
  journalStart = start
  if (start.state === 'recovered') console.warn(`[journal] recovered ${start.rows} rows and ${start.entries} entries`)
}

function activate(db: Dexie, files: JournalFiles, gen: number, seq: number, entries: number): void {
  active = { db, files, gen, seq, sinceSnapshot: { entries, bytes: 0 }, pending: new Set() }
}

/**
 * Starts the journal before the app touches the database. A database that
 * has lost its journal marker and its records while the journal still holds
 * a snapshot was emptied behind the app's back: it is rebuilt first.
 */
export async function startJournal(db: Dexie, files: JournalFiles | undefined): Promise<JournalStart> {
  if (!files) return { state: 'unavailable' }
  try {
    const scan = await files.scan()
    const snapshots = wholeSnapshots(scan)
    // Startup reads only each journal's last whole line (its newest number) and counts the rest.
    const lasts = scan.journals.map((f) => lastEntry(f.text)?.seq ?? 0)
    const entries = { length: scan.journals.reduce((n, f) => n + lineCount(f.text), 0) }
    const maxGen = Math.max(0, ...scan.snapshots.map((s) => genOf(s.name)), ...scan.journals.map((f) => genOf(f.name)))
    const maxSeq = Math.max(0, ...snapshots.map((s) => s.header.seq), ...lasts)
    const marker = (await db.table('settings').get(JOURNAL_KEY))?.value as { dbId?: string } | undefined
    if (!marker?.dbId && snapshots.length > 0 && (await db.table('communities').count()) === 0) {
      const plan = planRecovery(await files.readAll())
      if (plan && plan.snapshot.rows > 0) {
        const rows = await restore(db, files, plan)
        // Erasures made after the snapshot's rows were written must not come back with them.
        await applyTombstones(db)
        activate(db, files, maxGen, maxSeq, plan.entries.length)
        return { state: 'recovered', rows, entries: plan.entries.length, at: plan.snapshot.header.at }
      }
    }
    if (marker?.dbId && snapshots[0]?.header.dbId === marker.dbId) {
      activate(db, files, maxGen, maxSeq, entries.length)
      if (entries.length >= SNAPSHOT_AFTER_ENTRIES) scheduleSnapshot(active!, 10_000)
      return { state: 'started' }
    }
    // A new database, one from before the journal, or a journal that is not its own: start afresh.
    await files.reset()
    await db.table('settings').put({ key: JOURNAL_KEY, value: { dbId: marker?.dbId ?? newId() } })
    activate(db, files, 0, 0, 0)
    // Not awaited: a ten-year database from before the journal takes a while to read.
    void takeSnapshot().catch((error: unknown) => console.error('[journal] first snapshot failed', error))
    return { state: 'fresh' }
  } catch (error) {
    // The app still runs on IndexedDB alone; the backups remain.
    console.error('[journal] could not start', error)
    active = undefined
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
}

/** Stops journaling (tests; a window that must not write the journal). */
export function stopJournal(): void {
  if (active?.timer) clearTimeout(active.timer)
  active = undefined
}

// The routes around the seal guard, as an attacker with the files would take
// them: writes made straight to IndexedDB (no Dexie, so no middleware), and
// archives made by hand with every checksum recomputed. Each mutation must be
// caught by the audit (at start and before every export), by the archive
// check on import, or by the code printed on the paper minutes.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DB_NAME } from '@/db/schema'
import { auditAll } from '@/db/verify.repo'
import { readTables } from '@/db/archive.repo'
import { packArchive, unpackArchive, SEAL_TABLES, type ArchiveRow, type ArchiveTables } from '@/archive/format'
import { ArchiveError } from '@/archive/errors'
import { meetingForCode, type IssuedCode } from '@/domain/chain-audit'
import { appendToChain, sealedPayload, verificationCode, type SealEntry, type SealKind } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { issueCode } from '@/platform'
import { db } from '@/db/schema'
import { COMMUNITY, MEETING, seedCommunity, wipe } from './support/archive-fixture'
import { meetingLinks } from '@/db/chain-links'
import { sheetOf, STORE_OF_FLAT, storeRows } from '@/db/per-meeting'

/** The sealed tables as archives hold them, and the object stores they live in (per-meeting.ts). */
const FLAT = [...new Set(['seals', ...Object.values(SEAL_TABLES)])]
const STORES = FLAT.map((t) => STORE_OF_FLAT[t] ?? t)
const KINDS = Object.keys(SEAL_TABLES) as SealKind[]
let original: ArchiveTables
let printed: IssuedCode
let raw: IDBDatabase

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

/** One raw read-write transaction: puts and deletes straight into the object stores. */
function rawWrite(work: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = raw.transaction(STORES, 'readwrite')
    work(tx)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
}

/** Writes the sealed tables straight into their object stores, around Dexie and its seal guard. */
const rawTables = (tables: ArchiveTables) =>
  rawWrite((tx) => {
    for (const t of FLAT) {
      const store = tx.objectStore(STORE_OF_FLAT[t] ?? t)
      store.clear()
      // Every row on the one meeting's sheet, a decoy copy of another kind's record too.
      const rows =
        t === 'attendance' ? [sheetOf(MEETING, COMMUNITY, tables[t] as never)] : storeRows(t, tables[t] ?? [])
      for (const row of rows) store.put(row)
    }
  })

/** Puts every sealed store back as it was before the mutation. */
const restore = () => rawTables(original)

const chainRows = () => [...(original.seals as unknown as SealEntry[])].sort((a, b) => a.seq - b.seq)
const covered = (kind: SealKind, row: ArchiveRow) =>
  Object.keys(sealedPayload(kind, row)).filter((k) => k !== 'id' && row[k] !== undefined)

/** A changed record, the chain recomputed over it and the meeting's stored code rewritten to match. */
async function recomputedWith(entry: SealEntry, field: number, value: string) {
  const table = SEAL_TABLES[entry.kind]
  const row = original[table]!.find((r) => r.id === entry.recordId)!
  const key = covered(entry.kind, row)[field % covered(entry.kind, row).length]!
  const changed = { ...row, [key]: `${String(row[key])}${value}改` }
  const toSeal = chainRows().map((e) => {
    const r = e.recordId === changed.id ? changed : original[SEAL_TABLES[e.kind]]!.find((x) => x.id === e.recordId)!
    return { kind: e.kind, record: r }
  })
  let n = 0
  const links = await appendToChain(undefined, toSeal, {
    communityId: COMMUNITY,
    meetingId: MEETING,
    at: chainRows()[0]!.at,
    newId: () => `forged-${n++}`,
    sha256: sha256Hex,
  })
  const meeting = {
    ...original.meetings!.find((m) => m.id === MEETING)!,
    verificationCode: verificationCode(links.at(-1)!.hash),
  }
  if (changed.id === MEETING) Object.assign(meeting, changed, { verificationCode: meeting.verificationCode })
  return { table, changed, links, meeting }
}

type Mutation = { kind: string; at: number; field: number; value: string }

/** The sealed tables after one attack on the link `entry` (or on its record). */
async function attacked(m: Mutation, entry: SealEntry) {
  const table = SEAL_TABLES[entry.kind]
  const row = original[table]!.find((r) => r.id === entry.recordId)!
  const tables: ArchiveTables = Object.fromEntries(Object.entries(original).map(([t, rows]) => [t, [...rows]]))
  const key = covered(entry.kind, row)[m.field % covered(entry.kind, row).length]!
  const swap = (t: string, r: ArchiveRow) => (tables[t] = tables[t]!.map((x) => (x.id === r.id ? r : x)))
  if (m.kind === 'edit') swap(table, { ...row, [key]: `${String(row[key])}${m.value}改` })
  if (m.kind === 'decoy') {
    const other = SEAL_TABLES[KINDS.filter((k) => k !== entry.kind)[m.field % (KINDS.length - 1)]!]
    tables[other] = [...(tables[other] ?? []), { ...row }]
    swap(table, { ...row, [key]: `${String(row[key])}改` })
  }
  if (m.kind === 'deleteRecord') tables[table] = tables[table]!.filter((r) => r.id !== row.id)
  if (m.kind === 'deleteLink') tables.seals = tables.seals!.filter((s) => s.id !== entry.id)
  if (m.kind === 'editLink') swap('seals', { ...(entry as unknown as ArchiveRow), payloadHash: '0'.repeat(64) })
  const forged = m.kind === 'recompute' ? await recomputedWith(entry, m.field, m.value) : undefined
  if (forged) {
    tables.seals = forged.links as unknown as ArchiveRow[]
    swap(forged.table, forged.changed)
    swap('meetings', forged.meeting)
  }
  return { tables, forged }
}

const mutation = fc.record({
  kind: fc.constantFrom('edit', 'decoy', 'deleteRecord', 'deleteLink', 'editLink', 'recompute'),
  at: fc.nat(),
  field: fc.nat(),
  value: fc.string({ maxLength: 6 }),
})

beforeAll(async () => {
  await wipe()
  await seedCommunity()
  const seals = await meetingLinks(MEETING)
  const head = seals.at(-1)!.hash
  await db.meetings.update(MEETING, { verificationCode: verificationCode(head) })
  printed = { communityId: COMMUNITY, meetingId: MEETING, code: verificationCode(head), head, at: seals.at(-1)!.at }
  await issueCode(printed)
  original = await readTables()
  raw = await request(indexedDB.open(DB_NAME))
})

describe('raw IndexedDB writes and hand-made archives', () => {
  it('the untouched database passes the audit', async () => {
    expect(await auditAll()).toEqual([])
  })

  it('every raw write around Dexie is caught by the audit', async () => {
    const byKind: Record<string, number> = {}
    let runs = 0
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const chain = chainRows()
        const entry = chain[m.at % chain.length]!
        const { tables } = await attacked(m, entry)
        await rawTables(tables)
        const failures = await auditAll()
        await restore()
        runs += 1
        const label = failures[0]
          ? `${m.kind}:${failures[0].audit.ok ? '' : failures[0].audit.reason}`
          : `${m.kind}:UNDETECTED`
        byKind[label] = (byKind[label] ?? 0) + 1
        return failures.length === 1
      }),
      { numRuns: 2_000, seed: 15 },
    )
    console.info(`[raw-idb] ${runs} raw IndexedDB writes, all caught by the audit: ${JSON.stringify(byKind)}`)
    expect(await auditAll()).toEqual([])
  }, 600_000)

  it('every hand-made archive with recomputed hashes is refused on import or fails the printed code', async () => {
    const byKind: Record<string, number> = {}
    let runs = 0
    await fc.assert(
      fc.asyncProperty(mutation, fc.boolean(), async (m, forgeIssued) => {
        const chain = chainRows()
        const entry = chain[m.at % chain.length]!
        const { tables, forged } = await attacked(m, entry)
        let issued: IssuedCode[] = [printed]
        if (forged) {
          // The forger may also rewrite the issued codes the archive carries, or leave them.
          const head = forged.links.at(-1)!.hash
          if (forgeIssued) issued = [{ ...printed, head, code: verificationCode(head) }]
        }
        const file = await packArchive({
          tables,
          scope: { communityId: null, from: null, to: null },
          schemaVersion: 1,
          createdAt: '2026-12-01T08:00:00.000Z',
          issued,
        })
        runs += 1
        let label: string
        try {
          const back = await unpackArchive(file, { knownTables: Object.keys(original) })
          // It passed every check in the file: only the paper can tell now.
          const caught = meetingForCode(printed.code, back.tables.seals as unknown as SealEntry[]) !== MEETING
          label = caught ? `${m.kind}:printedCode` : `${m.kind}:UNDETECTED`
        } catch (e) {
          label = `${m.kind}:${e instanceof ArchiveError ? e.code : 'crash'}`
        }
        byKind[label] = (byKind[label] ?? 0) + 1
        return !label.endsWith('UNDETECTED') && !label.endsWith('crash')
      }),
      { numRuns: 1_000, seed: 15 },
    )
    console.info(`[hand-made] ${runs} hand-made archives with recomputed hashes, all caught: ${JSON.stringify(byKind)}`)
  }, 600_000)
})

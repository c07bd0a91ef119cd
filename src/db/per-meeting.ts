// Attendance and seal links are stored per meeting, not per person and per
// link: a ten-year archive holds about 40,000 of them, which IndexedDB writes
// in 7.5 s as rows and in 0.16 s as 120 per-meeting rows (issue 18). The
// records inside are unchanged, so every payload hash and chain link verifies
// exactly as before. Archives, street packages and the repositories' callers
// still see the flat tables `attendance` and `seals`: this file converts.
import type { Dexie, Table } from 'dexie'
import type { Attendance } from '@/domain/attendance'
import type { SealEntry } from '@/domain/seal'

/** The sign-in sheet of one meeting: its Attendance rows, each as sealed. Keyed by the meeting's id. */
export interface SignInSheet {
  id: string
  meetingId: string
  communityId: string
  rows: Attendance[]
  createdAt: string
  updatedAt: string
}

/**
 * Consecutive links of one community's chain for one meeting: a sealing, or
 * an amendment appended later. Keyed by its first link's id; never changed.
 */
export interface SealBatch {
  id: string
  meetingId: string
  communityId: string
  firstSeq: number
  lastSeq: number
  links: SealEntry[]
  createdAt: string
  updatedAt: string
}

/** The flat table each per-meeting store stands for (archives and packages keep the flat tables). */
export const FLAT_OF_STORE: Readonly<Record<string, string>> = { signInSheets: 'attendance', sealBatches: 'seals' }
export const STORE_OF_FLAT: Readonly<Record<string, string>> = { attendance: 'signInSheets', seals: 'sealBatches' }

const stampRange = (rows: { createdAt: string; updatedAt: string }[]) => ({
  createdAt: rows.reduce((a, r) => (r.createdAt < a ? r.createdAt : a), rows[0]!.createdAt),
  updatedAt: rows.reduce((a, r) => (r.updatedAt > a ? r.updatedAt : a), rows[0]!.updatedAt),
})

/** One sheet per meeting for the given rows, in the order given. */
export function sheetsOf(rows: readonly Attendance[]): SignInSheet[] {
  const by = new Map<string, Attendance[]>()
  for (const r of rows) by.set(r.meetingId, [...(by.get(r.meetingId) ?? []), r])
  return [...by].map(([meetingId, list]) => sheetOf(meetingId, list[0]!.communityId, list))
}

export function sheetOf(meetingId: string, communityId: string, rows: Attendance[]): SignInSheet {
  return { id: meetingId, meetingId, communityId, rows, ...stampRange(rows) }
}

/** Links grouped into runs of consecutive positions of one community's chain with the same meeting. */
export function batchesOf(links: readonly SealEntry[]): SealBatch[] {
  const sorted = [...links].sort((a, b) =>
    a.communityId < b.communityId ? -1 : a.communityId > b.communityId ? 1 : a.seq - b.seq,
  )
  const out: SealBatch[] = []
  let run: SealEntry[] = []
  const close = () => {
    if (run.length) out.push(batchOf(run))
    run = []
  }
  for (const l of sorted) {
    const prev = run[run.length - 1]
    if (prev && (prev.communityId !== l.communityId || prev.meetingId !== l.meetingId || prev.seq + 1 !== l.seq))
      close()
    run.push(l)
  }
  close()
  return out
}

export function batchOf(links: SealEntry[]): SealBatch {
  const first = links[0]!
  return {
    id: first.id,
    meetingId: first.meetingId,
    communityId: first.communityId,
    firstSeq: first.seq,
    lastSeq: links[links.length - 1]!.seq,
    links,
    ...stampRange(links),
  }
}

/** The flat rows a per-meeting store's rows hold; any other store's rows as they are. */
export function flatRows(store: string, rows: readonly unknown[]): { id: string; [key: string]: unknown }[] {
  if (store === 'signInSheets') return (rows as SignInSheet[]).flatMap((s) => s.rows) as never
  if (store === 'sealBatches') return (rows as SealBatch[]).flatMap((b) => b.links) as never
  return rows as never
}

/** A store's rows for a flat table's rows (the inverse of flatRows). */
export function storeRows(flat: string, rows: readonly unknown[]): unknown[] {
  if (flat === 'attendance') return sheetsOf(rows as Attendance[])
  if (flat === 'seals') return batchesOf(rows as SealEntry[])
  return [...rows]
}

/**
 * Looks flat rows up by id across the per-meeting store (or any other table
 * by key): what a merge and the audit compare with. `meetingIds` narrows the
 * sheets read; without it every sheet is read.
 */
export async function flatGet(
  d: Dexie,
  flat: string,
  ids: readonly string[],
  meetingIds?: readonly string[],
): Promise<({ id: string; [key: string]: unknown } | undefined)[]> {
  const store = STORE_OF_FLAT[flat]
  if (!store || !d.tables.some((t) => t.name === store))
    return (await d.table(flat).bulkGet([...ids])) as ({ id: string } | undefined)[]
  const t = d.table(store)
  const meetings = meetingIds && [...new Set(meetingIds)]
  const rows = !meetings
    ? await t.toArray()
    : store === 'signInSheets'
      ? (await t.bulkGet(meetings)).filter(Boolean)
      : await t.where('meetingId').anyOf(meetings).toArray()
  const byId = new Map(flatRows(store, rows).map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id))
}

/**
 * Writes flat rows into their per-meeting store, keeping the rows already
 * there: an attendance row replaces the one with its id on its meeting's
 * sheet; links not yet stored become new batches. Call inside a transaction
 * over the store.
 */
export async function putFlat(d: Dexie, flat: string, rows: readonly unknown[]): Promise<void> {
  if (!rows.length) return
  const store = STORE_OF_FLAT[flat]
  if (!store) return void (await d.table(flat).bulkPut([...rows]))
  const t: Table = d.table(store)
  if (flat === 'attendance') {
    const incoming = sheetsOf(rows as Attendance[])
    const here = (await t.bulkGet(incoming.map((s) => s.id))) as (SignInSheet | undefined)[]
    await t.bulkPut(
      incoming.map((s, i) => {
        const old = here[i]
        if (!old) return s
        const fresh = new Map(s.rows.map((r) => [r.id, r]))
        const kept = old.rows.map((r) => fresh.get(r.id) ?? r)
        const known = new Set(old.rows.map((r) => r.id))
        return sheetOf(s.meetingId, s.communityId, [...kept, ...s.rows.filter((r) => !known.has(r.id))])
      }),
    )
    return
  }
  const links = rows as SealEntry[]
  const communities = [...new Set(links.map((l) => l.communityId))]
  const stored = new Set<string>()
  for (const c of communities)
    for (const b of (await t.where('communityId').equals(c).toArray()) as SealBatch[])
      for (const l of b.links) stored.add(l.id)
  await t.bulkPut(batchesOf(links.filter((l) => !stored.has(l.id))))
}

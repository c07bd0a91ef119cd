// Bundled for the browser by tests/bench/run.mjs: writes the ten-year dataset
// into the app's own IndexedDB, with a sealed hash chain like real meetings.
import { ShangliangDb } from '@/db/schema'
import { newId } from '@/domain/ids'
import { appendToChain, sealedRecords, verifyChain, type SealEntry, type ToSeal } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import Dexie from 'dexie'
import { exportArchive, importArchive, readTables } from '@/db/archive.repo'
import { SEAL_TABLES } from '@/archive/format'
import { rebuildStatMonths } from '@/db/aggregates/rebuild'
import { recountStats, statsFor } from '@/db/stats.repo'
import { generateDataset, photo, scaled, TEN_YEARS } from './dataset'
import { batchOf, putFlat, storeRows } from '@/db/per-meeting'

async function seed(factor: number) {
  const t0 = performance.now()
  const size = factor === 1 ? TEN_YEARS : scaled(factor)
  const d = generateDataset(size)
  const db = new ShangliangDb()
  await db.open()
  await db.transaction('rw', db.tables, async () => {
    await db.communities.put(d.community)
    await db.settings.put({ key: 'currentCommunityId', value: d.community.id })
    await db.people.bulkPut(d.people)
    await db.topics.bulkPut(d.topics)
    await db.requests.bulkPut(d.requests)
    await putFlat(db, 'attendance', d.attendance)
    await db.votes.bulkPut(d.votes)
    await db.resolutions.bulkPut(d.resolutions)
    await db.actionItems.bulkPut(d.actionItems)
    // The sealed meetings last: once a meeting is sealed, its records cannot be written.
    await db.meetings.bulkPut(d.meetings)
  })
  const tRecords = performance.now()

  // Seal each meeting's records in date order, as closing the meetings did.
  const byMeeting = new Map<string, ToSeal[]>()
  const add = (meetingId: string, item: ToSeal) => {
    const list = byMeeting.get(meetingId) ?? []
    list.push(item)
    byMeeting.set(meetingId, list)
  }
  for (const a of d.attendance) add(a.meetingId, { kind: 'attendance', record: a as never })
  for (const v of d.votes) add(v.meetingId, { kind: 'vote', record: v as never })
  for (const r of d.resolutions) add(r.meetingId, { kind: 'resolution', record: r as never })
  for (const i of d.actionItems) add(i.meetingId, { kind: 'actionItem', record: i as never })
  let head: SealEntry | undefined
  let sealed = 0
  for (const m of d.meetings) {
    const items = byMeeting.get(m.id) ?? []
    const links = await appendToChain(head, items, {
      communityId: d.community.id,
      meetingId: m.id,
      at: m.sealedAt!,
      newId,
      sha256: sha256Hex,
    })
    if (links.length) head = links[links.length - 1]
    if (links.length) await db.sealBatches.add(batchOf(links))
    sealed += links.length
  }
  const tSeals = performance.now()

  for (let i = 0; i < size.photos; i += 50) {
    const batch = []
    for (let k = i; k < Math.min(size.photos, i + 50); k++)
      batch.push(photo(k, size.photoBytes, d.community.id, d.topics[k % d.topics.length]!.id))
    await db.attachments.bulkPut(batch)
  }
  const tPhotos = performance.now()
  // The bulk writes above marked the statistics month rows stale; count them once, as after an import.
  await rebuildStatMonths(db)
  const tStats = performance.now()
  const bigMeeting = d.meetings[d.meetings.length - 1]!.id
  db.close()
  return {
    bigMeetingId: bigMeeting,
    counts: {
      people: d.people.length,
      meetings: d.meetings.length,
      topics: d.topics.length,
      requests: d.requests.length,
      attendance: d.attendance.length,
      actionItems: d.actionItems.length,
      seals: sealed,
      photos: size.photos,
    },
    seconds: {
      records: (tRecords - t0) / 1000,
      seals: (tSeals - tRecords) / 1000,
      photos: (tPhotos - tSeals) / 1000,
      stats: (tStats - tPhotos) / 1000,
    },
  }
}

/** Seconds spent in each phase the archive code reports (the first report of a phase starts it). */
function phaseClock() {
  const seconds: Record<string, number> = {}
  // Until the first report: opening the database, reading the issued codes.
  let phase = 'start'
  let since = performance.now()
  const onProgress = (p: { phase: string }) => {
    if (p.phase === phase) return
    const t = performance.now()
    if (phase) seconds[phase] = (seconds[phase] ?? 0) + (t - since) / 1000
    phase = p.phase
    since = t
  }
  const stop = () => {
    onProgress({ phase: '' })
    return Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, Math.round(v * 10) / 10]))
  }
  return { onProgress, stop }
}

/** Exports the whole community and imports it back (replace), timing each half and each phase. */
async function archiveRoundTrip() {
  const t0 = performance.now()
  const exportClock = phaseClock()
  const bytes = await exportArchive({ onProgress: exportClock.onProgress })
  const exportPhases = exportClock.stop()
  const t1 = performance.now()
  const importClock = phaseClock()
  await importArchive(bytes, 'replace', undefined, undefined, importClock.onProgress)
  const t2 = performance.now()
  const round = (x: number) => Math.round(x / 100) / 10
  return {
    exportS: round(t1 - t0),
    importS: round(t2 - t1),
    mb: Math.round(bytes.byteLength / 1e5) / 10,
    exportPhases,
    importPhases: importClock.stop(),
  }
}

/**
 * The two changes of issue 18 measured against what they replaced, in the
 * same page and run (the machine varies 2× between runs): the attendance and
 * links written as one row each (schema 12) or per meeting (schema 13), into
 * a scratch database with each layout's indexes; and the whole chain
 * verified with WebCrypto's digest or with hash-wasm (platform/hash.ts).
 */
async function archiveProbes() {
  const tables = await readTables()
  const attendance = tables.attendance ?? []
  const links = (tables.seals ?? []) as unknown as SealEntry[]
  const scratch = new Dexie('shangliang-bench-layout')
  scratch.version(1).stores({
    attendance: 'id, meetingId, personId',
    seals: 'id, communityId, meetingId, [meetingId+seq], [communityId+seq]',
    signInSheets: 'id, communityId',
    sealBatches: 'id, communityId, meetingId, [communityId+firstSeq]',
  })
  await scratch.open()
  const timed = async (work: () => Promise<unknown>) => {
    const t0 = performance.now()
    await work()
    return (performance.now() - t0) / 1000
  }
  const flatS = await timed(() =>
    scratch.transaction('rw', scratch.tables, async () => {
      await scratch.table('attendance').bulkPut(attendance)
      await scratch.table('seals').bulkPut(links)
    }),
  )
  const perMeetingS = await timed(() =>
    scratch.transaction('rw', scratch.tables, async () => {
      await scratch.table('signInSheets').bulkPut(storeRows('attendance', attendance))
      await scratch.table('sealBatches').bulkPut(storeRows('seals', links))
    }),
  )
  scratch.close()
  await Dexie.delete('shangliang-bench-layout')
  const records = sealedRecords(
    Object.fromEntries(Object.entries(SEAL_TABLES).map(([kind, table]) => [kind, tables[table] ?? []])),
  )
  const chain = [...links].sort((a, b) => a.seq - b.seq)
  const webCrypto = async (text: string) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
    return Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, '0')).join('')
  }
  let ok = true
  const webCryptoS = await timed(async () => (ok = (await verifyChain(chain, records, webCrypto)).ok && ok))
  const wasmS = await timed(async () => (ok = (await verifyChain(chain, records, sha256Hex)).ok && ok))
  const r2 = (x: number) => Math.round(x * 100) / 100
  return {
    rows: attendance.length + links.length,
    perMeetingRows: storeRows('attendance', attendance).length + storeRows('seals', links).length,
    flatS: r2(flatS),
    perMeetingS: r2(perMeetingS),
    webCryptoS: r2(webCryptoS),
    wasmS: r2(wasmS),
    verified: ok,
  }
}

/** The statistics' data layer alone: read from the month rows, and counted from every stored row (median of 3). */
async function statsRead(from: string, to: string) {
  const db = new ShangliangDb()
  await db.open()
  const communityId = (await db.settings.get('currentCommunityId'))?.value as string
  db.close()
  const time = async (f: () => Promise<unknown>) => {
    const ms: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      await f()
      ms.push(performance.now() - t0)
    }
    return Math.round(ms.sort((a, b) => a - b)[1]!)
  }
  const period = { from, to }
  return {
    aggregatesMs: await time(() => statsFor(communityId, period)),
    recountMs: await time(() => recountStats(communityId, period)),
  }
}

;(globalThis as unknown as { ShangliangBench: unknown }).ShangliangBench = {
  seed,
  archiveRoundTrip,
  archiveProbes,
  statsRead,
}

// Bundled for the browser by tests/bench/street.mjs. Makes 50 communities'
// report packages of a year each (real chains, real keys, the app's own
// archive and package code), then imports them into this profile set up as a
// street office, and counts the year's statistics across all of them.
import { newId } from '@/domain/ids'
import { appendToChain, type SealEntry, type ToSeal } from '@/domain/seal'
import { sealingHeads } from '@/domain/street-heads'
import { maskForStreet } from '@/domain/street-mask'
import { sha256Hex } from '@/platform/hash'
import { packArchive, type ArchiveTables } from '@/archive/format'
import { generateKeys, unwrapPrivate, wrapPrivate } from '@/archive/keys'
import { sealPackage } from '@/archive/package'
import { createOwnKeys } from '@/db/keys.repo'
import { importReportPackage, saveOffice } from '@/db/street.repo'
import { streetStatsFor } from '@/db/street-inbox.repo'
import { db } from '@/db/schema'
import { generateDataset, type DatasetSize } from './dataset'

const FIXED = '0190aaaa-0000-7000-8000-000000000001'

/** What a typical community's year holds: two meetings a month, 400 requests. */
export const TYPICAL_YEAR: DatasetSize = {
  meetings: 24,
  requests: 400,
  topics: 72,
  actionItems: 200,
  attendance: 720,
  photos: 0,
  photoBytes: 0,
  people: 300,
}

async function communityTables(cid: string, name: string, size: DatasetSize): Promise<ArchiveTables> {
  const d = JSON.parse(JSON.stringify(generateDataset(size)).replaceAll(FIXED, cid)) as ReturnType<
    typeof generateDataset
  >
  d.community.name = name
  const byMeeting = new Map<string, ToSeal[]>()
  const add = (m: string, item: ToSeal) => byMeeting.set(m, [...(byMeeting.get(m) ?? []), item])
  for (const a of d.attendance) add(a.meetingId, { kind: 'attendance', record: a as never })
  for (const v of d.votes) add(v.meetingId, { kind: 'vote', record: v as never })
  for (const r of d.resolutions) add(r.meetingId, { kind: 'resolution', record: r as never })
  for (const i of d.actionItems) add(i.meetingId, { kind: 'actionItem', record: i as never })
  const seals: SealEntry[] = []
  for (const m of d.meetings) {
    const links = await appendToChain(seals.at(-1), byMeeting.get(m.id) ?? [], {
      communityId: cid,
      meetingId: m.id,
      at: m.sealedAt!,
      newId,
      sha256: sha256Hex,
    })
    seals.push(...links)
  }
  const rows = (t: string, list: unknown[]) => maskForStreet(t, list as { id: string }[])
  return {
    communities: [d.community],
    meetings: d.meetings,
    topics: d.topics,
    requests: rows('requests', d.requests),
    attendance: d.attendance,
    votes: d.votes,
    resolutions: d.resolutions,
    actionItems: d.actionItems,
    seals,
  } as unknown as ArchiveTables
}

async function run(count: number, size: DatasetSize = TYPICAL_YEAR) {
  const names = Array.from({ length: count }, (_, i) => `第${i + 1}社区`)
  const office = await saveOffice({
    name: '新华路街道',
    kind: 'street',
    partyCommittee: '中共新华路街道工作委员会',
    communities: names,
  })
  const street = await createOwnKeys('street', office.id, 'bench-password')
  const t0 = performance.now()
  const packages: { bytes: Uint8Array; fingerprint: string }[] = []
  // One community key pair made properly, reused by all 50 senders' wrap/unwrap path once:
  // key generation is not what is measured.
  for (const [i, name] of names.entries()) {
    const cid = `0190bbbb-0000-7000-8000-${String(i).padStart(12, '0')}`
    const tables = await communityTables(cid, name, size)
    const createdAt = new Date().toISOString()
    const archive = await packArchive({
      tables,
      scope: { communityId: cid, from: null, to: createdAt },
      schemaVersion: db.verno,
      createdAt,
    })
    const keys = await generateKeys()
    const priv = (await unwrapPrivate(await wrapPrivate(keys.privateJwk, 'x', 1000), 'x'))!
    const bytes = await sealPackage({
      kind: 'report',
      id: newId(),
      createdAt,
      from: { name, ownerId: cid, keys: keys.publicKeys },
      fromPrivate: priv,
      to: { fingerprint: street.fingerprint, name: office.name, ownerId: office.id, keys: street.publicKeys },
      since: null,
      chainHeads: sealingHeads(tables.seals as unknown as SealEntry[], tables.meetings!),
      counts: Object.fromEntries(Object.entries(tables).map(([t, r]) => [t, r.length])),
      archive,
    })
    const { readPackageHeader } = await import('@/archive/package')
    packages.push({ bytes, fingerprint: readPackageHeader(bytes).from.fingerprint })
  }
  const t1 = performance.now()
  // Where the time goes, on the first five: checks only (no writes).
  const { openPackage } = await import('@/archive/package')
  const { unpackArchive } = await import('@/archive/format')
  const { sessionKeys } = await import('@/db/keys.repo')
  const { REPORT_TABLES } = await import('@/domain/street-tables')
  const own = sessionKeys()
  let tOpen = 0
  let tUnpack = 0
  for (const p of packages.slice(0, 5)) {
    const a = performance.now()
    const o = await openPackage(p.bytes, {
      kind: 'report',
      ownFingerprint: own.row.fingerprint,
      ownPrivate: own.priv,
      knownSigner: async () => undefined,
      trustNew: p.fingerprint,
    })
    const b = performance.now()
    await unpackArchive(o.archive, { knownTables: REPORT_TABLES })
    tOpen += b - a
    tUnpack += performance.now() - b
  }
  console.log(`five: open ${tOpen} ms, unpack ${tUnpack} ms`)
  const t1b = performance.now()
  let rows = 0
  for (const p of packages) rows += (await importReportPackage(p.bytes, { trustNew: p.fingerprint })).rows
  const t2 = performance.now()
  const stats = await streetStatsFor({ from: '2025-11-23', to: '2026-11-22' }, '2026-11-23')
  const t3 = performance.now()
  const round = (x: number) => Math.round(x / 10) / 100
  return {
    packages: packages.length,
    megabytes: Math.round(packages.reduce((a, p) => a + p.bytes.length, 0) / 1e4) / 100,
    rows,
    makeS: round(t1 - t0),
    importS: round(t2 - t1b),
    checks5S: [round(tOpen), round(tUnpack)],
    statsS: round(t3 - t2),
    total: stats.total,
  }
}

;(globalThis as unknown as { ShangliangStreetBench: unknown }).ShangliangStreetBench = { run }

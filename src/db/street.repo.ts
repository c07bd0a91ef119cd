// The street office side: its own profile and the communities it oversees,
// report packages taken in (every check first, then one transaction — a
// refused package changes nothing), and the read-only copies they leave, kept
// apart by communityId in streetRecords (one row per community and table,
// holding that table's records) and never written back.
import { newId, nowIso } from '@/domain/ids'
import { auditChain } from '@/domain/chain-audit'
import { sealedRecords, verificationCode, type SealEntry, type SealKind } from '@/domain/seal'
import { changedHeads, sameHeads, sealingHeads, type MeetingHead } from '@/domain/street-heads'
import { streetOfficeSchema, type StreetOffice } from '@/domain/street-office'
import { REPORT_TABLES } from '@/domain/street-tables'
import { SEAL_TABLES, unpackArchive, type ArchiveRow } from '@/archive/format'
import { openPackage, PackageError, readPackageHeader, type PackageHeader } from '@/archive/package'
import { sha256Hex } from '@/platform/hash'
import { knownSigner, sessionKeys } from './keys.repo'
import { db } from './schema'
import type { OverseenRow, ReceivedPackageRow, StreetHeadRow } from './street.types'
import { parseInput, write } from './write'

export async function getOffice(): Promise<StreetOffice | undefined> {
  return db.streetOffices.toCollection().first()
}

/** Creates or updates the office; communities on the list are added, none is ever dropped (their copies stay). */
export async function saveOffice(input: unknown): Promise<StreetOffice> {
  const form = parseInput(streetOfficeSchema, input)
  const at = nowIso()
  return write([db.streetOffices, db.streetCommunities], async () => {
    const existing = await db.streetOffices.toCollection().first()
    const office: StreetOffice = {
      id: existing?.id ?? newId(),
      name: form.name,
      kind: form.kind,
      partyCommittee: form.partyCommittee,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    }
    await db.streetOffices.put(office)
    const names = new Set((await db.streetCommunities.toArray()).map((c) => c.name))
    const added: OverseenRow[] = form.communities
      .filter((n) => !names.has(n))
      .map((name) => ({ id: newId(), name, createdAt: at, updatedAt: at }))
    await db.streetCommunities.bulkAdd(added)
    return office
  })
}

export async function overseen(): Promise<OverseenRow[]> {
  return (await db.streetCommunities.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** A merge never goes backwards: an older package cannot replace a newer copy of a record. */
function mergeRows(here: ArchiveRow[], incoming: ArchiveRow[]): ArchiveRow[] {
  if (here.length === 0) return incoming
  const byId = new Map(here.map((r) => [r.id, r]))
  for (const r of incoming) {
    const old = byId.get(r.id)
    if (!old || String(old.updatedAt ?? '') <= String(r.updatedAt ?? '')) byId.set(r.id, r)
  }
  return [...byId.values()]
}

export interface ReportImport {
  packageId: string
  communityId: string
  name: string
  rows: number
  heads: number
  newKey: boolean
}

/** Why a package is refused, with what the screen shows (names, fingerprints, both heads). */
async function classifyUnknownKey(header: PackageHeader): Promise<never> {
  const bound = await db.streetCommunities.where('communityId').equals(header.from.ownerId).first()
  if (bound?.fingerprint && bound.fingerprint !== header.from.fingerprint)
    throw new PackageError('keyChanged', { name: bound.name, fingerprint: header.from.fingerprint })
  const byName = (await db.streetCommunities.toArray()).find((c) => !c.communityId && c.name === header.from.name)
  if (!bound && !byName) throw new PackageError('notOverseen', { name: header.from.name })
  throw new PackageError('unknownKey', { name: header.from.name, fingerprint: header.from.fingerprint })
}

/**
 * Takes in one report package. `trustNew` is the fingerprint the user has
 * just compared with the community's printed one: only then may a first
 * package bring its key in.
 */
export async function importReportPackage(bytes: Uint8Array, opts: { trustNew?: string } = {}): Promise<ReportImport> {
  if (!(await getOffice())) throw new PackageError('notSetUp')
  const { row: own, priv } = sessionKeys()
  const opened = await openPackage(bytes, {
    kind: 'report',
    ownFingerprint: own.fingerprint,
    ownPrivate: priv,
    knownSigner: (fp) => knownSigner('community', fp),
    trustNew: opts.trustNew,
  }).catch(async (e: unknown) => {
    if (e instanceof PackageError && e.code === 'unknownKey') return classifyUnknownKey(readPackageHeader(bytes))
    throw e
  })
  const h = opened.header
  const communities = await db.streetCommunities.toArray()
  let target = communities.find((c) => c.communityId === h.from.ownerId)
  if (opened.newKey) {
    if (target?.fingerprint && target.fingerprint !== h.from.fingerprint)
      throw new PackageError('keyChanged', { name: target.name, fingerprint: h.from.fingerprint })
    target ??= communities.find((c) => !c.communityId && c.name === h.from.name)
  } else if ((await db.knownKeys.get(h.from.fingerprint))?.ownerId !== h.from.ownerId)
    throw new PackageError('keyMismatch')
  if (!target) throw new PackageError('notOverseen', { name: h.from.name })

  const { manifest, tables } = await unpackArchive(opened.archive, { knownTables: REPORT_TABLES })
  if (manifest.scope.communityId !== h.from.ownerId) throw new PackageError('community')
  const heads = sealingHeads(tables.seals as unknown as SealEntry[], tables.meetings ?? [])
  if (!sameHeads(heads, h.chainHeads)) throw new PackageError('headsMismatch')
  const earlier = await db.streetHeads.where('communityId').equals(h.from.ownerId).toArray()
  const change = changedHeads(earlier, heads)[0]
  if (change)
    throw new PackageError(change.after ? 'chainChanged' : 'chainMissing', {
      name: target.name,
      meeting: change.title,
      before: change.before,
      after: change.after ?? '—',
    })
  if (await db.streetPackages.get(h.id)) throw new PackageError('duplicate', { name: target.name })

  const cid = h.from.ownerId
  const at = nowIso()
  const incoming = Object.entries(tables).filter(([, rows]) => rows.length > 0)
  const rowCount = incoming.reduce((n, [, rows]) => n + rows.length, 0)
  const known = new Set(earlier.map((e) => e.meetingId))
  const newHeads: StreetHeadRow[] = heads
    .filter((x) => !known.has(x.meetingId))
    .map((x) => ({
      ...x,
      id: `${cid}/${x.meetingId}`,
      communityId: cid,
      packageId: h.id,
      receivedAt: at,
      updatedAt: at,
    }))
  const received: ReceivedPackageRow = {
    id: h.id,
    communityId: cid,
    name: target.name,
    createdAt: h.createdAt,
    since: h.since,
    receivedAt: at,
    rows: rowCount,
    heads: heads.length,
    bytes: bytes.length,
    updatedAt: at,
  }
  const bound = target
  await write([db.streetRecords, db.streetHeads, db.streetPackages, db.knownKeys, db.streetCommunities], async () => {
    const here = await db.streetRecords.bulkGet(incoming.map(([table]) => `${cid}/${table}`))
    await db.streetRecords.bulkPut(
      incoming.map(([table, rows], i) => ({
        id: `${cid}/${table}`,
        communityId: cid,
        table,
        rows: mergeRows(here[i]?.rows ?? [], rows),
        updatedAt: at,
      })),
    )
    await db.streetHeads.bulkAdd(newHeads)
    await db.streetPackages.add(received)
    if (opened.newKey)
      await db.knownKeys.put({
        id: h.from.fingerprint,
        role: 'community',
        name: bound.name,
        ownerId: cid,
        publicKeys: h.from.keys,
        confirmedAt: at,
        createdAt: at,
        updatedAt: at,
      })
    await db.streetCommunities.put({
      ...bound,
      communityId: cid,
      fingerprint: h.from.fingerprint,
      confirmedAt: bound.confirmedAt ?? at,
      updatedAt: at,
    })
  })
  return {
    packageId: h.id,
    communityId: cid,
    name: target.name,
    rows: rowCount,
    heads: heads.length,
    newKey: opened.newKey,
  }
}

export async function receivedPackages(): Promise<ReceivedPackageRow[]> {
  return (await db.streetPackages.toArray()).sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1))
}

/** One community's copies of one table, as received. */
export async function copies<T = ArchiveRow>(communityId: string, table: string): Promise<T[]> {
  return ((await db.streetRecords.get(`${communityId}/${table}`))?.rows ?? []) as T[]
}

export async function receivedHeads(communityId: string): Promise<StreetHeadRow[]> {
  return db.streetHeads.where('communityId').equals(communityId).sortBy('seq')
}

export interface MeetingCheck {
  ok: boolean
  /** The head received first for this meeting */
  received?: MeetingHead
  /** The head recomputed now from the copies */
  now?: string
  code?: string
  reason?: string
}

/** Recomputes the community's chain over the copies and compares the meeting's head with the one received. */
export async function verifyMeetingAtStreet(communityId: string, meetingId: string): Promise<MeetingCheck> {
  const received = await db.streetHeads.get(`${communityId}/${meetingId}`)
  if (!received) return { ok: false, reason: 'notSealed' }
  const seals = await copies<SealEntry>(communityId, 'seals')
  // Each chain entry is looked up among the records of its own kind (a decoy in another table must not satisfy it).
  const rows: Partial<Record<SealKind, unknown[]>> = {}
  for (const [kind, table] of Object.entries(SEAL_TABLES) as [SealKind, string][])
    rows[kind] = await copies(communityId, table)
  const records = sealedRecords(rows)
  const meetings = await copies<{ id: string; title?: string; date?: string; verificationCode?: string }>(
    communityId,
    'meetings',
  )
  const audit = await auditChain(seals, records, meetings, sha256Hex)
  const now = sealingHeads(seals, meetings).find((x) => x.meetingId === meetingId)?.hash
  const ok = audit.ok && now === received.hash
  return {
    ok,
    received,
    now,
    code: verificationCode(received.hash),
    reason: ok ? undefined : audit.ok ? 'head' : audit.reason,
  }
}

/** Rows of every overseen community, for the inboxes and statistics (read in one transaction). */
export async function allCopies(tables: readonly string[]): Promise<Map<string, Record<string, ArchiveRow[]>>> {
  const out = new Map<string, Record<string, ArchiveRow[]>>()
  await db.transaction('r', [db.streetRecords, db.streetCommunities], async () => {
    const ids = (await db.streetCommunities.toArray()).flatMap((c) => (c.communityId ? [c.communityId] : []))
    const groups = await db.streetRecords.bulkGet(ids.flatMap((cid) => tables.map((t) => `${cid}/${t}`)))
    ids.forEach((cid, i) =>
      out.set(cid, Object.fromEntries(tables.map((t, k) => [t, groups[i * tables.length + k]?.rows ?? []]))),
    )
  })
  return out
}

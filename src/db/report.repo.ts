// The community side of report packages: make one for the street (full or
// changes since the last), keep the list of packages sent, and take in the
// street's reply package so its answers show in the filing's and the
// escalation's history. Replies never touch sealed records: filing opinions
// are kept beside the filing, escalation answers become request trail rows.
import { z } from 'zod'
import { newId, nowIso } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import { today } from '@/domain/calendar'
import { sealingHeads } from '@/domain/street-heads'
import { maskForStreet } from '@/domain/street-mask'
import { REPLY_TABLES, REPORT_TABLES, WHOLE_TABLES } from '@/domain/street-tables'
import { FLAT_OF_STORE, flatRows, STORE_OF_FLAT } from './per-meeting'
import type { EscalationStep, FilingReview } from '@/domain/street-office'
import type { SealEntry } from '@/domain/seal'
import type { RequestEvent } from '@/domain/request'
import { packArchive, unpackArchive, type ArchiveRow, type ArchiveTables } from '@/archive/format'
import { ArchiveError } from '@/archive/errors'
import { openPackage, PackageError, sealPackage } from '@/archive/package'
import { currentCommunity } from './community.repo'
import { knownKeys, knownSigner, sessionKeys } from './keys.repo'
import { db } from './schema'
import type { SentPackageRow, StreetReplyRow } from './street.types'
import { write } from './write'

export interface MadePackage {
  bytes: Uint8Array
  fileName: string
  sent: SentPackageRow
}

async function readReport(communityId: string, since: string | null): Promise<ArchiveTables> {
  // Attendance and links are stored per meeting and travel flat (per-meeting.ts).
  const tables = REPORT_TABLES.map((t) => db.table(STORE_OF_FLAT[t] ?? t))
  const out: ArchiveTables = {}
  await db.transaction('r', tables, async () => {
    for (const t of tables) {
      const name = FLAT_OF_STORE[t.name] ?? t.name
      const whole = WHOLE_TABLES.includes(name)
      const ours = await t.filter((r: ArchiveRow) => r.communityId === communityId || r.id === communityId).toArray()
      const rows = flatRows(t.name, ours)
      const picked = rows.filter((r) => whole || !since || String(r.updatedAt ?? r.createdAt ?? '') > since)
      out[name] = maskForStreet(name, picked)
    }
  })
  return out
}

export async function sentPackages(communityId: string): Promise<SentPackageRow[]> {
  return (await db.sentPackages.where('communityId').equals(communityId).toArray()).sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : -1,
  )
}

/** Makes the package in one step: read, mask, pack, encrypt to the street, sign, record as sent. */
export async function makeReportPackage(kind: 'full' | 'since'): Promise<MadePackage> {
  const community = await currentCommunity()
  if (!community) throw new PackageError('notSetUp')
  const { row: own, priv } = sessionKeys()
  const street = (await knownKeys('street'))[0]
  if (!street) throw new DomainError([problem('street.report.noStreetKey')])
  const last = (await sentPackages(community.id))[0]
  const since = kind === 'since' && last ? last.createdAt : null
  const tables = await readReport(community.id, since)
  const createdAt = nowIso()
  const counts = Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]))
  const archive = await packArchive({
    tables,
    scope: { communityId: community.id, from: since, to: createdAt },
    schemaVersion: db.verno,
    createdAt,
  })
  const chainHeads = sealingHeads(
    tables.seals as unknown as SealEntry[],
    (tables.meetings ?? []) as { id: string; title?: unknown; date?: unknown }[],
  )
  const id = newId()
  const bytes = await sealPackage({
    kind: 'report',
    id,
    createdAt,
    from: { name: community.name, ownerId: community.id, keys: own.publicKeys },
    fromPrivate: priv,
    to: { fingerprint: street.id, name: street.name, ownerId: street.ownerId, keys: street.publicKeys },
    since,
    chainHeads,
    counts,
    archive,
  })
  const day = today()
  const fileName = `报送包-${community.name}-${day}-${id.slice(-6)}.slpkg`
  const sent: SentPackageRow = {
    id,
    communityId: community.id,
    kind: since ? 'since' : 'full',
    since,
    to: street.name,
    fileName,
    rows: Object.values(counts).reduce((a, b) => a + b, 0),
    heads: chainHeads.length,
    bytes: bytes.length,
    createdAt,
    updatedAt: createdAt,
  }
  await write([db.sentPackages], () => db.sentPackages.add(sent))
  return { bytes, fileName, sent }
}

// ---- The street's reply

const id = z.string().min(1).max(100)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const base = { id, communityId: id, createdAt: z.string(), updatedAt: z.string(), by: z.string().max(40) }
const reviewRow = z.looseObject({
  ...base,
  filingId: id,
  status: z.enum(['received', 'reviewed', 'returned']),
  opinion: z.string().max(1000),
  on: day,
})
const stepRow = z.looseObject({
  ...base,
  requestId: id,
  kind: z.enum(['answer', 'callIn', 'departmentAnswer']),
  department: z.string().max(60).optional(),
  text: z.string().max(1000),
  on: day,
  deadline: day.optional(),
})

export interface ReplyImport {
  street: string
  filingReviews: number
  escalationSteps: number
  /** Answers already imported from an earlier reply */
  known: number
}

const STEP_LABEL: Record<EscalationStep['kind'], string> = {
  answer: '街道答复',
  callIn: '街道召集部门',
  departmentAnswer: '部门答复',
}

/** The trail row that shows a street answer in the request's history (in Chinese, as printed). */
function trailNote(s: EscalationStep): string {
  const who = s.department ? `（${s.department}）` : ''
  const by = s.deadline ? `，限${s.deadline}前答复` : ''
  return `${STEP_LABEL[s.kind]}${who}：${s.text}${by}`
}

export async function importReplyPackage(bytes: Uint8Array): Promise<ReplyImport> {
  const community = await currentCommunity()
  if (!community) throw new PackageError('notSetUp')
  const { row: own, priv } = sessionKeys()
  const opened = await openPackage(bytes, {
    kind: 'reply',
    ownFingerprint: own.fingerprint,
    ownPrivate: priv,
    knownSigner: (fp) => knownSigner('street', fp),
  })
  const { manifest, tables } = await unpackArchive(opened.archive, { knownTables: REPLY_TABLES })
  if (manifest.scope.communityId !== community.id) throw new PackageError('community')
  const reviews = (tables.streetFilingReviews ?? []).map((r) => {
    const p = reviewRow.safeParse(r)
    if (!p.success) throw new ArchiveError('badRows', { table: 'streetFilingReviews' })
    return p.data as unknown as FilingReview
  })
  const steps = (tables.streetEscalationSteps ?? []).map((r) => {
    const p = stepRow.safeParse(r)
    if (!p.success) throw new ArchiveError('badRows', { table: 'streetEscalationSteps' })
    return p.data as unknown as EscalationStep
  })
  const at = nowIso()
  const street = opened.header.from.name
  return write([db.streetReplies, db.requestEvents, db.requests, db.filings], async () => {
    const filings = new Set(
      (await db.filings.bulkGet(reviews.map((r) => r.filingId))).flatMap((f) => (f ? [f.id] : [])),
    )
    const requests = new Set(
      (await db.requests.bulkGet(steps.map((s) => s.requestId))).flatMap((r) => (r ? [r.id] : [])),
    )
    if (reviews.some((r) => !filings.has(r.filingId)) || steps.some((s) => !requests.has(s.requestId)))
      throw new PackageError('community')
    const seen = new Set(
      (await db.streetReplies.bulkGet([...reviews, ...steps].map((r) => r.id))).flatMap((r) => (r ? [r.id] : [])),
    )
    const replies: StreetReplyRow[] = []
    const events: RequestEvent[] = []
    for (const r of reviews)
      if (!seen.has(r.id))
        replies.push({
          id: r.id,
          communityId: community.id,
          kind: 'filingReview',
          targetId: r.filingId,
          packageId: opened.header.id,
          from: street,
          record: r,
          importedAt: at,
          updatedAt: at,
        })
    for (const s of steps) {
      if (seen.has(s.id)) continue
      replies.push({
        id: s.id,
        communityId: community.id,
        kind: 'escalationStep',
        targetId: s.requestId,
        packageId: opened.header.id,
        from: street,
        record: s,
        importedAt: at,
        updatedAt: at,
      })
      events.push({
        id: newId(),
        communityId: community.id,
        requestId: s.requestId,
        at,
        by: street,
        kind: 'escalationAnswer',
        note: trailNote(s),
        createdAt: at,
        updatedAt: at,
      })
    }
    await db.streetReplies.bulkAdd(replies)
    await db.requestEvents.bulkAdd(events)
    return {
      street,
      filingReviews: replies.filter((r) => r.kind === 'filingReview').length,
      escalationSteps: events.length,
      known: seen.size,
    }
  })
}

/** The street's answers about one filing or request, newest last. */
export async function repliesFor(targetId: string): Promise<StreetReplyRow[]> {
  return (await db.streetReplies.where('targetId').equals(targetId).toArray()).sort((a, b) =>
    a.record.createdAt < b.record.createdAt ? -1 : 1,
  )
}

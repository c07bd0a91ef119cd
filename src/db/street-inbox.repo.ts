// What the street does with the copies: the filings inbox and its reviews,
// the escalations inbox and its answers, statistics across communities, and
// the reply package back to one community. The street's own records are in
// its own tables (append-only: a later review is a new row, never an edit).
import { newId, nowIso } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import {
  escalationStepSchema,
  filingReviewSchema,
  escalationState,
  type EscalationStep,
  type FilingReview,
  type FilingStatus,
} from '@/domain/street-office'
import { isEscalated, REPLY_TABLES } from '@/domain/street-tables'
import { streetStats, type CommunityRows, type StreetStats } from '@/domain/street-stats'
import type { Period } from '@/domain/stats'
import type { Filing } from '@/domain/notice'
import type { Request, RequestEvent } from '@/domain/request'
import { packArchive } from '@/archive/format'
import { sealPackage } from '@/archive/package'
import { sessionKeys } from './keys.repo'
import { db } from './schema'
import { allCopies, copies, getOffice } from './street.repo'
import { parseInput, write } from './write'

const names = async () =>
  new Map((await db.streetCommunities.toArray()).flatMap((c) => (c.communityId ? [[c.communityId, c.name]] : [])))

export interface FilingInboxRow {
  communityId: string
  communityName: string
  filing: Filing
  meetingTitle: string
  meetingDate: string
  /** received until the street reviews it */
  status: FilingStatus
  reviews: FilingReview[]
}

export async function filingsInbox(): Promise<FilingInboxRow[]> {
  const [data, byName, reviews] = await Promise.all([
    allCopies(['filings', 'meetings']),
    names(),
    db.streetFilingReviews.toArray(),
  ])
  const out: FilingInboxRow[] = []
  for (const [cid, t] of data) {
    const meetings = new Map(t.meetings!.map((m) => [m.id, m]))
    for (const f of t.filings! as unknown as Filing[]) {
      const mine = reviews.filter((r) => r.filingId === f.id).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
      const m = meetings.get(f.meetingId)
      out.push({
        communityId: cid,
        communityName: byName.get(cid) ?? '',
        filing: f,
        meetingTitle: String(m?.title ?? ''),
        meetingDate: String(m?.date ?? ''),
        status: mine.at(-1)?.status ?? 'received',
        reviews: mine,
      })
    }
  }
  return out.sort((a, b) => (a.filing.sentOn < b.filing.sentOn ? 1 : -1))
}

async function assertCopy(communityId: string, table: string, id: string): Promise<void> {
  if (!(await copies(communityId, table)).some((r) => r.id === id))
    throw new DomainError([problem('street.errors.noRecord')])
}

export async function addFilingReview(communityId: string, filingId: string, input: unknown): Promise<FilingReview> {
  const form = parseInput(filingReviewSchema, input)
  await assertCopy(communityId, 'filings', filingId)
  const at = nowIso()
  const row: FilingReview = { id: newId(), communityId, filingId, ...form, createdAt: at, updatedAt: at }
  await write([db.streetFilingReviews], () => db.streetFilingReviews.add(row))
  return row
}

export interface EscalationInboxRow {
  communityId: string
  communityName: string
  request: Request
  /** The community's own trail of the request, as received */
  events: RequestEvent[]
  steps: EscalationStep[]
  state: ReturnType<typeof escalationState>
}

export async function escalationsInbox(today: string): Promise<EscalationInboxRow[]> {
  const [data, byName, steps] = await Promise.all([
    allCopies(['requests', 'requestEvents']),
    names(),
    db.streetEscalationSteps.toArray(),
  ])
  const out: EscalationInboxRow[] = []
  for (const [cid, t] of data) {
    const events = t.requestEvents! as unknown as RequestEvent[]
    for (const r of (t.requests! as unknown as Request[]).filter(isEscalated)) {
      const mine = steps.filter((s) => s.requestId === r.id).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
      out.push({
        communityId: cid,
        communityName: byName.get(cid) ?? '',
        request: r,
        events: events.filter((e) => e.requestId === r.id).sort((a, b) => (a.at < b.at ? -1 : 1)),
        steps: mine,
        state: escalationState(mine, r.dueOn, today),
      })
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.state.overdue) - Number(a.state.overdue) || (a.request.receivedOn < b.request.receivedOn ? 1 : -1),
  )
}

export async function addEscalationStep(
  communityId: string,
  requestId: string,
  input: unknown,
): Promise<EscalationStep> {
  const form = parseInput(escalationStepSchema, input)
  await assertCopy(communityId, 'requests', requestId)
  const at = nowIso()
  const row: EscalationStep = { id: newId(), communityId, requestId, ...form, createdAt: at, updatedAt: at }
  await write([db.streetEscalationSteps], () => db.streetEscalationSteps.add(row))
  return row
}

const STATS_TABLES = [
  'requests',
  'requestEvents',
  'meetings',
  'resolutions',
  'actionItems',
  'evaluations',
  'votes',
  'topics',
] as const

export async function streetStatsFor(period: Period, today: string): Promise<StreetStats> {
  const [data, byName] = await Promise.all([allCopies(STATS_TABLES), names()])
  const rows: CommunityRows[] = [...data].map(([cid, t]) => ({
    communityId: cid,
    name: byName.get(cid) ?? '',
    ...(t as unknown as Omit<CommunityRows, 'communityId' | 'name'>),
  }))
  rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  return streetStats(rows, period, today)
}

/** The reply package for one community: every opinion and answer the street holds for it, signed and encrypted to it. */
export async function makeReplyPackage(
  communityId: string,
): Promise<{ bytes: Uint8Array; fileName: string; rows: number }> {
  const office = await getOffice()
  const c = await db.streetCommunities.where('communityId').equals(communityId).first()
  const key = c?.fingerprint ? await db.knownKeys.get(c.fingerprint) : undefined
  if (!office || !c || !key) throw new DomainError([problem('street.errors.noRecord')])
  const { row: own, priv } = sessionKeys()
  const tables = {
    streetFilingReviews: await db.streetFilingReviews.where('communityId').equals(communityId).toArray(),
    streetEscalationSteps: await db.streetEscalationSteps.where('communityId').equals(communityId).toArray(),
  } satisfies Record<(typeof REPLY_TABLES)[number], unknown[]>
  const createdAt = nowIso()
  const archive = await packArchive({
    tables: tables as never,
    scope: { communityId, from: null, to: createdAt },
    schemaVersion: db.verno,
    createdAt,
  })
  const rows = tables.streetFilingReviews.length + tables.streetEscalationSteps.length
  const bytes = await sealPackage({
    kind: 'reply',
    id: newId(),
    createdAt,
    from: { name: office.name, ownerId: office.id, keys: own.publicKeys },
    fromPrivate: priv,
    to: { fingerprint: key.id, name: c.name, ownerId: communityId, keys: key.publicKeys },
    since: null,
    chainHeads: [],
    counts: {
      streetFilingReviews: tables.streetFilingReviews.length,
      streetEscalationSteps: tables.streetEscalationSteps.length,
    },
    archive,
  })
  return { bytes, fileName: `答复包-${office.name}-${c.name}-${createdAt.slice(0, 10)}.slpkg`, rows }
}

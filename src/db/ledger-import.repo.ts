// Writes a checked ledger file (domain/ledger-import.ts) as requests, all or
// nothing, adding the channels and categories the secretary agreed to add.
// Each request is marked imported in its trail and keeps its original dates.
import { z } from 'zod'
import { newId, nowIso } from '@/domain/ids'
import { HANDLING_TYPES, raisedByFrom, REQUEST_STATUSES, type Request, type RequestEvent } from '@/domain/request'
import { SATISFACTIONS } from '@/domain/loop'
import { intakeSettings } from '@/domain/community'
import { DomainError, problem } from '@/domain/problem'
import { db } from './schema'
import { parseInput, write } from './write'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const importSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  by: z.string().trim().min(1, 'validation.required').max(40),
  addChannels: z.array(z.string().trim().min(1).max(40)).max(200),
  addCategories: z.array(z.string().trim().min(1).max(40)).max(200),
  requests: z
    .array(
      z.object({
        row: z.number().int().min(2),
        receivedOn: day,
        channel: z.string().min(1).max(40),
        raisedBy: z.string().max(40),
        place: z.string().max(60).optional(),
        category: z.string().min(1).max(40),
        description: z.string().min(1).max(1000),
        handlingType: z.enum(HANDLING_TYPES),
        dueOn: day,
        status: z.enum(REQUEST_STATUSES),
        reason: z.string().max(500).optional(),
        handler: z.string().max(40).optional(),
        resolvedOn: day.optional(),
        feedback: z.string().max(1000).optional(),
        satisfaction: z.enum(SATISFACTIONS).optional(),
      }),
    )
    .min(1)
    .max(20_000),
})

const CHUNK = 250

/** Imports the rows; `progress` gets the share written so far (0..1). Resolves with the count. */
export async function importLedger(
  communityId: string,
  input: unknown,
  progress: (share: number) => void = () => {},
): Promise<number> {
  const form = parseInput(importSchema, input)
  const now = nowIso()
  const requests: Request[] = []
  const events: RequestEvent[] = []
  for (const r of form.requests) {
    const id = newId()
    const told = Boolean(r.feedback || r.satisfaction)
    const settled = r.status === 'resolved' || r.status === 'closed'
    const request: Request = {
      id,
      communityId,
      createdAt: now,
      updatedAt: now,
      channel: r.channel,
      receivedOn: r.receivedOn,
      raisedBy: raisedByFrom({ kind: 'text', name: r.raisedBy }),
      place: r.place,
      category: r.category,
      description: r.description,
      handlingType: r.handlingType,
      dueOn: r.dueOn,
      status: r.status,
      triage:
        r.status === 'rejected'
          ? { decision: 'reject', decidedOn: r.receivedOn, by: form.by, reason: r.reason }
          : undefined,
      assignments: r.handler
        ? [{ handler: r.handler, kind: 'staff', assignedOn: r.receivedOn, dueOn: r.dueOn, by: form.by }]
        : undefined,
      resolvedOn: settled ? r.resolvedOn : undefined,
      loopClosedOn: told ? (r.resolvedOn ?? r.receivedOn) : undefined,
      satisfaction: r.satisfaction,
      importedFrom: form.fileName,
    }
    requests.push(request)
    const event = (e: Partial<RequestEvent>): RequestEvent => ({
      id: newId(),
      communityId,
      requestId: id,
      at: now,
      by: form.by,
      createdAt: now,
      updatedAt: now,
      kind: 'imported',
      ...e,
    })
    events.push(event({ status: r.status, note: `导入自“${form.fileName}”第 ${r.row} 行，原受理日期 ${r.receivedOn}` }))
    if (r.feedback)
      events.push(
        event({ kind: 'feedback', feedback: { method: 'phone', on: request.loopClosedOn!, content: r.feedback } }),
      )
  }
  progress(0)
  await write([db.communities, db.requests, db.requestEvents], async () => {
    const community = await db.communities.get(communityId)
    if (!community) throw new DomainError([problem('intake.errors.notFound')])
    if (form.addChannels.length || form.addCategories.length) {
      const s = intakeSettings(community)
      await db.communities.put({
        ...community,
        channels: [...new Set([...s.channels, ...form.addChannels])],
        categories: [...new Set([...s.categories, ...form.addCategories])],
        updatedAt: now,
      })
    }
    for (let i = 0; i < requests.length; i += CHUNK) {
      await db.requests.bulkAdd(requests.slice(i, i + CHUNK))
      progress(Math.min(1, (i + CHUNK) / requests.length) * 0.9)
    }
    await db.requestEvents.bulkAdd(events)
  })
  progress(1)
  return requests.length
}

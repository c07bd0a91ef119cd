// The data layer's half of "sealed records are never changed": a DBCore
// middleware refuses any write or delete that would alter the sign-in sheet,
// votes or resolutions of a sealed meeting. Re-writing a row unchanged
// (an import of the same record) passes; corrections are amendment records.
// A sheet is one row per meeting (per-meeting.ts): while the meeting is live,
// sign-in rewrites it; once sealed, any change to it is refused.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Middleware } from 'dexie'
import { canonicalJson } from '@/domain/seal'
import { SEALED_RECORD_TABLES, SealedRecordError } from '@/domain/chain-audit'

/** Transactions of a verified restore, which may replace sealed rows wholesale. */
const restoring = new WeakSet<object>()

/** Marks the current Dexie transaction as a restore of an archive whose chain was verified. */
export function markRestoring(): void {
  const trans = Dexie.currentTransaction as unknown as { idbtrans?: object } | null
  if (trans?.idbtrans) restoring.add(trans.idbtrans)
}

type Row = { id?: unknown; meetingId?: unknown; sealedAt?: unknown; [field: string]: unknown }

/** Fields an action item may still change after sealing: its progress, not its four answers. */
const ACTION_ITEM_MUTABLE = new Set(['status', 'doneOn', 'updatedAt', 'sealedAt'])

/** Two versions of a row are the same, ignoring the fields the table may still change. */
function sameSealedContent(table: string, before: Row, after: Row): boolean {
  if (table !== 'actionItems') return canonicalJson(before) === canonicalJson(after)
  const strip = (r: Row) => Object.fromEntries(Object.entries(r).filter(([k]) => !ACTION_ITEM_MUTABLE.has(k)))
  return canonicalJson(strip(before)) === canonicalJson(strip(after))
}

export function sealGuard(sealedMeetings: Set<string>): Middleware<DBCore> {
  // Chain links are sealed from the moment they are written, whatever their meeting.
  const isSealedIn = (table: string) => (row: Row | undefined) =>
    row !== undefined &&
    (table === 'sealBatches' || (typeof row.meetingId === 'string' && sealedMeetings.has(row.meetingId)))

  async function check(table: DBCoreTable, req: DBCoreMutateRequest): Promise<void> {
    const isSealed = isSealedIn(table.name)
    if (req.type === 'deleteRange') {
      const r = await table.query({
        trans: req.trans,
        values: true,
        query: { index: table.schema.primaryKey, range: req.range },
      })
      if ((r.result as Row[]).some(isSealed)) throw new SealedRecordError(table.name)
      return
    }
    const keys = req.type === 'delete' ? req.keys : req.values.map((v: Row) => v.id)
    const existing = (await table.getMany({ trans: req.trans, keys })) as (Row | undefined)[]
    existing.forEach((before, i) => {
      if (req.type === 'delete') {
        if (isSealed(before)) throw new SealedRecordError(table.name)
        return
      }
      const after = req.values[i] as Row
      if (table.name === 'sealBatches' && !before) return // appending links is how sealing works
      if ((isSealed(before) || isSealed(after)) && (!before || !sameSealedContent(table.name, before, after)))
        throw new SealedRecordError(table.name)
    })
  }

  return {
    stack: 'dbcore',
    name: 'sealGuard',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name)
          if (name === 'meetings')
            return {
              ...table,
              // Keeps the set of sealed meetings current without reading meetings inside other tables' transactions.
              mutate: async (req) => {
                const result = await table.mutate(req)
                if (req.type === 'add' || req.type === 'put')
                  for (const m of req.values as Row[])
                    if (m.sealedAt && typeof m.id === 'string') sealedMeetings.add(m.id)
                return result
              },
            }
          if (!SEALED_RECORD_TABLES.includes(name)) return table
          return {
            ...table,
            mutate: async (req) => {
              if (!restoring.has(req.trans as object)) await check(table, req)
              return table.mutate(req)
            },
          }
        },
      }
    },
  }
}

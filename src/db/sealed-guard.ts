import type { DBCore, Table } from 'dexie'
import type { ShangliangDb } from './schema'

/** Fields an action item may still change after sealing (its progress). */
const ACTION_ITEM_MUTABLE = new Set(['status', 'doneOn', 'updatedAt'])

export class SealedRecordError extends Error {
  constructor(table: string) {
    super(`${table}: record is sealed and cannot be changed`)
    this.name = 'SealedRecordError'
  }
}

function guard(table: Table, mutable?: Set<string>) {
  table.hook('updating', (mods, _key, obj) => {
    const sealed = (obj as { sealedAt?: string }).sealedAt
    if (!sealed) return
    const keys = Object.keys(mods as object)
    if (!mutable || keys.some((k) => !mutable.has(k))) throw new SealedRecordError(table.name)
  })
  table.hook('deleting', (_key, obj) => {
    if ((obj as { sealedAt?: string } | undefined)?.sealedAt) throw new SealedRecordError(table.name)
  })
}

const MEETING_RECORDS = new Set(['attendance', 'votes', 'resolutions', 'actionItems'])

/**
 * Refuses new rows for a sealed meeting. Creating hooks are synchronous and
 * cannot read the meeting, so this runs as a DBCore middleware, reading the
 * meeting in the caller's transaction. It can only do so when that
 * transaction includes `meetings` (every repository here does); rows being
 * sealed (carrying sealedAt) pass.
 */
function refuseRowsForSealedMeetings(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name)
      if (!MEETING_RECORDS.has(name)) return table
      return {
        ...table,
        async mutate(req) {
          const trans = req.trans as unknown as IDBTransaction
          if ((req.type === 'add' || req.type === 'put') && trans.objectStoreNames?.contains('meetings')) {
            const rows = req.values as { meetingId?: unknown; sealedAt?: unknown }[]
            const ids = [...new Set(rows.map((v) => v.meetingId).filter((id): id is string => typeof id === 'string'))]
            const meetings = ids.length > 0 ? await down.table('meetings').getMany({ trans: req.trans, keys: ids }) : []
            if (meetings.some((m) => m?.sealedAt) && rows.some((v) => !v.sealedAt)) throw new SealedRecordError(name)
          }
          return table.mutate(req)
        },
      }
    },
  }
}

/**
 * The last line of defence for sealed facts: whatever code tries it, a sealed
 * attendance row, vote or resolution is never updated or deleted, an action
 * item keeps its four answers, no new row joins a sealed meeting, and chain
 * links never change. Repositories also refuse these with a clear message.
 */
export function guardSealed(db: ShangliangDb): void {
  db.use({ stack: 'dbcore', name: 'refuseRowsForSealedMeetings', create: refuseRowsForSealedMeetings })
  guard(db.attendance)
  guard(db.votes)
  guard(db.resolutions)
  guard(db.actionItems, ACTION_ITEM_MUTABLE)
  db.seals.hook('updating', () => {
    throw new SealedRecordError('seals')
  })
  db.seals.hook('deleting', () => {
    throw new SealedRecordError('seals')
  })
}

import type { Table } from 'dexie'
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

/**
 * The last line of defence for sealed facts: whatever code tries it, a sealed
 * attendance row, vote or resolution is never updated or deleted, an action
 * item keeps its four answers, and chain links never change. Repositories also
 * refuse new rows for a closed meeting, inside their write transactions.
 */
export function guardSealed(db: ShangliangDb): void {
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

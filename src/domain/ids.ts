import { uuidv7 } from 'uuidv7'

/**
 * Globally unique, time-ordered string ids: records from many laptops and
 * communities will be merged one day, so no auto-increment keys anywhere.
 */
export function newId(): string {
  return uuidv7()
}

/** Every stored record carries these. */
export interface RecordBase {
  id: string
  /** The community the record belongs to (records travel between machines). */
  communityId: string
  createdAt: string
  updatedAt: string
}

export function nowIso(): string {
  return new Date().toISOString()
}

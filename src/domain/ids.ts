import { now } from './calendar'
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

/** The current instant from the one injectable clock (calendar.ts), as stored in records. */
export function nowIso(): string {
  return now().toISOString()
}

// 更正记录: a correction after the meeting closed. The sealed record stays as
// it was; the amendment points to it, says why, and is sealed itself.
import { z } from 'zod'
import type { RecordBase } from './ids'
import type { SealKind } from './seal'

export interface Amendment extends RecordBase {
  meetingId: string
  targetId: string
  targetKind: Exclude<SealKind, 'amendment' | 'meeting'>
  reason: string
  /** The corrected values, field by field */
  changes: Record<string, unknown>
  at: string
}

/** The sealed records an amendment may correct (a meeting is corrected through its records; an amendment by another). */
export const AMENDABLE_KINDS = [
  'attendance',
  'vote',
  'resolution',
  'actionItem',
] as const satisfies readonly Amendment['targetKind'][]

/** A correction as the console sends it: which sealed record, why, and the corrected values. */
export const amendmentSchema = z.object({
  targetId: z.string().min(1, 'validation.required'),
  targetKind: z.enum(AMENDABLE_KINDS),
  reason: z.string().trim().min(1, 'deliberation.error.reason').max(500, 'validation.tooLong'),
  changes: z.record(z.string(), z.unknown()),
})

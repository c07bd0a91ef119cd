// 更正记录: a correction after the meeting closed. The sealed record stays as
// it was; the amendment points to it, says why, and is sealed itself.
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

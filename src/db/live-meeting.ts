import { newId, nowIso, type RecordBase } from '@/domain/ids'
import type { Meeting } from '@/domain/meeting'
import { DomainError, problem } from '@/domain/problem'
import { db } from './schema'

/**
 * The meeting a live-meeting write belongs to, read inside the caller's
 * transaction (which must include db.meetings): refuses a closed meeting, so
 * nothing new is added to what has been sealed.
 */
export async function liveMeeting(meetingId: string): Promise<Meeting> {
  const m = await db.meetings.get(meetingId)
  if (!m) throw new DomainError([problem('deliberation.error.noMeeting')])
  if (m.status === 'closed' || m.sealedAt) throw new DomainError([problem('deliberation.error.sealed')])
  return m
}

/** The fields every new record carries. */
export function base(communityId: string): RecordBase {
  const now = nowIso()
  return { id: newId(), communityId, createdAt: now, updatedAt: now }
}

// What the audience window shows. The console writes one row; the projector
// renders from it, so a reloaded projector returns to the same slide.
// This row is local to one laptop and never travels in archives.
import { z } from 'zod'

export const SLIDE_KINDS = ['standby', 'agenda', 'topic', 'speaker', 'quorum', 'result', 'resolution', 'black'] as const
export type SlideKind = (typeof SLIDE_KINDS)[number]

export const PROJECTION_ID = 'current'

const id = z.string().min(1)

/** A change the console makes to the projection row; the row's id, seq and time are the repository's. */
export const projectionChangeSchema = z.object({
  meetingId: id.nullable().optional(),
  slide: z.enum(SLIDE_KINDS).optional(),
  topicId: id.optional(),
  voteId: id.optional(),
  speakerId: id.optional(),
  resolutionId: id.optional(),
  page: z.number().int().min(0).optional(),
})

export interface Projection {
  id: typeof PROJECTION_ID
  meetingId: string | null
  slide: SlideKind
  topicId?: string
  voteId?: string
  /** The speaker on the speaker slide */
  speakerId?: string
  /** The resolution on the resolution slide */
  resolutionId?: string
  /** The page of a slide too long for one screen (0, the first, unless paged with ↓) */
  page?: number
  /** Bumped on every change so followers can measure latency */
  seq: number
  updatedAt: string
}

export function standby(meetingId: string | null): Projection {
  return { id: PROJECTION_ID, meetingId, slide: 'standby', seq: 0, updatedAt: new Date().toISOString() }
}

// What the audience window shows. The console writes one row; the projector
// renders from it, so a reloaded projector returns to the same slide.
// This row is local to one laptop and never travels in archives.

export const SLIDE_KINDS = ['standby', 'agenda', 'topic', 'speaker', 'quorum', 'result', 'resolution', 'black'] as const
export type SlideKind = (typeof SLIDE_KINDS)[number]

export const PROJECTION_ID = 'current'

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

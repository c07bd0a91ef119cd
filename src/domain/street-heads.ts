// Chain heads: for each sealed meeting, the last link of its sealing (not of
// later amendments, which extend the chain legitimately). A head the street
// received once must never change: a different hash for the same meeting
// means the community's chain was rewritten after it was reported.
import type { SealEntry } from './seal'

export interface MeetingHead {
  meetingId: string
  title: string
  date: string
  seq: number
  hash: string
}

export function sealingHeads(
  seals: readonly Pick<SealEntry, 'meetingId' | 'kind' | 'seq' | 'hash'>[],
  meetings: readonly { id: string; title?: unknown; date?: unknown }[],
): MeetingHead[] {
  const last = new Map<string, Pick<SealEntry, 'seq' | 'hash'>>()
  for (const s of seals) {
    if (s.kind === 'amendment') continue
    const prev = last.get(s.meetingId)
    if (!prev || s.seq > prev.seq) last.set(s.meetingId, s)
  }
  const byId = new Map(meetings.map((m) => [m.id, m]))
  return [...last.entries()]
    .map(([meetingId, s]) => ({
      meetingId,
      title: String(byId.get(meetingId)?.title ?? ''),
      date: String(byId.get(meetingId)?.date ?? ''),
      seq: s.seq,
      hash: s.hash,
    }))
    .sort((a, b) => a.seq - b.seq)
}

export interface HeadChange {
  meetingId: string
  title: string
  before: string
  /** undefined: the meeting is missing from the new package */
  after?: string
}

/** Heads received earlier that the new package changes or drops. */
export function changedHeads(earlier: readonly MeetingHead[], incoming: readonly MeetingHead[]): HeadChange[] {
  const now = new Map(incoming.map((h) => [h.meetingId, h]))
  const out: HeadChange[] = []
  for (const h of earlier) {
    const n = now.get(h.meetingId)
    if (!n || n.hash !== h.hash) out.push({ meetingId: h.meetingId, title: h.title, before: h.hash, after: n?.hash })
  }
  return out
}

/** Same heads, in any order. */
export function sameHeads(a: readonly MeetingHead[], b: readonly MeetingHead[]): boolean {
  if (a.length !== b.length) return false
  const map = new Map(a.map((h) => [h.meetingId, `${h.seq}:${h.hash}`]))
  return b.every((h) => map.get(h.meetingId) === `${h.seq}:${h.hash}`)
}

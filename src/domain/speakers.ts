// The speakers list (发言顺序) of one topic, with a countdown per speaker.
import { z } from 'zod'
import type { RecordBase } from './ids'

const name = z.string().trim().min(1, 'deliberation.error.speakerName')

/** A speaker put on the list: a name, the role shown, and 1–60 minutes. */
export const speakerSchema = z.object({
  name,
  personId: z.string().optional(),
  role: z.string(),
  minutes: z
    .number()
    .int('deliberation.error.minutes')
    .min(1, 'deliberation.error.minutes')
    .max(60, 'deliberation.error.minutes'),
})

/** What one party said (各方发言): who, in which role, and the gist. */
export const statementSchema = z.object({
  name: z.string().trim().min(1, 'deliberation.error.statement'),
  personId: z.string().optional(),
  role: z.string(),
  gist: z.string().trim().min(1, 'deliberation.error.statement'),
})

/** 回避: who steps out of one topic's count, and why. */
export const recusalSchema = z.object({
  attendanceId: z.string().min(1, 'validation.required'),
  reason: z.string().trim().min(1, 'deliberation.error.reason'),
})

/** A topic added during the meeting itself. */
export const meetingTopicSchema = z.object({
  title: z.string().trim().min(1, 'deliberation.error.topicTitle'),
  description: z.string().trim().default(''),
})

export interface Speaker extends RecordBase {
  meetingId: string
  topicId: string
  personId?: string
  name: string
  /** The role shown and summed: a standing role name or a meeting role label */
  role: string
  order: number
  /** Allotted minutes */
  minutes: number
  status: 'waiting' | 'speaking' | 'done'
  startedAt?: string
  /** When the countdown ends; the projector counts down to this */
  endsAt?: string
  /** Seconds spoken so far: added to at each pause and when the speaker stops */
  spokeSeconds?: number
  /** Seconds left on the clock while the countdown is paused (no `endsAt` then) */
  pausedLeft?: number
}

/** 发言记录: who said what, in one line. */
export interface Statement extends RecordBase {
  meetingId: string
  topicId: string
  personId?: string
  name: string
  role: string
  gist: string
}

/** 回避: a person excluded from one topic's count, noted in the minutes. */
export interface Recusal extends RecordBase {
  meetingId: string
  topicId: string
  attendanceId: string
  personId?: string
  name: string
  reason: string
}

/** Seconds left until `endsAt` (negative once over time). */
export function secondsLeft(endsAt: string, now: number): number {
  return Math.ceil((Date.parse(endsAt) - now) / 1000)
}

/** Seconds left on a speaker's clock, whether it runs or is paused. */
export function timeLeft(s: Pick<Speaker, 'endsAt' | 'pausedLeft'>, now: number): number | undefined {
  if (s.endsAt) return secondsLeft(s.endsAt, now)
  return s.pausedLeft
}

/** 05:00, or −00:12 when over time. */
export function clock(seconds: number): string {
  const s = Math.abs(seconds)
  const text = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
  return seconds < 0 ? `−${text}` : text
}

/** Total seconds spoken per role, largest first. */
export function timeByRole(speakers: Pick<Speaker, 'role' | 'spokeSeconds'>[]): { role: string; seconds: number }[] {
  const sums = new Map<string, number>()
  for (const s of speakers) if (s.spokeSeconds !== undefined) sums.set(s.role, (sums.get(s.role) ?? 0) + s.spokeSeconds)
  return [...sums].map(([role, seconds]) => ({ role, seconds })).sort((a, b) => b.seconds - a.seconds)
}

/** The waiting speaker who comes next in order. */
export function nextWaiting<T extends Pick<Speaker, 'status' | 'order'>>(speakers: T[]): T | undefined {
  return speakers.filter((s) => s.status === 'waiting').sort((a, b) => a.order - b.order)[0]
}

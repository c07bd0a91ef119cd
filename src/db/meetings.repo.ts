import { nowIso } from '@/domain/ids'
import {
  householdsSchema,
  meetingChangesSchema,
  newMeetingSchema,
  type Meeting,
  type Participant,
} from '@/domain/meeting'
import { canSkip, SIX_STEPS, stepSkipSchema } from '@/domain/procedure'
import { DomainError, problem } from '@/domain/problem'
import { base, liveMeeting } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'

export async function listMeetings(communityId: string): Promise<Meeting[]> {
  const all = await db.meetings.where('communityId').equals(communityId).toArray()
  // Newest first; meetings without a date yet stay on top as drafts.
  return all.sort(
    (a, b) => (b.date ?? '9999').localeCompare(a.date ?? '9999') || b.createdAt.localeCompare(a.createdAt),
  )
}

export async function getMeeting(id: string): Promise<Meeting | undefined> {
  return db.meetings.get(id)
}

export async function createMeeting(
  communityId: string,
  raw: unknown,
  defaults: Partial<Meeting> = {},
): Promise<Meeting> {
  const input = parseInput(newMeetingSchema, raw)
  const meeting: Meeting = {
    ...base(communityId),
    title: input.title,
    type: input.type,
    date: input.date,
    procedureId: SIX_STEPS.id,
    stepIndex: 0,
    status: 'planning',
    ...defaults,
  }
  await write([db.meetings], () => db.meetings.add(meeting))
  return meeting
}

/**
 * Updates the editable fields of a meeting (meetingChangesSchema); a closed
 * meeting may only move on to its next step (step 6 follows the seal).
 */
export async function updateMeeting(id: string, input: unknown): Promise<void> {
  const changes = parseInput(meetingChangesSchema, input)
  await write([db.meetings], async () => {
    const m = await db.meetings.get(id)
    if (!m) throw new DomainError([problem('deliberation.error.noMeeting')])
    const onlyStep = Object.keys(changes).every((k) => k === 'stepIndex')
    if (m.status === 'closed' && !onlyStep) throw new DomainError([problem('deliberation.error.sealed')])
    await db.meetings.update(id, { ...changes, updatedAt: nowIso() })
  })
}

/**
 * Records 本村户数 and the households represented, as the secretary counted them
 * on the household sign-in book (see MeetingHouseholds). Refused once sealed;
 * votes already closed keep the numbers they were decided on.
 */
export async function setHouseholds(meetingId: string, input: unknown): Promise<void> {
  const households = parseInput(householdsSchema, input)
  await write([db.meetings], async () => {
    await liveMeeting(meetingId)
    await db.meetings.update(meetingId, { households, updatedAt: nowIso() })
  })
}

export async function listParticipants(meetingId: string): Promise<Participant[]> {
  return db.participants.where('meetingId').equals(meetingId).toArray()
}

/**
 * Passes over the meeting's current step with a reason (procedure.ts StepSkip):
 * the skip is kept on the meeting, which is sealed with it, and the minutes
 * print it. `fromIndex` is the step the user saw, so a stale view never skips
 * the step after it. Refused once sealed, and for the steps that cannot be skipped.
 */
export async function skipStep(meetingId: string, fromIndex: number, input: unknown): Promise<void> {
  const { reason, by } = parseInput(stepSkipSchema, input)
  await write([db.meetings], async () => {
    const m = await liveMeeting(meetingId)
    const step = SIX_STEPS.steps[m.stepIndex]
    if (m.stepIndex !== fromIndex || !step) throw new DomainError([problem('meetings.skip.error.moved')])
    if (!canSkip(step, { stepIndex: m.stepIndex, sealed: false }))
      throw new DomainError([problem('meetings.skip.error.notSkippable')])
    const at = nowIso()
    await db.meetings.update(meetingId, {
      stepIndex: m.stepIndex + 1,
      stepSkips: [...(m.stepSkips ?? []), { stepIndex: m.stepIndex, kind: step.kind, reason, by, at }],
      updatedAt: at,
    })
  })
}

// Procedures: the ordered steps a meeting goes through, and the guards that
// say what is still missing before the next step may start.
import { z } from 'zod'
import { problem, type Problem } from './problem'

/** The kind of work a step does; the guard for leaving it depends on this. */
export type StepKind = 'collect' | 'confirm' | 'research' | 'deliberate' | 'publish' | 'implement'

export interface ProcedureStep {
  id: string
  kind: StepKind
  /** Displayed name, e.g. 收集议题 */
  name: string
}

export interface Procedure {
  id: string
  name: string
  builtIn: boolean
  steps: ProcedureStep[]
}

/** Jinchang's 六步议事, the default procedure. */
export const SIX_STEPS: Procedure = {
  id: 'procedure-six-steps',
  name: '六步议事',
  builtIn: true,
  steps: [
    { id: 'collect', kind: 'collect', name: '收集议题' },
    { id: 'confirm', kind: 'confirm', name: '确定议题' },
    { id: 'research', kind: 'research', name: '议前调研' },
    { id: 'deliberate', kind: 'deliberate', name: '协商议事' },
    { id: 'publish', kind: 'publish', name: '公开公示' },
    { id: 'implement', kind: 'implement', name: '研究落实' },
  ],
}

/** Facts about one meeting, gathered by the data layer, that the guards read. */
export interface MeetingFacts {
  /** Topics on this meeting's agenda */
  topicCount: number
  /** Topics of the community waiting in the agenda pool (made from requests, not yet on a meeting) */
  poolTopicCount: number
  hasDate: boolean
  hasPlace: boolean
  hasChair: boolean
  hasRecorder: boolean
  participantCount: number
  agendaNoticePublished: boolean
  /** Titles of topics with neither research nor a "no research needed" mark */
  topicsWithoutResearch: string[]
  sealed: boolean
  resolutionNoticePosted: boolean
  noticePeriodOver: boolean
  unansweredObjections: number
  /** Action items not yet closed after evaluation */
  openActionItems: number
}

export const EMPTY_FACTS: MeetingFacts = {
  topicCount: 0,
  poolTopicCount: 0,
  hasDate: false,
  hasPlace: false,
  hasChair: false,
  hasRecorder: false,
  participantCount: 0,
  agendaNoticePublished: false,
  topicsWithoutResearch: [],
  sealed: false,
  resolutionNoticePosted: false,
  noticePeriodOver: false,
  unansweredObjections: 0,
  openActionItems: 0,
}

/** What must be done before a step of this kind is complete. Empty = complete. */
export function missingToComplete(kind: StepKind, f: MeetingFacts): Problem[] {
  const out: Problem[] = []
  switch (kind) {
    case 'collect':
      // Step 1 collects: topics made from requests wait in the pool; putting them on
      // this meeting's agenda is step 2's work.
      if (f.topicCount === 0 && f.poolTopicCount === 0) out.push(problem('guard.noTopicsCollected'))
      break
    case 'confirm':
      if (f.topicCount === 0) out.push(problem('guard.noTopics'))
      if (!f.hasDate) out.push(problem('guard.noDate'))
      if (!f.hasPlace) out.push(problem('guard.noPlace'))
      if (!f.hasChair) out.push(problem('guard.noChair'))
      if (!f.hasRecorder) out.push(problem('guard.noRecorder'))
      if (f.participantCount === 0) out.push(problem('guard.noParticipants'))
      if (!f.agendaNoticePublished) out.push(problem('guard.noAgendaNotice'))
      break
    case 'research':
      for (const title of f.topicsWithoutResearch) out.push(problem('guard.noResearch', { title }))
      break
    case 'deliberate':
      if (!f.sealed) out.push(problem('guard.notClosed'))
      break
    case 'publish':
      if (!f.resolutionNoticePosted) out.push(problem('guard.noResolutionNotice'))
      if (f.unansweredObjections > 0) out.push(problem('guard.objectionsOpen', { count: f.unansweredObjections }))
      else if (f.resolutionNoticePosted && !f.noticePeriodOver) out.push(problem('guard.noticePeriodRunning'))
      break
    case 'implement':
      if (f.openActionItems > 0) out.push(problem('guard.actionItemsOpen', { count: f.openActionItems }))
      break
  }
  return out
}

export interface StepState {
  step: ProcedureStep
  index: number
  status: 'done' | 'skipped' | 'current' | 'upcoming'
}

/** The stepper's view of a procedure for a meeting at `currentIndex`; a step passed over says so. */
export function stepStates(
  procedure: Procedure,
  currentIndex: number,
  skips: readonly Pick<StepSkip, 'stepIndex'>[] = [],
): StepState[] {
  const skipped = new Set(skips.map((s) => s.stepIndex))
  return procedure.steps.map((step, index) => ({
    step,
    index,
    status:
      index < currentIndex
        ? skipped.has(index)
          ? 'skipped'
          : 'done'
        : index === currentIndex
          ? 'current'
          : 'upcoming',
  }))
}

/** Problems blocking the move from step `currentIndex` to the next one. */
export function missingToAdvance(procedure: Procedure, currentIndex: number, facts: MeetingFacts): Problem[] {
  const step = procedure.steps[currentIndex]
  if (!step) return [problem('guard.noSuchStep')]
  if (currentIndex >= procedure.steps.length - 1) return [problem('guard.lastStep')]
  return missingToComplete(step.kind, facts)
}

/**
 * A step passed over without being done, and why: it goes into the meeting's
 * record (sealed with it) and onto the minutes, e.g. 第三步“议前调研”未进行，原因：….
 */
export interface StepSkip {
  stepIndex: number
  kind: StepKind
  reason: string
  /** Who decided it (the operator's name) */
  by: string
  /** ISO time it was recorded */
  at: string
}

/**
 * Steps that may be passed over with a reason: only those before the meeting.
 * Without deliberation there are no minutes, and publishing and carrying out
 * are what the meeting owes its residents.
 */
export const SKIPPABLE: readonly StepKind[] = ['collect', 'confirm', 'research']

export const stepSkipSchema = z.object({
  reason: z.string().trim().min(2, 'meetings.skip.error.reason').max(200, 'validation.tooLong'),
  by: z.string().trim().min(1, 'meetings.skip.error.by').max(40, 'validation.tooLong'),
})

/** Where a meeting stands for the readiness rule. */
export interface StepPosition {
  stepIndex: number
  sealed: boolean
}

/** Whether a step's panel may be edited, and if not, the earlier step in the way. */
export type StepReadiness =
  { ready: true } | { ready: false; waitingFor: ProcedureStep; waitingIndex: number; skippable: boolean }

/**
 * A step's panel is read-only until every step before it is done or skipped
 * (the stepper has moved past it: `advance` needs the step's guard, `skip` a
 * reason). Once the meeting is sealed, the steps up to the meeting are settled:
 * they can no longer be done, and a sealed record is never changed.
 */
export function stepReadiness(procedure: Procedure, at: StepPosition, index: number): StepReadiness {
  const sealedUpTo = at.sealed ? procedure.steps.findIndex((s) => s.kind === 'deliberate') : -1
  for (let j = 0; j < index && j < procedure.steps.length; j++) {
    if (j < at.stepIndex || j <= sealedUpTo) continue
    const step = procedure.steps[j]!
    // Only the current step can be skipped: the stepper never jumps.
    return { ready: false, waitingFor: step, waitingIndex: j, skippable: j === at.stepIndex && canSkip(step, at) }
  }
  return { ready: true }
}

/** Whether the current step may be passed over with a reason. */
export function canSkip(step: ProcedureStep, at: StepPosition): boolean {
  return !at.sealed && SKIPPABLE.includes(step.kind)
}

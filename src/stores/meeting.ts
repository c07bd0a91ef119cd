import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Meeting } from '@/domain/meeting'
import {
  EMPTY_FACTS,
  missingToAdvance,
  missingToComplete,
  SIX_STEPS,
  canSkip,
  stepReadiness,
  stepStates,
  type MeetingFacts,
  type Procedure,
} from '@/domain/procedure'
import { DomainError } from '@/domain/problem'
import { meetingFacts } from '@/db/meeting-facts.repo'
import { observe } from '@/db/observe'
import { getMeeting, skipStep, updateMeeting } from '@/db/meetings.repo'

/** The meeting open in the console, followed live, with its step guards. */
export const useMeetingStore = defineStore('meeting', () => {
  /** The open meeting, undefined while loading or when not found */
  const meeting = ref<Meeting>()
  /** Facts the step guards read, kept live */
  const facts = ref<MeetingFacts>(EMPTY_FACTS)
  // Every meeting runs the six steps (六步议事); other procedures are matter
  // templates (src/domain/template.ts), not meeting steppers.
  const procedure: Procedure = SIX_STEPS
  const loaded = ref(false)
  let stops: (() => void)[] = []

  const currentStep = computed(() => procedure.steps[meeting.value?.stepIndex ?? 0])
  const isLastStep = computed(() => (meeting.value?.stepIndex ?? 0) >= procedure.steps.length - 1)
  /**
   * What blocks the move to the next step (empty when it may happen); on the
   * last step, what is left before the whole procedure is done (its action items).
   */
  const missing = computed(() => {
    if (!meeting.value) return []
    const step = currentStep.value
    if (isLastStep.value && step) return missingToComplete(step.kind, facts.value)
    return missingToAdvance(procedure, meeting.value.stepIndex, facts.value)
  })
  /** The stepper; the last step shows done only once nothing is left in it. */
  const steps = computed(() =>
    stepStates(procedure, meeting.value?.stepIndex ?? 0, meeting.value?.stepSkips).map((s) =>
      isLastStep.value && s.status === 'current' && missing.value.length === 0 ? { ...s, status: 'done' as const } : s,
    ),
  )

  /** Whether the current step may be passed over with a reason */
  const canSkipCurrent = computed(() => {
    const m = meeting.value
    const step = currentStep.value
    return Boolean(m && step && canSkip(step, { stepIndex: m.stepIndex, sealed: Boolean(m.sealedAt) }))
  })
  /** Whether the panel of a step kind may be edited now, or which earlier step is in the way. */
  function readiness(kind: string | undefined) {
    const index = procedure.steps.findIndex((s) => s.kind === kind)
    const m = meeting.value
    if (index < 0 || !m) return { ready: true as const }
    return stepReadiness(procedure, { stepIndex: m.stepIndex, sealed: Boolean(m.sealedAt) }, index)
  }

  /** Follows one meeting and its facts until another is opened. */
  function open(meetingId: string) {
    stops.forEach((s) => s())
    loaded.value = false
    meeting.value = undefined
    facts.value = EMPTY_FACTS
    stops = [
      observe(
        () => getMeeting(meetingId),
        (m) => {
          meeting.value = m
          loaded.value = true
        },
      ),
      observe(
        () => meetingFacts(meetingId),
        (f) => (facts.value = f),
      ),
    ]
  }

  /**
   * Moves from step `fromIndex` to the next, or throws DomainError with what
   * is missing. Reads the meeting afresh, so a double click or a stale view
   * never skips or repeats a step.
   */
  async function advance(fromIndex: number) {
    const id = meeting.value?.id
    if (!id) return
    const m = await getMeeting(id)
    if (!m || m.stepIndex !== fromIndex) return
    const problems = missingToAdvance(procedure, m.stepIndex, await meetingFacts(m.id))
    if (problems.length > 0) throw new DomainError(problems)
    // The live query brings the new step to the view; setting it here too
    // could be overwritten by that query's older answer still on its way.
    await updateMeeting(m.id, { stepIndex: m.stepIndex + 1 })
  }

  /** Passes over step `fromIndex` with a reason and who decided it; throws DomainError when refused. */
  async function skip(fromIndex: number, input: { reason: string; by: string }) {
    const id = meeting.value?.id
    if (id) await skipStep(id, fromIndex, input)
  }

  return {
    meeting,
    facts,
    loaded,
    steps,
    currentStep,
    missing,
    isLastStep,
    open,
    advance,
    skip,
    readiness,
    canSkipCurrent,
  }
})

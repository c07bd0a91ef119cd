import { onBeforeUnmount, onMounted } from 'vue'
import type { Projection } from '@/domain/projection'
import { DomainError, problem } from '@/domain/problem'
import { standingVote } from '@/domain/vote'
import { meetingTopics } from '@/db/topics.repo'
import { project, readProjection } from '@/db/projection.repo'
import { listSpeakers, nextSpeaker, stopSpeaker } from '@/db/speakers.repo'
import { listVotes } from '@/db/votes.repo'

/** The console's projector verbs, shared by the buttons and the keyboard. */
export function projectorConsole(meetingId: () => string, pages: () => number = () => 1) {
  let beforeBlack: Partial<Projection> | undefined

  async function topicStep(dir: -1 | 1) {
    const [p, topics] = await Promise.all([readProjection(), meetingTopics(meetingId())])
    if (topics.length === 0) throw new DomainError([problem('deliberation.error.noTopics')])
    const i = topics.findIndex((t) => t.id === p.topicId)
    const next = topics[i < 0 ? 0 : Math.min(topics.length - 1, Math.max(0, i + dir))]!
    await project({ meetingId: meetingId(), slide: 'topic', topicId: next.id })
  }
  async function currentTopic(): Promise<string> {
    const p = await readProjection()
    if (!p.topicId || p.meetingId !== meetingId()) throw new DomainError([problem('deliberation.error.noCurrentTopic')])
    return p.topicId
  }
  async function speaker(next: boolean) {
    const topicId = await currentTopic()
    const speaking = (await listSpeakers(meetingId())).find((s) => s.topicId === topicId && s.status === 'speaking')
    if (speaking && !next) {
      await stopSpeaker(speaking.id)
      return
    }
    const s = await nextSpeaker(topicId)
    if (!s) throw new DomainError([problem('deliberation.error.noNextSpeaker')])
    await project({ meetingId: meetingId(), slide: 'speaker', topicId, speakerId: s.id })
  }
  async function toggleResult() {
    const p = await readProjection()
    const topicId = await currentTopic()
    if (p.slide === 'result') return void (await project({ slide: 'topic', topicId }))
    const votes = await listVotes(meetingId())
    const last = standingVote(votes, topicId)
    if (!last) throw new DomainError([problem('deliberation.error.noClosedVote')])
    await project({ meetingId: meetingId(), slide: 'result', topicId, voteId: last.id })
  }
  async function toggleBlack() {
    const p = await readProjection()
    if (p.slide === 'black') return void (await project(beforeBlack ?? { slide: 'standby' }))
    beforeBlack = {
      slide: p.slide,
      topicId: p.topicId,
      voteId: p.voteId,
      speakerId: p.speakerId,
      resolutionId: p.resolutionId,
    }
    await project({ meetingId: meetingId(), slide: 'black' })
  }
  /** Pages a slide too long for one screen; the projector window says how many pages it has. */
  async function page(dir: -1 | 1, pages: number) {
    const p = await readProjection()
    const next = Math.min(Math.max(0, pages - 1), Math.max(0, (p.page ?? 0) + dir))
    if (next !== (p.page ?? 0)) await project({ page: next })
  }
  return {
    prevTopic: () => topicStep(-1),
    nextTopic: () => topicStep(1),
    timer: () => speaker(false),
    nextSpeaker: () => speaker(true),
    toggleResult,
    toggleBlack,
    pageDown: () => page(1, pages()),
    pageUp: () => page(-1, pages()),
  }
}

export type ConsoleVerb = keyof ReturnType<typeof projectorConsole>

/** Keys for each verb; PageUp/PageDown are what presentation clickers send. */
export const SHORTCUTS: { keys: string[]; verb: ConsoleVerb; label: string }[] = [
  { keys: ['ArrowLeft', 'PageUp'], verb: 'prevTopic', label: '←' },
  { keys: ['ArrowRight', 'PageDown'], verb: 'nextTopic', label: '→' },
  { keys: ['t', 'T'], verb: 'timer', label: 'T' },
  { keys: ['n', 'N'], verb: 'nextSpeaker', label: 'N' },
  { keys: ['r', 'R'], verb: 'toggleResult', label: 'R' },
  { keys: ['b', 'B', '.'], verb: 'toggleBlack', label: 'B' },
  { keys: ['ArrowDown'], verb: 'pageDown', label: '↓' },
  { keys: ['ArrowUp'], verb: 'pageUp', label: '↑' },
]

const NOT_TEXT = ['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']

/** A field where keys are text: shortcuts stay out of it. Radios, checkboxes and read-only selects are not. */
export function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  if (el.isContentEditable) return true
  if (el instanceof HTMLTextAreaElement) return !el.readOnly
  if (el instanceof HTMLInputElement) return !NOT_TEXT.includes(el.type) && !el.readOnly
  return false
}

/** A focused control that is choosing right now (an open select list), or a dialog on top: keys are its own. */
function busy(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.closest) return false
  return el.getAttribute('aria-expanded') === 'true' || Boolean(el.closest('[role=dialog], .el-overlay'))
}

/**
 * Listens for the shortcuts while the console is mounted, wherever focus is except text fields.
 * It listens in the capture phase and swallows the key, so a focused radio group (attendance,
 * slide buttons), select or checkbox never moves its value when the chair presses → or ←.
 */
export function useShortcuts(run: (verb: ConsoleVerb) => void, help?: () => void) {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target) || busy(e.target)) return
    if (e.key === '?' && help) {
      e.preventDefault()
      e.stopPropagation()
      help()
      return
    }
    const s = SHORTCUTS.find((x) => x.keys.includes(e.key))
    if (!s) return
    e.preventDefault()
    e.stopPropagation()
    run(s.verb)
  }
  onMounted(() => window.addEventListener('keydown', onKey, { capture: true }))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey, { capture: true }))
}

// A step's panel is read-only until the steps before it are done or skipped
// with a reason; the skip is kept on the meeting and printed on the minutes.
import { beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { SIX_STEPS, stepReadiness, stepStates, type StepKind } from '@/domain/procedure'
import { DomainError } from '@/domain/problem'
import { db, DB_NAME } from '@/db/schema'
import { createMeeting, skipStep, updateMeeting } from '@/db/meetings.repo'
import { meetingDocsInput } from '@/db/documents.repo'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { setClock } from '@/domain/calendar'
import { pdfBodyText, renderNode } from './support/pdf'

const K: StepKind[] = ['collect', 'confirm', 'research', 'deliberate', 'publish', 'implement']

describe('stepReadiness: which panels may be edited', () => {
  // [meeting at step index, sealed, panel opened, ready?, step in the way, may it be skipped there]
  it.each<[number, boolean, StepKind, boolean, StepKind?, boolean?]>([
    [0, false, 'collect', true],
    [0, false, 'confirm', false, 'collect', true],
    [0, false, 'deliberate', false, 'collect', true],
    [1, false, 'confirm', true],
    [1, false, 'research', false, 'confirm', true],
    // Two steps in the way: the first one is named; only the current step may be skipped.
    [1, false, 'deliberate', false, 'confirm', true],
    [2, false, 'deliberate', false, 'research', true],
    [3, false, 'deliberate', true],
    // Step 4 cannot be skipped: publishing waits for the meeting.
    [3, false, 'publish', false, 'deliberate', false],
    [3, false, 'implement', false, 'deliberate', false],
    [4, false, 'implement', false, 'publish', false],
    [5, false, 'implement', true],
    // A sealed meeting settles the steps up to the meeting, whatever the stepper says.
    [0, true, 'publish', true],
    [0, true, 'implement', false, 'publish', false],
    [2, true, 'research', true],
    [4, true, 'implement', false, 'publish', false],
    [5, true, 'implement', true],
  ])('at step %i (sealed %s), the %s panel: ready %s, waiting for %s', (at, sealed, panel, ready, waiting, skip) => {
    const r = stepReadiness(SIX_STEPS, { stepIndex: at, sealed }, K.indexOf(panel))
    if (ready) return expect(r).toEqual({ ready: true })
    expect(r.ready).toBe(false)
    if (r.ready) return
    expect(r.waitingFor.kind).toBe(waiting)
    expect(r.waitingIndex).toBe(K.indexOf(waiting!))
    expect(r.skippable).toBe(skip)
  })

  it('the stepper marks a skipped step apart from a done one', () => {
    const s = stepStates(SIX_STEPS, 3, [{ stepIndex: 2 }])
    expect(s.map((x) => x.status)).toEqual(['done', 'done', 'skipped', 'current', 'upcoming', 'upcoming'])
  })
})

const C = 'community-1'
const keysOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((x) => x.key)
    throw e
  }
  return []
}

describe('skipStep keeps who, when and why, and refuses what may not be skipped', () => {
  beforeEach(async () => {
    db.close()
    await Dexie.delete(DB_NAME)
    await db.open()
    setClock({ now: () => new Date('2026-12-01T09:30:00+08:00') })
    return () => setClock()
  })

  it('skips steps 1–3 one at a time with reasons; step 4 refuses; the minutes say so', async () => {
    const m = await createMeeting(C, { title: '12月党群议事日', type: 'partyMassDay', date: '2026-12-10' })
    // A reason of one character, an empty operator, and a stale view change nothing.
    expect(await keysOf(skipStep(m.id, 0, { reason: '无', by: '王书记' }))).toEqual(['meetings.skip.error.reason'])
    expect(await keysOf(skipStep(m.id, 0, { reason: '议题由上次会议转来', by: ' ' }))).toEqual([
      'meetings.skip.error.by',
    ])
    expect(await keysOf(skipStep(m.id, 1, { reason: '议题由上次会议转来', by: '王书记' }))).toEqual([
      'meetings.skip.error.moved',
    ])
    expect((await db.meetings.get(m.id))!.stepIndex).toBe(0)

    await skipStep(m.id, 0, { reason: '议题由上次会议转来', by: '王书记' })
    await updateMeeting(m.id, { stepIndex: 2 }) // step 2 done through its guard
    await skipStep(m.id, 2, { reason: '议题简单，经党组织研究无需入户调研', by: '李记录' })
    const stored = (await db.meetings.get(m.id))!
    expect(stored.stepIndex).toBe(3)
    expect(stored.stepSkips).toEqual([
      { stepIndex: 0, kind: 'collect', reason: '议题由上次会议转来', by: '王书记', at: '2026-12-01T01:30:00.000Z' },
      {
        stepIndex: 2,
        kind: 'research',
        reason: '议题简单，经党组织研究无需入户调研',
        by: '李记录',
        at: '2026-12-01T01:30:00.000Z',
      },
    ])
    expect(await keysOf(skipStep(m.id, 3, { reason: '现场来不及', by: '王书记' }))).toEqual([
      'meetings.skip.error.notSkippable',
    ])
    expect((await db.meetings.get(m.id))!.stepIndex).toBe(3)

    const text = pdfBodyText(await renderNode(minutesToDocDef(await meetingDocsInput(m.id))))
    expect(text).toContain('第一步“收集议题”未进行，原因：议题由上次会议转来（王书记，2026年12月1日决定）。')
    expect(text).toContain(
      '第三步“议前调研”未进行，原因：议题简单，经党组织研究无需入户调研（李记录，2026年12月1日决定）。',
    )
    expect(text).not.toContain('第二步')
  }, 60_000)

  it('a sealed meeting refuses a skip', async () => {
    const m = await createMeeting(C, { title: '12月党群议事日', type: 'partyMassDay' })
    await db.meetings.update(m.id, { status: 'closed', sealedAt: '2026-12-10T08:00:00.000Z' })
    expect(await keysOf(skipStep(m.id, 0, { reason: '议题由上次会议转来', by: '王书记' }))).toEqual([
      'deliberation.error.sealed',
    ])
  })
})

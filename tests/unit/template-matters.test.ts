import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { createMatter, getMatter, recordStage } from '@/db/matters.repo'
import { copyTemplateTo, listTemplates, saveTemplateVersion, templateVersions } from '@/db/templates.repo'
import { DomainError } from '@/domain/problem'
import { addDays } from '@/domain/calendar'
import { stageProgress } from '@/domain/matter'
import { TEMPLATE_FOUR_TWO, toForm, withFiling } from '@/domain/template'

const C = 'village-1'
const TODAY = '2026-11-23'
const sitting = (date: string, expected: number, present: number, f: number, against = 0) => ({
  date,
  expected,
  present,
  for: f,
  against,
  abstain: 0,
  attendees: [],
  officials: [],
})
const problemsOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((x) => x.key)
    throw e
  }
  return []
}

beforeEach(async () => {
  await Promise.all([
    db.matters.clear(),
    db.topics.clear(),
    db.topicEvents.clear(),
    db.templates.clear(),
    db.meetings.clear(),
  ])
})

async function newMatter(templateId = TEMPLATE_FOUR_TWO.id) {
  return createMatter(
    C,
    { title: '村集体土地流转', description: '北片 120 亩', origin: 'officials', templateId },
    7,
    '书记',
  )
}

describe('major matters', () => {
  it('creates a major topic with its trail and a snapshot of the template', async () => {
    const m = await newMatter()
    const view = (await getMatter(m.id))!
    expect(view.topic).toMatchObject({ title: '村集体土地流转', isMajor: true, communityId: C })
    expect(await db.topicEvents.where('topicId').equals(view.topic.id).toArray()).toMatchObject([{ kind: 'created' }])
    expect(view.matter.stages).toEqual(TEMPLATE_FOUR_TWO.stages)
    expect(view.matter.noticePeriodDays).toBe(7)
  })
  it('refuses a bad matter and writes nothing', async () => {
    expect(
      await problemsOf(
        createMatter(C, { title: ' ', description: '', origin: 'x', templateId: TEMPLATE_FOUR_TWO.id }, 7, 'a'),
      ),
    ).toEqual(['validation.required', 'matters.error.origin'])
    expect(
      await problemsOf(
        createMatter(C, { title: '甲', description: '', origin: 'assigned', templateId: 'template-six-steps' }, 7, 'a'),
      ),
    ).toEqual(['matters.error.template'])
    expect(await db.topics.count()).toBe(0)
    expect(await db.matters.count()).toBe(0)
  })
  it('goes stage by stage; a failed quorum stays on record and the sitting is held again', async () => {
    const m = await newMatter()
    expect(await problemsOf(recordStage(m.id, 'discuss', sitting('2026-09-02', 9, 9, 9), TODAY))).toEqual([
      'matters.guard.previousNotPassed',
    ])
    await recordStage(m.id, 'propose', sitting('2026-09-01', 5, 5, 5), TODAY)
    await recordStage(m.id, 'discuss', sitting('2026-09-03', 9, 8, 7, 1), TODAY)
    const first = await recordStage(m.id, 'review', sitting('2026-09-05', 25, 12, 12), TODAY)
    expect(first).toMatchObject({
      verdict: 'noQuorum',
      quorum: { met: false, value: 12, base: 25, needed: 13 },
      bodyName: '党员大会',
    })
    expect(await problemsOf(recordStage(m.id, 'decide', sitting('2026-09-06', 30, 25, 20), TODAY))).toEqual([
      'matters.guard.previousNotPassed',
    ])
    await recordStage(m.id, 'review', sitting('2026-09-08', 25, 20, 18, 2), TODAY)
    await recordStage(m.id, 'decide', sitting('2026-09-10', 30, 24, 20, 4), TODAY)
    await recordStage(m.id, 'decision-notice', { date: '2026-09-11', periodDays: 7, places: ['村务公开栏'] }, TODAY)
    const { matter } = (await getMatter(m.id))!
    expect(matter.attempts.filter((a) => a.stageId === 'review').map((a) => a.verdict)).toEqual(['noQuorum', 'passed'])
    expect(matter.attempts.at(-1)).toMatchObject({ endsOn: '2026-09-17', periodDays: 7 })
    expect(stageProgress(matter, TODAY).map((p) => p.status)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'passed',
      'current',
    ])
    // While the decision notice is still up, the results notice waits.
    expect(
      stageProgress(matter, '2026-09-15')
        .map((p) => p.status)
        .slice(4),
    ).toEqual(['running', 'upcoming'])
  })
  it('refuses counts that cannot be and dates before the stage before; nothing is saved', async () => {
    const m = await newMatter()
    expect(await problemsOf(recordStage(m.id, 'propose', sitting('2026-09-01', 5, 6, 5), TODAY))).toEqual([
      'matters.error.presentOverExpected',
    ])
    expect(await problemsOf(recordStage(m.id, 'propose', sitting('2026-09-01', 5, 4, 3, 2), TODAY))).toEqual([
      'matters.error.votesOverPresent',
    ])
    expect(await problemsOf(recordStage(m.id, 'propose', { ...sitting('2026-9-1', 5, 4, 3) }, TODAY))).toEqual([
      'validation.date',
    ])
    await recordStage(m.id, 'propose', sitting('2026-09-05', 5, 5, 5), TODAY)
    expect(await problemsOf(recordStage(m.id, 'discuss', sitting('2026-09-01', 9, 9, 9), TODAY))).toEqual([
      'matters.error.beforePrevious',
    ])
    expect((await getMatter(m.id))!.matter.attempts).toHaveLength(1)
  })
  it('links a sitting to a meeting held in the app, only one of this community', async () => {
    const m = await newMatter()
    await db.meetings.bulkAdd([
      {
        id: 'm-here',
        communityId: C,
        title: '支委会',
        type: 'majorMatter',
        procedureId: 'x',
        stepIndex: 0,
        status: 'closed',
        createdAt: '',
        updatedAt: '',
      },
      {
        id: 'm-other',
        communityId: 'other',
        title: '别村',
        type: 'majorMatter',
        procedureId: 'x',
        stepIndex: 0,
        status: 'closed',
        createdAt: '',
        updatedAt: '',
      },
    ])
    expect(
      await problemsOf(
        recordStage(m.id, 'propose', { ...sitting('2026-09-01', 5, 5, 5), meetingId: 'm-other' }, TODAY),
      ),
    ).toEqual(['matters.error.meeting'])
    expect(
      await recordStage(m.id, 'propose', { ...sitting('2026-09-01', 5, 5, 5), meetingId: 'm-here' }, TODAY),
    ).toMatchObject({ meetingId: 'm-here', verdict: 'passed' })
  })
  it('a failed vote (quorum met) is failed, not passed', async () => {
    const m = await newMatter()
    await recordStage(m.id, 'propose', sitting('2026-09-01', 5, 5, 2, 3), TODAY)
    const { matter } = (await getMatter(m.id))!
    expect(stageProgress(matter, TODAY)[0]!.status).toBe('failed')
  })
})

describe('template copies and versions', () => {
  it('copies a built-in, edits it as a new version, and old matters keep the old rules', async () => {
    const copy = await copyTemplateTo(C, TEMPLATE_FOUR_TWO.id, { name: '本村四议两公开（村民会议）' })
    const oldMatter = await createMatter(
      C,
      { title: '甲', description: '', origin: 'suggestion', templateId: copy.id },
      7,
      'a',
    )
    const form = toForm(copy)
    const decide = form.stages.find((s) => s.id === 'decide')!
    decide.name = '村民会议决议'
    decide.body = { kind: 'villagers', name: '村民会议' }
    decide.quorumRule = { base: 'expected', threshold: { kind: 'half' } }
    form.noticePeriodDays = 10
    const v2 = await saveTemplateVersion(copy.id, form)
    expect(v2).toMatchObject({ lineageId: copy.lineageId, version: 2, noticePeriodDays: 10 })
    expect((await templateVersions(copy.lineageId)).map((t) => t.version)).toEqual([2, 1])
    expect((await listTemplates(C)).filter((t) => !t.builtIn).map((t) => t.version)).toEqual([2])
    // Editing version 1 again after version 2 exists is refused.
    expect(await problemsOf(saveTemplateVersion(copy.id, form))).toEqual(['templates.error.stale'])
    // The matter started under version 1 still decides by two thirds present.
    const { matter } = (await getMatter(oldMatter.id))!
    expect(matter.templateVersion).toBe(1)
    expect(matter.stages.find((s) => s.id === 'decide')!.quorumRule!.threshold.kind).toBe('twoThirds')
    const newMatter2 = await createMatter(
      C,
      { title: '乙', description: '', origin: 'suggestion', templateId: v2.id },
      7,
      'a',
    )
    expect(newMatter2.stages.find((s) => s.id === 'decide')!.body!.name).toBe('村民会议')
    expect(newMatter2.noticePeriodDays).toBe(10)
  })
  it('refuses built-in edits and broken templates', async () => {
    expect(await problemsOf(saveTemplateVersion(TEMPLATE_FOUR_TWO.id, toForm(TEMPLATE_FOUR_TWO)))).toEqual([
      'templates.error.readOnly',
    ])
    const copy = await copyTemplateTo(C, TEMPLATE_FOUR_TWO.id, { name: '副本' })
    const form = toForm(copy)
    expect(await problemsOf(saveTemplateVersion(copy.id, { ...form, stages: [] }))).toContain(
      'templates.error.noStages',
    )
    expect(await problemsOf(saveTemplateVersion(copy.id, { ...form, filingRequired: true }))).toEqual([
      'templates.error.filingStage',
    ])
    const withFilingStage = { ...form, filingRequired: true, stages: withFiling(form.stages, true, '镇党委') }
    expect(withFilingStage.stages.map((s) => s.kind)).toEqual([
      'meeting',
      'meeting',
      'meeting',
      'meeting',
      'filing',
      'notice',
      'notice',
    ])
    expect((await saveTemplateVersion(copy.id, withFilingStage)).filingRequired).toBe(true)
    expect(await templateVersions(copy.lineageId)).toHaveLength(2)
  })
  it('counts notice periods in days including the first', () => {
    expect(addDays('2026-12-28', 7 - 1)).toBe('2027-01-03')
  })
})

import { describe, expect, it } from 'vitest'
import { addWorkingDays, workingDaysBetween } from '@/domain/calendar'
import { canMove, dueDateFor, dueState } from '@/domain/handling'
import { requestFormSchema, triageSchema } from '@/domain/request'
import { agendaTimes, mergeProblems, splitProblems, topicFormSchema } from '@/domain/topic'
import { attachmentProblems, MAX_ATTACHMENT_BYTES } from '@/domain/attachment'
import { canvassTotals, tallyProblems } from '@/domain/canvass'
import { DEFAULT_CHANNELS, intakeSettings, workingCalendar } from '@/domain/community'
import { parseForm } from '@/domain/validate'

const form = {
  channel: '服务热线',
  receivedOn: '2026-11-20',
  raisedBy: { kind: 'text', name: '张秀英' },
  category: '公共设施',
  description: '路灯坏了',
  handlingType: 'committed',
  dueOn: '2026-12-11',
}

describe('working days and deadlines', () => {
  it('skips weekends: Friday + 1 working day is Monday', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23')
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27')
  })
  it('skips the official holidays and the ones the community adds', () => {
    // National Day 2026 runs 10-01 to 10-07 in the official calendar
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08')
    expect(addWorkingDays('2026-09-30', 1, ['2026-10-08'])).toBe('2026-10-09')
  })
  it('computes due dates from the handling type, with settings overriding defaults', () => {
    expect(dueDateFor('committed', '2026-11-20')).toBe('2026-12-11')
    expect(dueDateFor('committed', '2026-11-20', { committed: 3 })).toBe('2026-11-25')
  })
  it('flags overdue and due-soon requests, never settled ones', () => {
    expect(dueState('2026-11-19', 'open', '2026-11-20')).toBe('overdue')
    expect(dueState('2026-11-23', 'inProgress', '2026-11-20')).toBe('dueSoon')
    expect(dueState('2026-12-11', 'open', '2026-11-20')).toBe('onTime')
    expect(dueState('2026-11-19', 'resolved', '2026-11-20')).toBe('settled')
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1)
  })
  it.each([
    // today, due, the secretary's additions → state (DUE_SOON_DAYS = 2 working days)
    ['2025-09-26', '2025-09-29', {}, 'dueSoon'], // Sun 09-28 is an official make-up working day: 2 days
    ['2025-09-30', '2025-10-09', {}, 'dueSoon'], // 国庆 10-01..10-08 are no working days: 1 day
    ['2025-09-30', '2025-10-13', {}, 'onTime'], // 10-09, 10-10, 10-11 (调休), 10-13: 4 days
    // 2027 is not in the holiday data yet: the days the secretary added decide
    ['2027-02-04', '2027-02-09', {}, 'onTime'], // Fri, Mon, Tue: 3 days
    ['2027-02-04', '2027-02-09', { holidays: ['2027-02-08'] }, 'dueSoon'], // an added holiday: 2 days
    ['2027-02-05', '2027-02-09', {}, 'dueSoon'], // Mon, Tue: 2 days
    ['2027-02-05', '2027-02-09', { workdays: ['2027-02-06'] }, 'onTime'], // an added 调休 Saturday: 3 days
  ] as const)('today %s, due %s, added %o → %s', (today, due, added, state) => {
    const community = intakeSettings(added as { holidays?: string[]; workdays?: string[] })
    expect(dueState(due, 'open', today, workingCalendar(community))).toBe(state)
  })
  it('only allows moves the status flow has', () => {
    expect(canMove('open', 'inProgress')).toBe(true)
    expect(canMove('closed', 'open')).toBe(false)
    expect(canMove('rejected', 'resolved')).toBe(false)
  })
})

describe('request form', () => {
  it('accepts a complete request', () => {
    expect(parseForm(requestFormSchema, form).ok).toBe(true)
  })
  it('refuses a due date before the date received, naming the field', () => {
    const r = parseForm(requestFormSchema, { ...form, dueOn: '2026-11-19' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.fields.dueOn?.key).toBe('intake.errors.dueBeforeReceived')
  })
  it('refuses an empty description and a roster pick without a person', () => {
    const r = parseForm(requestFormSchema, {
      ...form,
      description: '  ',
      raisedBy: { kind: 'person', personId: '', name: '' },
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(r.fields).sort()).toEqual(['description', 'raisedBy.personId'])
  })
  it('requires a reason to reject and an office to escalate to', () => {
    const base = { decidedOn: '2026-11-21', by: '王建国' }
    const reject = parseForm(triageSchema, { ...base, decision: 'reject' })
    expect(!reject.ok && reject.fields.reason?.key).toBe('intake.errors.rejectReason')
    const escalate = parseForm(triageSchema, { ...base, decision: 'escalate' })
    expect(!escalate.ok && escalate.fields['escalation.to']?.key).toBe('intake.errors.escalateTo')
  })
})

describe('topics', () => {
  it('refuses an empty title with its own message', () => {
    const r = parseForm(topicFormSchema, { title: ' ', description: '' })
    expect(!r.ok && r.fields.title?.key).toBe('agenda.errors.emptyTitle')
  })
  it('refuses merging a request into itself or twice', () => {
    expect(mergeProblems(['a'], 'a')[0]?.key).toBe('agenda.errors.mergeSelf')
    expect(mergeProblems(['a'], 't', ['a'])[0]?.key).toBe('agenda.errors.alreadyLinked')
    expect(mergeProblems([], 't')[0]?.key).toBe('agenda.errors.nothingToMerge')
    expect(mergeProblems(['a', 'b'], 't')).toEqual([])
  })
  it('needs two titled parts to split', () => {
    expect(splitProblems([{ title: 'a', description: '' }])[0]?.key).toBe('agenda.errors.splitTwo')
    expect(
      splitProblems([
        { title: 'a', description: '' },
        { title: '', description: '' },
      ])[0]?.key,
    ).toBe('agenda.errors.emptyTitle')
  })
  it('computes each agenda item time and the end time', () => {
    expect(agendaTimes('19:00', [20, 30, 25])).toEqual([
      { from: '19:00', to: '19:20' },
      { from: '19:20', to: '19:50' },
      { from: '19:50', to: '20:15' },
    ])
  })
})

describe('canvass and attachments', () => {
  const rows = [
    { group: '1-6号楼', asked: 1000, agree: 980, disagree: 10, noAnswer: 6, notReached: 4 },
    { group: '7-12号楼', asked: 800, agree: 780, disagree: 10, noAnswer: 5, notReached: 5 },
  ]
  it('totals a canvass: 1,800 asked, 1,760 agreed', () => {
    expect(canvassTotals(rows)).toMatchObject({ asked: 1800, agree: 1760, agreePercent: 97.8 })
  })
  it('names each row whose answers do not add up', () => {
    const bad = [rows[0]!, { ...rows[1]!, notReached: 4 }]
    expect(tallyProblems(bad)).toEqual([
      { key: 'research.errors.tally', params: { group: '7-12号楼', asked: 800, sum: 799 } },
    ])
  })
  it('refuses empty files and files over the limit', () => {
    expect(attachmentProblems('a.jpg', 0)[0]?.key).toBe('research.errors.emptyFile')
    expect(attachmentProblems('a.mp4', MAX_ATTACHMENT_BYTES + 1)[0]?.key).toBe('research.errors.tooLarge')
    expect(attachmentProblems('a.jpg', 1000)).toEqual([])
  })
})

describe('intake settings', () => {
  it('fills defaults for communities saved before the settings existed', () => {
    const s = intakeSettings({})
    expect(s.channels).toEqual(DEFAULT_CHANNELS)
    expect(s.channels).toHaveLength(11)
    expect(s.handlingDays.immediate).toBe(0) // 即办件: due the same day
    expect(intakeSettings({ handlingDays: { immediate: 2 } }).handlingDays).toMatchObject({
      immediate: 2,
      committed: 15,
    })
  })
})

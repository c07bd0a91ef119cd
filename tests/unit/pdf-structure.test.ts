// Fast structural checks on every PDF builder's document definition (no
// rendering): the things a printed form must never do, checked on the data.
import { describe, expect, it } from 'vitest'
import type { DocDef } from '@/pdf/layout'
import { TABLE_LAYOUTS } from '@/pdf/layout'
import { sampleDossier, sampleMeeting, stressMeeting } from '@/pdf/samples'
import { agendaNoticeToDocDef } from '@/pdf/docs/agendaNotice'
import { ballotsToDocDef } from '@/pdf/docs/ballots'
import { evaluationBallotToDocDef } from '@/pdf/docs/evaluationBallot'
import { filingFormToDocDef } from '@/pdf/docs/filingForm'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { registrationFormToDocDef } from '@/pdf/docs/registrationForm'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { resultsNoticeToDocDef } from '@/pdf/docs/resultsNotice'
import { signInSheetToDocDef } from '@/pdf/docs/signInSheet'
import { statisticsToDocDef } from '@/pdf/docs/statistics'
import { topicDossierToDocDef } from '@/pdf/docs/topicDossier'
import { periodStats } from '@/domain/stats'
import { TEMPLATE_FOUR_TWO } from '@/domain/template'
import type { ActionItem } from '@/domain/resolution'

type Node = Record<string, unknown>
interface TableNode {
  table: { body: unknown[][]; widths?: unknown[]; dontBreakRows?: boolean; headerRows?: number }
  layout?: unknown
}

/** Every object in the content tree, depth first. */
function nodes(content: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(content)) content.forEach((c) => nodes(c, out))
  else if (content && typeof content === 'object') {
    out.push(content as Node)
    for (const v of Object.values(content)) if (v && typeof v === 'object') nodes(v, out)
  }
  return out
}
const tablesOf = (doc: DocDef) => nodes(doc.content).filter((n): n is Node & TableNode => 'table' in n)
/** Every text leaf, to catch "undefined" or "NaN" printed where a value was missing. */
const texts = (doc: DocDef) =>
  nodes(doc.content)
    .map((n) => n.text)
    .filter((t): t is string => typeof t === 'string')

const m = sampleMeeting()
const item: ActionItem = {
  communityId: 'c',
  createdAt: '',
  updatedAt: '',
  id: 'a',
  meetingId: 'm',
  topicId: 't',
  resolutionId: 'r',
  title: '疏通北门排水管',
  owner: '物业公司（韩喆）',
  standard: '雨后两小时内无积水',
  dueOn: '2026-10-30',
  supervisor: '王堃',
  status: 'done',
}
const stats = periodStats(
  {
    requests: Array.from({ length: 12 }, (_, i) => ({
      receivedOn: '2026-03-01',
      status: i < 10 ? 'resolved' : 'open',
      channel: '居民说事厅',
      handlingType: 'immediate',
      category: '环境卫生',
      resolvedOn: '2026-03-05',
    })),
    items: [],
    evaluations: [],
  },
  { from: '2026-01-01', to: '2026-12-31' },
  '2026-12-31',
)

const BUILDERS: [string, () => DocDef][] = [
  ['agenda notice', () => agendaNoticeToDocDef(m)],
  ['sign-in sheet', () => signInSheetToDocDef(m)],
  ['sign-in sheet, 180 people', () => signInSheetToDocDef(stressMeeting())],
  ['minutes', () => minutesToDocDef(m)],
  ['minutes, long meeting', () => minutesToDocDef(stressMeeting())],
  ['resolution notice', () => resolutionNoticeToDocDef(m)],
  ['filing form', () => filingFormToDocDef(m)],
  ['topic dossier', () => topicDossierToDocDef(sampleDossier())],
  ['topic dossier, public', () => topicDossierToDocDef(sampleDossier(), { public: true, hideNames: true })],
  [
    'ballots',
    () =>
      ballotsToDocDef({
        community: m.community,
        meeting: m.meeting,
        topics: [{ order: 1, title: m.topics[0]!.title, options: [] }],
        secret: true,
        copies: 5,
        serialPrefix: '1',
      }),
  ],
  [
    'evaluation ballots',
    () =>
      evaluationBallotToDocDef({
        communityName: '新华路社区',
        date: '2026-11-01',
        title: item.title,
        standard: item.standard,
        owner: item.owner,
        dueOn: item.dueOn,
        scale: 'three',
        round: 1,
        copies: 4,
      }),
  ],
  [
    'results notice',
    () =>
      resultsNoticeToDocDef({
        communityName: '新华路社区',
        partyOrg: '中共新华路社区委员会',
        meetingTitle: '十月党群议事日',
        meetingDate: '2026-10-10',
        startsOn: '2026-11-10',
        endsOn: '2026-11-16',
        items: [{ item, evaluations: [] }],
      }),
  ],
  [
    'statistics',
    () => statisticsToDocDef({ communityName: '新华路社区', superior: '新华路街道', date: '2026-12-31', stats }),
  ],
  [
    'registration form',
    () =>
      registrationFormToDocDef({
        communityName: '河西村',
        kind: 'village',
        partyOrg: '中共河西村支部委员会',
        title: '村集体北片土地流转',
        description: '北片 120 亩耕地流转给合作社，期限十年。',
        origin: 'officials',
        templateName: TEMPLATE_FOUR_TWO.name,
        stages: TEMPLATE_FOUR_TWO.stages,
        attempts: [],
        printedOn: '2026-09-20',
      }),
  ],
]

describe.each(BUILDERS)('%s', (_name, build) => {
  const doc = build()

  it('names the community and a date in the page frame', () => {
    expect(doc.frame.communityName.trim()).not.toBe('')
    expect(doc.frame.date.trim()).not.toBe('')
  })

  it('keeps every table row whole across a page break', () => {
    for (const t of tablesOf(doc)) expect(t.table.dontBreakRows, JSON.stringify(t.table.body[0])).toBe(true)
  })

  it('gives every row of a table as many cells as it has columns, and only known layouts', () => {
    for (const t of tablesOf(doc)) {
      const columns = t.table.widths?.length ?? t.table.body[0]!.length
      for (const row of t.table.body) {
        // A cell spanning n columns is followed by n-1 placeholders, so the count still matches.
        expect(row.length).toBe(columns)
      }
      if (typeof t.layout === 'string') expect(Object.keys(TABLE_LAYOUTS)).toContain(t.layout)
    }
  })

  it('repeats the header row on each page when a table has one', () => {
    for (const t of tablesOf(doc)) if (t.table.headerRows !== undefined) expect(t.table.headerRows).toBeGreaterThan(0)
  })

  it('prints no "undefined", "NaN" or "null"', () => {
    for (const s of texts(doc)) expect(s).not.toMatch(/undefined|NaN|\bnull\b/)
  })
})

// The tree walk itself must find tables, or the checks above pass on nothing.
it('finds the tables of the minutes', () => {
  expect(tablesOf(minutesToDocDef(m)).length).toBeGreaterThan(3)
})

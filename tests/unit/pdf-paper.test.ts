// Paper that can be posted as is: with long names, long roles and many rows,
// no table line holds only one or two characters of a longer cell (a lone
// "日" under a date, "门" left from a title), header rows repeat and stay
// with a row, and the signatures share their page with the text above.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { agendaNoticeToDocDef } from '@/pdf/docs/agendaNotice'
import { ballotsToDocDef } from '@/pdf/docs/ballots'
import { filingFormToDocDef } from '@/pdf/docs/filingForm'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { resultsNoticeToDocDef } from '@/pdf/docs/resultsNotice'
import { signInSheetToDocDef } from '@/pdf/docs/signInSheet'
import { topicDossierToDocDef } from '@/pdf/docs/topicDossier'
import { collectText } from '@/pdf/glyphs'
import type { DocDef } from '@/pdf/layout'
import type { MeetingDocsInput } from '@/pdf/inputs'
import { sampleDossier, stressMeeting } from '@/pdf/samples'
import { pdfPageCount, pdfTextRaw, pdfToPngs, renderNode } from './support/pdf'

const LONG_NAMES = ['欧阳娜娜', '阿卜杜热合曼·买买提', '司马相如', '诸葛明亮', '上官婉儿', '爱新觉罗·启星']
const LONG_ROLES = ['物业服务企业项目负责人', '辖区驻区单位党组织负责人', '区人大代表、区政协委员']

/** The stress meeting with long names and roles, invited-for-topic guests, long owners and supervisors. */
function paperMeeting(): MeetingDocsInput {
  const m = stressMeeting()
  return {
    ...m,
    people: m.people.map((p, i) => ({
      ...p,
      name: i % 7 === 3 ? LONG_NAMES[i % LONG_NAMES.length]! : p.name,
      partyRole: i % 5 === 4 ? LONG_ROLES[i % LONG_ROLES.length]! : p.partyRole,
      forTopics: p.meetingRole === 'stakeholder' ? [m.topics[0]!.title, m.topics[1]!.title] : undefined,
    })),
    topics: m.topics.map((t) => ({
      ...t,
      actions: t.actions.map((a, i) => ({
        ...a,
        owner: i % 4 === 1 ? '区住房和城乡建设局、社区居委会' : a.owner,
        supervisor: i % 5 === 2 ? '居务监督委员会 阿卜杜热合曼·买买提' : a.supervisor,
        dueOn: `2027-${String(10 + (i % 3)).padStart(2, '0')}-${String(20 + (i % 9)).padStart(2, '0')}`,
      })),
    })),
  }
}

/** Every string printed inside a table cell, header cells included. */
function cellTexts(content: unknown, out: string[] = [], inTable = false): string[] {
  if (Array.isArray(content)) for (const c of content) cellTexts(c, out, inTable)
  else if (content && typeof content === 'object') {
    const node = content as Record<string, unknown>
    if (node.table) return cellTexts((node.table as { body: unknown }).body, out, true)
    if (inTable) out.push(...collectText([node as never]))
    else for (const v of Object.values(node)) if (v && typeof v === 'object') cellTexts(v, out, inTable)
  } else if (inTable && (typeof content === 'string' || typeof content === 'number')) out.push(String(content))
  return out
}

/** Words of one or two characters that are the broken-off end of a longer cell's text. */
async function shortCellLines(doc: DocDef, name: string): Promise<string[]> {
  const bytes = await renderNode(doc)
  pdfToPngs(bytes, `paper-${name}`, 60)
  const xml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8')
  const words = [...xml.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
  // A whole value (a name, 同意, 12) is fine however short; only a piece of a longer one is a widow.
  // Characters the font lacks print as nothing (吉𠮷 reads 吉); the frame prints 第 1 页 共 2 页.
  const printed = collectText(doc.content).flatMap((s) => s.split(/[\s\u{10000}-\u{10FFFF}]+/u))
  const whole = new Set([...printed, '第', '页', '共'])
  const cells = cellTexts(doc.content)
  // The end of a paragraph outside the tables is not this check's business.
  const others = new Set(printed.filter((t) => !cells.includes(t)).map((t) => t.slice(-2)))
  // Dates never wrap: each one in a table reads back as one word.
  const printedWords = new Set(words)
  const broken = cells.filter((c) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(c) && !printedWords.has(c))
  return [
    ...broken,
    ...words.filter(
      (w) =>
        [...w].length <= 2 &&
        /\D/.test(w) &&
        !whole.has(w) &&
        ![...others].some((end) => end.endsWith(w)) &&
        cells.some((c) => c.length > w.length && c.endsWith(w)),
    ),
  ]
}

const m = paperMeeting()
const d = sampleDossier()
const DOCS: [string, () => DocDef][] = [
  ['agenda-notice', () => agendaNoticeToDocDef(m)],
  ['sign-in-sheet', () => signInSheetToDocDef(m)],
  ['minutes', () => minutesToDocDef(m)],
  ['resolution-notice', () => resolutionNoticeToDocDef(m)],
  ['filing-form', () => filingFormToDocDef(m)],
  [
    'ballots-topic',
    () =>
      ballotsToDocDef({
        community: m.community,
        meeting: m.meeting,
        topics: [{ order: 1, title: m.topics[0]!.title, options: m.topics[0]!.options }],
        secret: false,
        copies: 6,
      }),
  ],
  [
    'ballots-all-topics',
    () =>
      ballotsToDocDef({
        community: m.community,
        meeting: m.meeting,
        topics: m.topics.map((t) => ({ order: t.order, title: t.title, options: t.options })),
        secret: true,
        copies: 4,
      }),
  ],
  [
    'results-notice',
    () =>
      resultsNoticeToDocDef({
        communityName: m.community.name,
        partyOrg: m.community.partyOrg,
        meetingTitle: m.meeting.title,
        meetingDate: m.meeting.date,
        startsOn: '2027-03-01',
        endsOn: '2027-03-07',
        items: m.topics
          .flatMap((t) => t.actions)
          .map((a, i) => ({
            item: {
              ...a,
              id: `a${i}`,
              communityId: 'c',
              createdAt: '',
              updatedAt: '',
              meetingId: 'm',
              topicId: 't',
              resolutionId: 'r',
              doneOn: a.dueOn,
            },
            evaluations: [],
          })),
      }),
  ],
  ['topic-dossier', () => topicDossierToDocDef(d)],
]

describe('no table line of one or two characters', () => {
  it.each(DOCS)(
    '%s',
    async (name, build) => {
      expect(await shortCellLines(build(), name)).toEqual([])
    },
    60_000,
  )

  it('the check finds the lone character of a column too narrow for its text', async () => {
    const doc: DocDef = {
      frame: { title: 't', communityName: '新华路社区', date: '2026年12月10日' },
      content: [
        {
          // A font named on the cell: left for pdfmake to break, as before columns were fitted.
          table: { widths: [40, '*'], body: [[{ text: '完成验收并公示', font: 'NotoSansSC' }, { text: '验收' }]] },
          layout: 'form',
        },
      ],
    }
    expect(await shortCellLines(doc, 'check')).toEqual(['示'])
  })
})

describe('ballots for the whole meeting', () => {
  it('lists every topic on each of 30 ballots when the secretary chooses: one ballot per voter, no more paper', async () => {
    const s = stressMeeting()
    const topics = s.topics.map((t) => ({ order: t.order, title: t.title, options: t.options }))
    const one = { community: s.community, meeting: s.meeting, secret: true, copies: 30 }
    const all = await renderNode(ballotsToDocDef({ ...one, topics }))
    const text = pdfTextRaw(all)
    for (const t of topics) expect(text.split(`议题${t.order}：${t.title}`).length - 1).toBe(30)
    expect(text).toContain('编号：030')
    let perTopic = 0
    for (const t of topics) perTopic += pdfPageCount(await renderNode(ballotsToDocDef({ ...one, topics: [t] })))
    expect(text).not.toContain('编号：031')
    expect(pdfPageCount(all)).toBeLessThanOrEqual(perTopic)
  }, 60_000)
})

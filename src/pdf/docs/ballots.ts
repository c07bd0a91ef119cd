// 表决票: paper ballots, several to an A4 page with dashed cut lines. Each
// has a serial number; a secret ballot has no line for the voter's name.
// One topic per ballot, or (when the secretary chooses) every topic of the
// meeting on one sheet, so one ballot per voter covers the whole meeting.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import type { CommunityInfo, MeetingInfo, OptionLine } from '../inputs'

export interface BallotTopic {
  order: number
  title: string
  /** One row per option; none = the topic itself */
  options: Pick<OptionLine, 'title'>[]
}

export interface BallotsInput {
  community: CommunityInfo
  meeting: MeetingInfo
  /** The topics on each ballot: one (per-topic ballots) or all of the meeting's */
  topics: BallotTopic[]
  secret: boolean
  copies: number
  /** Printed before the number, e.g. the topic's order: 1-007 */
  serialPrefix?: string
  /** The filling-in rule printed on each ballot; default BALLOT_INSTRUCTION */
  instruction?: string
}

function topicTable(topic: BallotTopic, rowHeight: number): Content {
  const rows = topic.options.length > 0 ? topic.options.map((o) => o.title) : [topic.title]
  return {
    stack: [
      { text: `议题${topic.order}：${topic.title}`, bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: ['*', 48, 48, 48],
          dontBreakRows: true,
          heights: rowHeight,
          body: [
            [
              { text: topic.options.length > 0 ? '方案' : '表决事项', style: 'th' },
              { text: '同意', style: 'th' },
              { text: '反对', style: 'th' },
              { text: '弃权', style: 'th' },
            ],
            ...rows.map((r) => [{ text: r, style: 'cell' }, '', '', '']),
          ],
        },
        layout: 'form',
      },
    ],
    margin: [0, 0, 0, 6],
  }
}

function ballot(input: BallotsInput, serial: string): Content {
  return {
    stack: [
      {
        columns: [
          { text: input.secret ? '表决票（无记名，画√）' : '表决票（画√）', fontSize: 16, bold: true },
          { text: `编号：${serial}`, alignment: 'right', margin: [0, 4, 0, 0] },
        ],
      },
      { text: `${input.meeting.title}\u3000${chineseDate(input.meeting.date)}`, style: 'small', margin: [0, 2, 0, 4] },
      // A whole-meeting ballot has lower rows, so two still fit on a page.
      ...input.topics.map((t) => topicTable(t, input.topics.length > 1 ? 20 : 26)),
      {
        columns: [
          { text: input.instruction ?? BALLOT_INSTRUCTION, style: 'small' },
          ...(input.secret ? [] : [{ text: '表决人：__________', width: 'auto' as const }]),
        ],
        margin: [0, 0, 0, 0],
      },
    ],
  }
}

/** How a ballot is filled in; a community may word it otherwise (BallotsInput.instruction). */
export const BALLOT_INSTRUCTION = '请在相应栏内画√。每项只能画一个√；不画视为弃权，多画视为无效。'

export function ballotsToDocDef(input: BallotsInput): DocDef {
  const width = String(input.copies).length < 3 ? 3 : String(input.copies).length
  const serial = (n: number) => `${input.serialPrefix ? `${input.serialPrefix}-` : ''}${String(n).padStart(width, '0')}`
  const body = Array.from({ length: input.copies }, (_, i) => [ballot(input, serial(i + 1))])
  const only = input.topics.length === 1 ? input.topics[0] : undefined
  return {
    frame: {
      title: `表决票 ${only ? only.title : input.meeting.title}`,
      communityName: input.community.name,
      date: chineseDate(input.meeting.date),
    },
    content: [{ table: { widths: ['*'], dontBreakRows: true, body }, layout: 'cutLines' }],
  }
}

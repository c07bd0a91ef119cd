// 表决票: paper ballots, several to an A4 page with dashed cut lines. Each
// has a serial number; a secret ballot has no line for the voter's name.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import type { CommunityInfo, MeetingInfo, OptionLine } from '../inputs'

export interface BallotsInput {
  community: CommunityInfo
  meeting: MeetingInfo
  topicOrder: number
  topicTitle: string
  /** One row per option; none = the topic itself */
  options: Pick<OptionLine, 'title'>[]
  secret: boolean
  copies: number
  /** Printed before the number, e.g. the topic's order: 1-007 */
  serialPrefix?: string
  /** The filling-in rule printed on each ballot; default BALLOT_INSTRUCTION */
  instruction?: string
}

function ballot(input: BallotsInput, serial: string): Content {
  const rows = input.options.length > 0 ? input.options.map((o) => o.title) : [input.topicTitle]
  return {
    stack: [
      {
        columns: [
          { text: input.secret ? '表决票（无记名，画√）' : '表决票（画√）', fontSize: 16, bold: true },
          { text: `编号：${serial}`, alignment: 'right', margin: [0, 4, 0, 0] },
        ],
      },
      { text: `${input.meeting.title}\u3000${chineseDate(input.meeting.date)}`, style: 'small', margin: [0, 2, 0, 4] },
      { text: `议题${input.topicOrder}：${input.topicTitle}`, bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: ['*', 48, 48, 48],
          dontBreakRows: true,
          heights: 26,
          body: [
            [
              { text: input.options.length > 0 ? '方案' : '表决事项', style: 'th' },
              { text: '同意', style: 'th' },
              { text: '反对', style: 'th' },
              { text: '弃权', style: 'th' },
            ],
            ...rows.map((r) => [{ text: r, style: 'cell' }, '', '', '']),
          ],
        },
        layout: 'form',
      },
      {
        columns: [
          { text: input.instruction ?? BALLOT_INSTRUCTION, style: 'small' },
          ...(input.secret ? [] : [{ text: '表决人：__________', width: 'auto' as const }]),
        ],
        margin: [0, 4, 0, 0],
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
  return {
    frame: {
      title: `表决票 ${input.topicTitle}`,
      communityName: input.community.name,
      date: chineseDate(input.meeting.date),
    },
    content: [{ table: { widths: ['*'], dontBreakRows: true, body }, layout: 'cutLines' }],
  }
}

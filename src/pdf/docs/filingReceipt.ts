// 备案回执: the street office's receipt for a filed major matter, with its
// opinion. Printed on the street's laptop and sent back with the reply.
import { chineseDate, type DocDef } from '../layout'
import { fieldTable, signatures } from '../blocks'

export interface FilingReceiptInput {
  streetName: string
  partyCommittee: string
  communityName: string
  meetingTitle: string
  meetingDate: string
  sentOn: string
  filedBy: string
  reference?: string
  /** 已接收 · 已审核 · 退回补正 */
  status: string
  opinion: string
  reviewedOn: string
  reviewedBy: string
  /** YYYY-MM-DD */
  printedOn: string
}

export function filingReceiptToDocDef(i: FilingReceiptInput): DocDef {
  return {
    frame: {
      title: `备案回执 ${i.communityName} ${i.meetingTitle}`,
      communityName: i.streetName,
      date: chineseDate(i.printedOn),
    },
    content: [
      { text: '重大事项备案回执', style: 'title' },
      { text: `${i.communityName}党组织：`, margin: [0, 0, 0, 6] },
      {
        text: `你单位于${chineseDate(i.sentOn)}报送的“${i.meetingTitle}”重大事项备案材料已收悉，审核情况如下。`,
        margin: [0, 0, 0, 8],
      },
      fieldTable(
        [
          ['报备单位', i.communityName],
          ['事项（会议）', `${i.meetingTitle}（${chineseDate(i.meetingDate)}）`],
          ['报送日期', chineseDate(i.sentOn)],
          ['报送人', i.filedBy],
          ['备案编号', i.reference ?? ''],
          ['审核结论', i.status],
          ['审核意见', i.opinion],
          ['审核日期', chineseDate(i.reviewedOn)],
          ['经办人', i.reviewedBy],
        ],
        100,
      ),
      { text: `${i.partyCommittee}（盖章）`, alignment: 'right', margin: [0, 24, 0, 4] },
      { text: chineseDate(i.printedOn), alignment: 'right' },
      signatures(['经办人']),
    ],
  }
}

// 签到表: pre-filled with the expected participants and their roles; people
// sign by hand. Blank rows take walk-ins; totals are filled in on the day
// (or printed when attendance is already recorded).
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import { formTable, when, type Cell } from '../blocks'
import { attendanceText, MEETING_ROLE } from '../labels'
import type { MeetingDocsInput } from '../inputs'

const WALK_IN_ROWS = 5

export function signInSheetToDocDef(input: MeetingDocsInput): DocDef {
  const { meeting, community } = input
  const rows: Cell[][] = input.people.map((p, i) => [
    i + 1,
    p.name,
    p.partyRole ?? '',
    MEETING_ROLE[p.meetingRole] + (p.forTopics?.length ? `（${p.forTopics.join('、')}）` : ''),
    '',
    '',
  ])
  for (let i = 0; i < WALK_IN_ROWS; i++) rows.push([input.people.length + i + 1, '', '', '', '', ''])
  const totals = attendanceText(input.quorum, '\u3000\u3000')
  const content: Content[] = [
    { text: `${meeting.title}签到表`, style: 'title' },
    // Two lines of two: long places and names do not squeeze one another.
    ...[
      [`时间：${when(meeting.date, meeting.startTime)}`, `地点：${meeting.place ?? ''}`],
      // The recorder chosen in step 2 keeps the sheet: named on it.
      [`主持人：${meeting.chair ?? ''}`, `记录人：${meeting.recorder ?? ''}`],
    ].map(([left, right]): Content => ({
      columns: [
        { text: left ?? '', width: '*' as const },
        { text: right ?? '', width: '*' as const },
      ],
      columnGap: 16,
      margin: [0, 0, 0, 4],
    })),
    formTable(['序号', '姓名', '身份', '会议角色', '签名', '备注'], rows, ['auto', 'auto', 'auto', 'auto', '*', 56]),
    { text: totals, bold: true, margin: [0, 6, 0, 0] },
    { text: '请本人签名；代签无效。', style: 'small', margin: [0, 4, 0, 0] },
  ]
  // Rows are tall enough to sign in.
  const table = content[3] as { table: { heights?: number } }
  table.table.heights = 24
  return {
    frame: {
      title: `签到表 ${meeting.title}`,
      communityName: community.name,
      date: chineseDate(meeting.date ?? input.printedOn),
    },
    content,
  }
}

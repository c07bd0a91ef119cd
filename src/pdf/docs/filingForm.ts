// 备案表: a major matter filed in writing with the street office or township
// Party committee after the collective decision.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import { fieldTable, when } from '../blocks'
import { METHOD, RESULT } from '../labels'
import type { MeetingDocsInput, TopicBlock } from '../inputs'

// A fresh object per cell: pdfmake annotates content objects in place.
const blankOpinion = () => ({
  text: '\n\n\n签字（盖章）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日',
  alignment: 'right' as const,
})

function voteSummary(t: TopicBlock): string {
  return t.votes
    .map((v) => {
      const c = v.counts
      return `${METHOD[v.method]}${c ? `，同意${c.for}票、反对${c.against}票、弃权${c.abstain}票` : ''}${v.result ? `，${RESULT[v.result]}` : ''}`
    })
    .join('；')
}

export function filingFormToDocDef(
  input: MeetingDocsInput,
  topics: TopicBlock[] = input.topics.filter((t) => t.isMajor),
): DocDef {
  const { meeting, community, quorum: q } = input
  const list = topics.length > 0 ? topics : input.topics
  const n = input.resolutionNotice
  const content: Content[] = [
    { text: '重大事项备案表', style: 'title' },
    { text: `报送：${community.superior}党（工）委`, margin: [0, 0, 0, 6] },
    fieldTable(
      [
        ['报备单位', community.partyOrg],
        ['事项名称', list.map((t) => t.title).join('；')],
        ['会议名称', meeting.title],
        ['时间地点', `${when(meeting.date, meeting.startTime)}\u3000${meeting.place ?? ''}`],
        [
          '参会情况',
          q
            ? `应到${q.expected}人，实到${q.present}人，缺席${q.absent}人；${q.reached ? '符合法定人数' : '未达法定人数'}`
            : '',
        ],
        ['表决情况', list.map((t) => `${t.title}：${voteSummary(t) || '未表决'}`).join('\n')],
        ['决议内容', list.map((t) => `${t.title}：${t.resolution ?? '（无）'}`).join('\n')],
        [
          '公示情况',
          n?.startsOn
            ? `${chineseDate(n.startsOn)}至${chineseDate(n.endsOn)}在${n.places.join('、') || '公示栏'}公示`
            : '尚未公示',
        ],
        ['党组织意见', blankOpinion()],
        [`${community.superior}意见`, blankOpinion()],
      ],
      100,
    ),
    { text: '本表一式两份，报备单位和上级党（工）委各存一份。', style: 'small' },
  ]
  return {
    frame: { title: `备案表 ${meeting.title}`, communityName: community.name, date: chineseDate(input.printedOn) },
    content,
  }
}

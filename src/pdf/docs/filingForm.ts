// 备案表: a major matter filed in writing with the street office or township
// Party committee after the collective decision.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import { fieldTable, when } from '../blocks'
import { superiorCommittee } from '@/domain/community'
import { attendanceText, countsText, METHOD, outcomeWords, RESULT } from '../labels'
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
      return `${METHOD[v.method]}${c ? `，${countsText(v.method, c, v.rule)}` : ''}${v.result ? `，${RESULT[v.result]}` : ''}`
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
  const words = outcomeWords(meeting.decides)
  const committee = superiorCommittee(community.superior)
  const content: Content[] = [
    { text: '重大事项备案表', style: 'title' },
    { text: `报送：${committee}`, margin: [0, 0, 0, 6] },
    fieldTable(
      [
        ['报备单位', community.partyOrg],
        ['事项名称', list.map((t) => t.title).join('；')],
        ['会议名称', meeting.title],
        ['时间地点', `${when(meeting.date, meeting.startTime)}\u3000${meeting.place ?? ''}`],
        ['参会情况', q ? `${attendanceText(q)}；${q.reached ? `符合${words.quorum}` : `未达${words.quorum}`}` : ''],
        ['表决情况', list.map((t) => `${t.title}：${voteSummary(t) || '未表决'}`).join('\n')],
        [`${words.outcome}内容`, list.map((t) => `${t.title}：${t.resolution ?? '（无）'}`).join('\n')],
        [
          '公示情况',
          n?.startsOn
            ? `${chineseDate(n.startsOn)}至${chineseDate(n.endsOn)}在${n.places.join('、') || (community.kind === 'village' ? '村务公开栏' : '公示栏')}公示`
            : '尚未公示',
        ],
        ['党组织意见', blankOpinion()],
        [`${committee}意见`, blankOpinion()],
      ],
      100,
    ),
    { text: `本表一式两份，报备单位和${committee}各存一份。`, style: 'small' },
  ]
  return {
    frame: { title: `备案表 ${meeting.title}`, communityName: community.name, date: chineseDate(input.printedOn) },
    content,
  }
}

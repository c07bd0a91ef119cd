// 一事一档: one topic from the first request to the residents' evaluation.
// The public version masks phone and ID numbers and can hide residents' names.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import { dateCell, fieldTable, formTable, h2, note, para, publicName, publicText, when } from '../blocks'
import { attendanceText, MEETING_ROLE, outcomeWords, STATE, TOPIC_EVENT } from '../labels'
import type { DossierInput, PublicOptions, TopicEventLine } from '../inputs'
import { topicSection } from './topicParts'

const OFFICIAL = ['chair', 'recorder', 'guest']

/** 合并诉求：北门两条诉求合为一个议题（张伟） */
const trailText = (e: TopicEventLine) => `${TOPIC_EVENT[e.kind] ?? e.kind}${e.reason ? `：${e.reason}` : ''}（${e.by}）`

export function topicDossierToDocDef(
  input: DossierInput,
  opts: PublicOptions = { public: false, hideNames: false },
): DocDef {
  const { topic: t, meeting, community } = input
  const content: Content[] = [
    { text: `一事一档：${t.title}`, style: 'title' },
    ...(opts.public ? [note(`公开版：电话和身份证号已隐去${opts.hideNames ? '，居民姓名已隐去' : ''}。`)] : []),
    h2('一、民情诉求'),
    input.requests.length > 0
      ? formTable(
          ['收到日期', '渠道', '反映人', '内容', '办理类型'],
          input.requests.map((r) => [
            dateCell(r.receivedOn),
            r.channel,
            publicName(r.raisedBy, opts),
            publicText(r.description, opts),
            r.handlingType,
          ]),
          ['auto', 'auto', 'auto', '*', 'auto'],
        )
      : para(`本议题由${community.kind === 'village' ? '村' : '社区'}党组织直接提出。`),
    h2('二、议题确定'),
    ...(input.trail.length > 0
      ? input.trail.map((e) => para(`${chineseDate(e.at)}\u3000${publicText(trailText(e), opts)}`))
      : [para('（无记录）')]),
  ]
  if (meeting) {
    content.push(
      h2('三、议事会议'),
      fieldTable([
        ['会议', meeting.title],
        ['时间地点', `${when(meeting.date, meeting.startTime)}\u3000${meeting.place ?? ''}`],
        ['主持人/记录人', `${meeting.chair ?? ''} / ${meeting.recorder ?? ''}`],
        ['到会情况', input.quorum ? attendanceText(input.quorum) : ''],
        [
          '参会人员',
          input.attendance
            // Chair, recorder and officials are named; residents may be hidden.
            .map(
              (p) =>
                `${OFFICIAL.includes(p.meetingRole) ? p.name : publicName(p.name, opts)}（${MEETING_ROLE[p.meetingRole]}${p.state && p.state !== 'present' ? `，${STATE[p.state]}` : ''}）`,
            )
            .join('、'),
        ],
      ]),
    )
  }
  // A council recommends (协商意见), a legal body decides (决议): the dossier says what the minutes say.
  const decides = meeting?.decides ?? true
  content.push(h2(`四、调研、议事与${outcomeWords(decides).outcome}`), ...topicSection(t, opts, decides))
  content.push(h2('五、公开公示'))
  const n = input.notice
  content.push(
    para(
      n?.startsOn
        ? `${outcomeWords(decides).notice}：${chineseDate(n.startsOn)}至${chineseDate(n.endsOn)}在${n.places.join('、') || (community.kind === 'village' ? '村务公开栏' : '公示栏')}公示${n.periodDays}天。`
        : '尚未公示。',
    ),
  )
  if (input.objections.length > 0) {
    content.push(
      formTable(
        ['收到日期', '提出人', '异议内容', '答复', '答复日期'],
        input.objections.map((o) => [
          dateCell(o.receivedOn),
          publicName(o.from, opts),
          publicText(o.content, opts),
          publicText(o.answer ?? '（待答复）', opts),
          dateCell(o.answeredAt),
        ]),
        ['auto', 'auto', '*', '*', 'auto'],
      ),
    )
  } else if (n?.startsOn) content.push(para('公示期内未收到异议。'))
  content.push(h2('六、落实与评议'))
  if (input.evaluations.length > 0) {
    content.push(
      formTable(
        ['事项', '轮次', '日期', '评议结果', '满意率', '结论'],
        input.evaluations.map((e) => [
          e.item,
          e.round,
          dateCell(e.on),
          e.counts,
          `${Math.round(e.rate * 1000) / 10}%`,
          e.passed ? '通过' : '返工',
        ]),
        ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      ),
    )
  } else content.push(para('尚未评议。'))
  if (input.seal) content.push(note(`核验码：${input.seal.code}（${chineseDate(input.seal.sealedAt)}封存）`))
  return {
    frame: { title: `一事一档 ${t.title}`, communityName: community.name, date: chineseDate(input.printedOn) },
    content,
  }
}

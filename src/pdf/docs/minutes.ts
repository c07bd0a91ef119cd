// 会议纪要: the record the chair and recorder sign. Carry-over first, then
// the meeting's facts, attendance by role, each topic, the responsibility
// table, signatures, and the verification code (with a QR) from the seal.
import { sealBlock } from './sealParts'
import type { Content } from 'pdfmake/interfaces'
import { chineseDate, type DocDef } from '../layout'
import { fieldTable, h2, note, para, signatures, when } from '../blocks'
import { attendanceText, outcomeWords, ruleText, STATE } from '../labels'
import type { MeetingDocsInput, PersonLine } from '../inputs'
import { actionTable, topicSection } from './topicParts'

const NUMERAL = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 出席 / 列席 / 利益相关方 / 部门和专家 / 缺席与请假 */
function attendanceGroups(people: PersonLine[]): [string, string][] {
  // 出席 lists exactly the people counted in 实到; others present sit under 列席 and the rest.
  const here = people.filter((p) => p.state === undefined || p.state === 'present')
  const counted = (p: PersonLine) => p.counted ?? ['chair', 'recorder', 'voting', 'teller'].includes(p.meetingRole)
  const names = (list: PersonLine[]) =>
    list.map((p) => (p.partyRole ? `${p.name}（${p.partyRole}）` : p.name)).join('、')
  const groups: [string, PersonLine[]][] = [
    ['出席', here.filter(counted)],
    ['列席', here.filter((p) => !counted(p) && !['stakeholder', 'guest'].includes(p.meetingRole))],
    ['利益相关方', here.filter((p) => !counted(p) && p.meetingRole === 'stakeholder')],
    ['部门/专家', here.filter((p) => !counted(p) && p.meetingRole === 'guest')],
  ]
  const away = people.filter((p) => p.state && p.state !== 'present')
  const out: [string, string][] = groups.filter(([, l]) => l.length > 0).map(([label, l]) => [label, names(l)])
  if (away.length > 0) out.push(['缺席/请假', away.map((p) => `${p.name}（${STATE[p.state!]}）`).join('、')])
  return out
}

export function minutesToDocDef(input: MeetingDocsInput): DocDef {
  const { meeting, community, quorum: q } = input
  const content: Content[] = [{ text: `${meeting.title}会议纪要`, style: 'title' }]
  if (input.carryOver.length > 0) {
    content.push(h2('上次议定事项落实情况'), actionTable(input.carryOver, true, true))
  }
  const words = outcomeWords(meeting.decides)
  const quorumText = q
    ? `${attendanceText(q)}。${q.rule ? `${words.quorum}：${ruleText(q.rule, 'quorum')}；` : ''}${q.reached ? `${q.households ? '到会户数' : '到会人数'}符合规定，会议有效。` : `${q.households ? '到会户数' : '到会人数'}不足，不得${words.verb}。`}`
    : ''
  content.push(
    h2('会议基本情况'),
    fieldTable([
      ['会议名称', meeting.title],
      ['时间', `${when(meeting.date, meeting.startTime)}${meeting.endTime ? `至${meeting.endTime}` : '至____'}`],
      ['地点', meeting.place ?? ''],
      ['主持人', meeting.chair ?? ''],
      ['记录人', meeting.recorder ?? ''],
      ...(meeting.bodyName ? ([['议事主体', meeting.bodyName]] as [string, string][]) : []),
      ['到会情况', quorumText],
      ...attendanceGroups(input.people),
    ]),
  )
  // A step passed over is part of the record: the reader sees the procedure was not followed, and why.
  const skipped = meeting.skippedSteps ?? []
  if (skipped.length > 0) {
    content.push(
      h2('程序说明'),
      ...skipped.map((k) =>
        para(`第${NUMERAL[k.n] ?? k.n}步“${k.name}”未进行，原因：${k.reason}（${k.by}，${chineseDate(k.on)}决定）。`),
      ),
    )
  }
  const written = input.people.filter((p) => p.state === 'written' && p.writtenOpinion)
  if (written.length > 0) {
    content.push(h2('书面意见'), ...written.map((p) => para(`${p.name}：${p.writtenOpinion}`)))
  }
  for (const t of input.topics) content.push(...topicSection(t, undefined, meeting.decides))
  const allActions = input.topics.flatMap((t) => t.actions)
  if (allActions.length > 0) content.push(h2('责任分工汇总'), actionTable(allActions))
  // The closing lines go with the signatures: they are never alone on a page.
  const closing = para(
    `${meeting.endTime ? `会议于${meeting.endTime}结束。` : ''}本纪要经主持人、记录人核对无误后签字。`,
  )
  content.push(signatures(['主持人', '记录人'], [closing]))
  if (input.seal) {
    content.push(
      sealBlock(
        input.seal,
        `本纪要的签到、表决和${words.outcome}已于${chineseDate(input.seal.sealedAt)}封存，任何改动都会使核验码对不上。在“商量”中输入核验码即可核对。`,
      ),
    )
  } else {
    content.push(note('会议尚未闭会封存，本纪要为草稿。'))
  }
  return {
    frame: {
      title: `会议纪要 ${meeting.title}`,
      communityName: community.name,
      date: chineseDate(meeting.date ?? input.printedOn),
    },
    content,
  }
}

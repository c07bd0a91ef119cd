// 上报单 (诉求上报表): one hop of a request's escalation on paper, for the
// street office or the departments called in: 事由, 经过 (the earlier hops
// with their answers and the case log), 请求事项, 报送单位, 日期, and room
// for the sender's seal and the receiver's answer.
import type { Content } from 'pdfmake/interfaces'
import type { EscalationHop } from '@/domain/escalation'
import type { LogEntry } from '@/domain/request-log'
import type { RequestFacts } from '@/domain/request'
import { chineseDate, type DocDef } from '../layout'
import { dateCell, fieldTable, formTable, h3 } from '../blocks'

export interface EscalationFormInput {
  communityName: string
  partyOrg: string
  /** The request as registered, with 反映人 already in words (a name or 匿名) */
  request: RequestFacts & { raisedBy: string }
  /** The hop this form sends */
  hop: EscalationHop
  /** The hops before it, oldest first */
  earlier: EscalationHop[]
  /** The case log, oldest first */
  log: LogEntry[]
  /** Printed labels of the log kinds */
  logKinds: Record<string, string>
  printedOn: string
}

const seal = (who: string) => ({
  text: `\n\n${who}（盖章）\n\n经办人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日`,
  alignment: 'right' as const,
  style: 'cell',
})

/** 经过: receipt, earlier hops with their answers and the case log, in date order. */
function course(input: EscalationFormInput): string {
  const r = input.request
  const lines: [string, string][] = [
    [r.receivedOn, `${chineseDate(r.receivedOn)}经${r.channel}受理${r.raisedBy}反映。`],
  ]
  for (const h of input.earlier) {
    const to = h.lines.map((l) => l.to).join('、')
    const answers = h.lines.map((l) =>
      l.answeredOn ? `${l.to}于${chineseDate(l.answeredOn)}答复：${l.answer}` : `${l.to}尚未答复`,
    )
    lines.push([h.at, [`${chineseDate(h.at)}由${h.from}上报${to}：${h.reason}`, ...answers].join('\n\u3000')])
  }
  for (const e of input.log)
    lines.push([e.on, `${chineseDate(e.on)}${input.logKinds[e.kind] ?? e.kind}（${e.participants}）：${e.outcome}`])
  return lines
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([, text]) => text)
    .join('\n')
}

export function escalationFormToDocDef(input: EscalationFormInput): DocDef {
  const { hop, request: r } = input
  const to = hop.lines.map((l) => l.to).join('、')
  const content: Content[] = [
    { text: '群众诉求上报单', style: 'title' },
    { text: `报送：${to}`, margin: [0, 0, 0, 6] },
    fieldTable(
      [
        ['上报单位', hop.from || input.partyOrg],
        ['上报日期', chineseDate(hop.at)],
        ['诉求类别', `${r.category}${r.place ? `\u3000地点：${r.place}` : ''}`],
        ['诉求内容', r.description],
        ['事由', hop.reason],
        ['经过', course(input)],
        ['请求事项', hop.ask ?? '请协调解决并答复。'],
        ['上报单位意见', seal(hop.from || input.partyOrg)],
      ],
      90,
    ),
    h3('报送单位及办理时限'),
    formTable(
      ['报送单位', '联系人', '答复时限', '答复意见（签章）'],
      hop.lines.map((l) => [l.to, l.contact ?? '', dateCell(l.dueOn), { text: '\n\n\n', style: 'cell' }]),
      ['auto', 'auto', 'auto', '*'],
    ),
    { text: '请于答复时限内将办理意见书面反馈上报单位。本单一式两份，上报单位和报送单位各存一份。', style: 'small' },
  ]
  return {
    frame: { title: `上报单 ${to}`, communityName: input.communityName, date: chineseDate(input.printedOn) },
    content,
  }
}

// One topic as the minutes and the dossier print it: presenter, research
// with canvass tallies, statements by role, recusals, votes, resolution and
// the responsibility table.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate } from '../layout'
import { dateCell, formTable, h3, para, publicName, publicText, type Cell } from '../blocks'
import {
  ACTION_STATUS,
  countsText,
  METHOD,
  outcomeWords,
  percent,
  RESEARCH_KIND,
  RESULT,
  ruleText,
  yuan,
} from '../labels'
import type { ActionLine, CanvassTally, PublicOptions, TopicBlock, VoteLine } from '../inputs'

export function canvassTable(rows: CanvassTally[]): Content {
  return formTable(
    ['征求事项', '日期', '走访户数', '同意', '不同意', '未表态', '未见面', '同意率'],
    rows.map((c) => [
      c.question,
      dateCell(c.on),
      c.asked,
      c.agree,
      c.disagree,
      c.noAnswer,
      c.notReached,
      percent(c.agree, c.asked),
    ]),
    ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
  )
}

/** 本结果系更正: the record it replaces and why; the paper never hides a correction. */
function correctionText(v: VoteLine): string {
  if (!v.correction) return ''
  const was = v.correction.previous ? `原记录${countsText(v.method, v.correction.previous, v.rule)}；` : ''
  return `（本表决结果系更正：${was}更正原因：${v.correction.reason}。）`
}

/** One sentence per vote; a canvass speaks of households and the canvass rule, never of 票. */
export function voteLines(votes: VoteLine[]): Content[] {
  return votes.map((v): Content => {
    const option = v.optionTitle ? `就“${v.optionTitle}”` : ''
    if (v.result === 'deferred') return para(`${option}暂缓表决。${v.deferReason ? `原因：${v.deferReason}。` : ''}`)
    const counts = v.counts ? `${countsText(v.method, v.counts, v.rule)}。` : ''
    if (v.method === 'canvass') {
      const rule = v.rule ? `征求意见规则：${ruleText(v.rule, 'canvass')}为通过。` : ''
      const result = v.result ? `征求意见结果：${v.result === 'passed' ? '多数同意' : '未达到规定的同意比例'}。` : ''
      return para(`${option}采用入户征求意见方式。${counts}${rule}${result}`)
    }
    const base = v.expected !== undefined ? `应到 ${v.expected} 人，实到 ${v.present ?? 0} 人。` : ''
    const recused =
      v.recused.length > 0
        ? `${v.recused.join('、')}因与本议题有利害关系回避表决${v.passingBase !== undefined ? `，本议题通过基数为 ${v.passingBase} 人` : ''}。`
        : ''
    const b = v.ballots
    const ballots = b
      ? `发出表决票 ${b.issued} 张，收回 ${b.returned} 张，有效 ${b.returned - (v.counts?.invalid ?? 0)} 张。`
      : ''
    const tellers = v.tellers?.length ? `监票人、计票人：${v.tellers.join('、')}。` : ''
    const rule = v.rule ? `表决规则：${ruleText(v.rule, 'passing')}为通过。` : ''
    const result = v.result ? `表决结果：${RESULT[v.result]}。` : ''
    return para(
      `${option}采用${METHOD[v.method]}方式表决。${base}${recused}${ballots}${counts}${tellers}${rule}${result}${correctionText(v)}`,
    )
  })
}

/** 事项 / 谁来干 / 干到什么标准 / 什么时间干完 / 谁来监督 */
export function actionTable(items: ActionLine[], withStatus = false, withMeeting = false): Content {
  const headers = ['序号', '事项', '谁来干', '干到什么标准', '什么时间干完', '谁来监督']
  const widths: (number | string)[] = ['auto', '*', 'auto', '*', 'auto', 'auto']
  if (withMeeting) {
    headers.splice(1, 0, '议定会议')
    widths.splice(1, 0, 'auto')
  }
  if (withStatus) {
    headers.push('进度')
    widths.push('auto')
  }
  return formTable(
    headers,
    items.map((a, i) => {
      const row: Cell[] = [i + 1, a.title, a.owner, a.standard, dateCell(a.dueOn), a.supervisor]
      if (withMeeting) row.splice(1, 0, a.fromMeeting ?? '')
      if (withStatus) row.push(ACTION_STATUS[a.status])
      return row
    }),
    widths,
  )
}

export function topicSection(t: TopicBlock, opts?: PublicOptions, decides = true): Content[] {
  const out: Content[] = [{ text: `议题${t.order}：${t.title}`, style: 'h2', headlineLevel: 2 }]
  if (t.presenter) out.push(para(`汇报人：${t.presenter}`))
  if (t.description) out.push(para(publicText(t.description, opts)))
  if (t.researchSummary || t.research.length > 0 || t.canvasses.length > 0) {
    out.push(h3('议前调研情况'))
    if (t.researchSummary) out.push(para(publicText(t.researchSummary, opts)))
    for (const r of t.research)
      out.push(
        para(`${chineseDate(r.on)}，${RESEARCH_KIND[r.kind] ?? r.kind}（${r.who}）：${publicText(r.findings, opts)}`),
      )
    if (t.canvasses.length > 0) out.push(canvassTable(t.canvasses))
  }
  if (t.options.length > 0) {
    out.push(h3('备选方案'))
    t.options.forEach((o, i) =>
      out.push(
        para(
          `方案${i + 1}${o.recommended ? '（推荐）' : ''}：${o.title}。${publicText(o.description, opts)}${o.cost !== undefined ? `预计费用${yuan(o.cost)}。` : ''}`,
        ),
      ),
    )
  }
  if (t.statements.length > 0) {
    out.push(h3('各方发言'))
    for (const s of t.statements) {
      out.push({
        text: [{ text: `${publicName(s.speaker, opts)}（${s.role}）：`, bold: true }, publicText(s.text, opts)],
        margin: [0, 0, 0, 4],
      })
    }
  }
  if (t.votes.length > 0) {
    out.push(h3(t.votes.every((v) => v.method === 'canvass') ? '征求意见情况' : '表决情况'))
    out.push(...voteLines(t.votes.map((v) => ({ ...v, recused: v.recused.map((n) => publicName(n, opts)) }))))
  }
  if (t.withoutVote && t.votes.length === 0) {
    out.push(h3('表决情况'), para('本议题经协商一致形成意见，未经表决。'))
  }
  if (t.deferredReason && !t.votes.some((v) => v.result === 'deferred')) {
    out.push(h3('表决情况'), para(`本议题暂缓表决。原因：${publicText(t.deferredReason, opts)}。`))
  }
  if (t.resolution) {
    out.push(h3(outcomeWords(decides).outcome))
    out.push(para(publicText(t.resolution, opts)))
  }
  if (t.actions.length > 0) {
    out.push(h3('责任分工'))
    out.push(actionTable(t.actions))
  }
  return out
}

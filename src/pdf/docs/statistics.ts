// 协商议事工作统计表: one page for reporting upward to the street or township.
import type { Content, TableCell } from 'pdfmake/interfaces'
import { percent } from '@/domain/evaluation'
import { DEFAULT_HANDLING_NAMES } from '@/domain/handling'
import type { HandlingType } from '@/domain/request'
import type { Breakdown, PeriodStats } from '@/domain/stats'
import type { RequestFigures } from '@/domain/request-stats'
import { chineseDate, type DocDef } from '../layout'

export interface StatisticsInput {
  communityName: string
  superior: string
  /** The day it is printed (YYYY-MM-DD) */
  date: string
  stats: PeriodStats
  /** 诉求满意率, the dispute register and on-time settlement, when known */
  requests?: RequestFigures
  /** The community's handling type names (settings); the standard ones when unset */
  handlingNames?: Record<HandlingType, string>
}

const rate = (r: number | undefined) => (r === undefined ? '—' : percent(r))
const cell = (text: string | number): TableCell => ({ text: String(text), style: 'cell' })

function breakdownTable(title: string, rows: Breakdown[], label: (k: string) => string = (k) => k): Content[] {
  const head: TableCell[] = [title, '受理', '解决', '解决率', '答复率'].map((text) => ({ text, style: 'th' }))
  const body = rows.length
    ? rows.map((b) => [
        cell(label(b.key)),
        cell(b.collected),
        cell(b.resolved),
        cell(rate(b.collected ? b.resolved / b.collected : undefined)),
        cell(rate(b.collected ? b.answered / b.collected : undefined)),
      ])
    : [[cell('—'), cell(0), cell(0), cell('—'), cell('—')]]
  return [
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: ['*', 'auto', 'auto', 'auto', 'auto'],
        body: [head, ...body],
      },
      layout: 'form',
      margin: [0, 0, 0, 4],
    },
  ]
}

export function statisticsToDocDef(input: StatisticsInput): DocDef {
  const s = input.stats
  const summary: [string, string][] = [
    ['受理群众诉求', `${s.collected} 件`],
    ['已解决', `${s.resolved} 件`],
    ['解决率', rate(s.resolutionRate)],
    ['已答复（含不予采纳）', `${s.answered} 件`],
    ['答复率', rate(s.answerRate)],
    ['已反馈闭环', `${s.loopsClosed} 件`],
    ['平均办结用时', s.avgDaysToResolution === undefined ? '—' : `${s.avgDaysToResolution.toFixed(1)} 天`],
    ['落实事项按期完成率', `${rate(s.onTimeRate)}（${s.itemsOnTime}/${s.itemsDue} 项）`],
    ['群众满意率', `${rate(s.satisfactionRate)}（${s.evaluatedItems} 项事项）`],
    ['评议返工次数', `${s.reworkCount} 次`],
  ]
  const f = input.requests
  if (f)
    summary.push(
      ['诉求满意率', `${rate(f.satisfactionRate)}（回访 ${f.reached} 人）`],
      ['矛盾纠纷化解率', `${rate(f.disputeSettledRate)}（排查 ${f.disputes} 件，化解 ${f.disputesSettled} 件）`],
      ['诉求按期办结率', `${rate(f.onTimeRate)}（办结 ${f.settled} 件）`],
    )
  const half = Math.ceil(summary.length / 2)
  const summaryBody: TableCell[][] = summary.slice(0, half).map(([k, v], i) => {
    const right = summary[half + i]
    return [{ text: k, style: 'label' }, cell(v), { text: right?.[0] ?? '', style: 'label' }, cell(right?.[1] ?? '')]
  })
  return {
    frame: {
      title: `${input.communityName}协商议事工作统计表`,
      communityName: input.communityName,
      date: chineseDate(input.date),
    },
    content: [
      { text: `${input.communityName}协商议事工作统计表`, style: 'title' },
      {
        text: `统计期间：${chineseDate(s.period.from)}至${chineseDate(s.period.to)}\u3000\u3000报送：${input.superior}`,
        alignment: 'center',
        margin: [0, 0, 0, 10],
      },
      { text: `本期共受理群众诉求 ${s.collected} 件，已解决 ${s.resolved} 件。`, style: 'h3' },
      {
        table: { widths: [110, '*', 110, '*'], body: summaryBody, dontBreakRows: true },
        layout: 'form',
        margin: [0, 0, 0, 8],
      },
      {
        columns: [
          { width: '*', stack: [{ text: '按受理渠道', style: 'h3' }, ...breakdownTable('渠道', s.byChannel)] },
          {
            width: '*',
            stack: [
              { text: '按办理类型', style: 'h3' },
              ...breakdownTable(
                '类型',
                s.byHandlingType,
                (k) => (input.handlingNames ?? DEFAULT_HANDLING_NAMES)[k as HandlingType] ?? k,
              ),
            ],
          },
        ],
        columnGap: 12,
      },
      { text: '按诉求类别', style: 'h3' },
      ...breakdownTable('类别', s.byCategory.slice(0, 12)),
      {
        text: '注：解决率 = 已解决 ÷ 受理（不予采纳的诉求已答复、不算解决）；答复率 = 已答复 ÷ 受理；按期完成率按本期到期的落实事项计；满意率取每项事项最后一轮群众评议。',
        style: 'small',
        margin: [0, 8, 0, 0],
      },
    ],
  }
}

// 辖区协商议事工作统计表: the street office's figures across its communities
// for a period, one row per community and a total. Landscape: nine columns.
import type { TableCell } from 'pdfmake/interfaces'
import { percent } from '@/domain/evaluation'
import type { StreetStats, StreetStatsRow } from '@/domain/street-stats'
import { chineseDate, type DocDef } from '../layout'

export interface StreetStatisticsInput {
  streetName: string
  /** YYYY-MM-DD */
  date: string
  stats: StreetStats
}

const HEAD = ['社区（村）', '受理诉求', '已解决', '已答复', '满意率', '召开议事会', '议定议题', '完成事项', '超期事项']
const cell = (text: string | number, bold = false): TableCell => ({
  text: String(text),
  style: 'cell',
  bold,
  alignment: 'center',
})

function line(r: StreetStatsRow, name: string, bold = false): TableCell[] {
  return [
    { text: name, style: 'cell', bold },
    ...[r.received, r.resolved, r.answered].map((v) => cell(v, bold)),
    cell(r.satisfactionRate === undefined ? '—' : percent(r.satisfactionRate), bold),
    ...[r.meetingsHeld, r.topicsDecided, r.itemsDone, r.itemsOverdue].map((v) => cell(v, bold)),
  ]
}

export function streetStatisticsToDocDef(i: StreetStatisticsInput): DocDef {
  const { stats } = i
  return {
    frame: { title: `辖区协商议事工作统计表 ${i.streetName}`, communityName: i.streetName, date: chineseDate(i.date) },
    extra: { pageOrientation: 'landscape' },
    content: [
      { text: '辖区协商议事工作统计表', style: 'title' },
      {
        text: `统计单位：${i.streetName}\u3000\u3000统计期间：${chineseDate(stats.period.from)}至${chineseDate(stats.period.to)}`,
        margin: [0, 0, 0, 8],
      },
      {
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            HEAD.map((text) => ({ text, style: 'th' })),
            ...stats.rows.map((r) => line(r, r.name)),
            line(stats.total, '合计', true),
          ],
        },
        layout: 'form',
      },
      {
        text: '说明：数据来自各社区（村）签名报送包，满意率按各事项最近一轮群众评议的满意与基本满意票数合计计算；超期事项为期限已过尚未完成的落实事项。',
        style: 'small',
        margin: [0, 8, 0, 0],
      },
    ],
  }
}

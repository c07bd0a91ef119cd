// 上次议定事项落实情况: the block that opens the next meeting's minutes.
// A fragment, not a document: the minutes builder puts it before the topics
// (rows from db/followup.repo carryOverFor).
import type { Content, TableCell } from 'pdfmake/interfaces'
import { isOverdue } from '@/domain/followup'
import type { ActionItem } from '@/domain/resolution'
import { chineseDate } from '../layout'

export const STATUS_LABELS: Record<ActionItem['status'], string> = {
  notStarted: '未开始',
  inProgress: '进行中',
  done: '已完成待验收',
  accepted: '已验收待评议',
  rework: '返工',
  closed: '已办结',
}

export function carryOverContent(items: (ActionItem & { meetingTitle?: string })[], today: string): Content[] {
  if (items.length === 0) return []
  const head: TableCell[] = ['序号', '事项', '谁来干', '完成时限', '谁来监督', '落实情况'].map((text) => ({ text, style: 'th' }))
  const rows: TableCell[][] = items.map((i, n) => [
    { text: String(n + 1), alignment: 'center', style: 'cell' },
    { text: i.meetingTitle ? `${i.title}（${i.meetingTitle}）` : i.title, style: 'cell' },
    { text: i.owner, style: 'cell' },
    { text: chineseDate(i.dueOn), style: 'cell' },
    { text: i.supervisor, style: 'cell' },
    { text: `${STATUS_LABELS[i.status]}${isOverdue(i, today) ? '（已逾期）' : ''}`, style: 'cell' },
  ])
  return [
    { text: '上次议定事项落实情况', style: 'h2' },
    { table: { headerRows: 1, widths: [24, '*', 70, 80, 56, 80], body: [head, ...rows] }, layout: 'form' },
  ]
}

// The printed vocabulary of the documents. The documents are official
// Chinese forms (the printed paper is the legal record), so they are written
// in Chinese whatever the console's language; the words live here, once.
import type { AttendanceState } from '@/domain/attendance'
import type { MeetingRole } from '@/domain/roles'
import type { ActionStatus } from '@/domain/resolution'
import { ruleInWords, type Rule, type RuleUse } from '@/domain/rules'
import type { Counts, VoteMethod, VoteResult } from '@/domain/vote'
import type { QuorumLine } from './inputs'
import deliberationZh from '@/i18n/zh-CN/deliberation'
import rulesZh from '@/i18n/zh-CN/rules'

export const METHOD: Record<VoteMethod, string> = {
  hands: '举手表决',
  paper: '纸质表决票',
  rollCall: '口头唱名表决',
  secret: '无记名投票',
  canvass: '入户征求意见',
}

export const RESULT: Record<VoteResult, string> = { passed: '通过', failed: '未通过', deferred: '暂缓表决' }

// The console's own words for the roles: the sign-in sheet says what the screen says.
export const MEETING_ROLE: Record<MeetingRole, string> = deliberationZh.deliberation.roles

export const STATE: Record<AttendanceState, string> = {
  present: '出席',
  absent: '缺席',
  leave: '请假',
  written: '书面意见',
  pending: '未到',
}

export const ACTION_STATUS: Record<ActionStatus, string> = {
  notStarted: '未开始',
  inProgress: '进行中',
  done: '已完成',
  accepted: '已验收',
  rework: '返工',
  closed: '已办结',
}

interface Messages {
  [key: string]: string | Messages
}

/** The console's Chinese messages for the rules, read the way vue-i18n reads them ({name} placeholders). */
function zh(key: string, params: Record<string, unknown> = {}): string {
  let node: string | Messages | undefined = rulesZh as Messages
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') return key
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''))
}

/** The rule in words, exactly as the screens and the projector say it: 全体成员三分之二以上出席. */
export function ruleText(rule: Rule | undefined, use: RuleUse): string {
  return rule ? ruleInWords(zh, rule, use) : ''
}

/** 12000 → 1.2万元; 3500 → 3500元 */
export function yuan(n: number | undefined): string {
  if (n === undefined) return ''
  return n >= 10000 ? `${+(n / 10000).toFixed(2)}万元` : `${n}元`
}

/** Agreement as a percentage of those asked, one decimal: 97.8% */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${+((part / whole) * 100).toFixed(1)}%` : '—'
}

export const RESEARCH_KIND: Record<string, string> = {
  siteVisit: '实地察看',
  canvass: '入户走访',
  survey: '问卷调查',
  forum: '座谈会',
  department: '部门意见',
  expert: '专家意见',
}

export const TOPIC_EVENT: Record<string, string> = {
  created: '提出议题',
  merged: '合并诉求',
  split: '拆分议题',
  narrowed: '缩小范围',
  scheduled: '列入议程',
  unscheduled: '移出议程',
  edited: '修改',
  deliberated: '完成议事',
  deferred: '暂缓',
}

/**
 * What a body's outcome is called on paper. A consultation council recommends
 * (协商意见); a legal body decides (决议). 法定人数 only where a law sets one.
 */
export function outcomeWords(decides: boolean) {
  return decides
    ? { outcome: '决议', notice: '决议公示', quorum: '法定人数', verb: '决定' }
    : { outcome: '协商意见', notice: '协商结果公示', quorum: '到会人数要求', verb: '形成协商意见' }
}

/**
 * The counts as printed. A canvass counts households, never votes:
 * 走访 100 户，同意 45 户（90%，按走访到的户数计）…
 */
export function countsText(method: VoteMethod, c: Counts, rule?: Rule): string {
  if (method === 'canvass') {
    const asked = c.for + c.against + c.abstain + c.invalid
    const reached = asked - c.invalid
    const byReached = rule?.base === 'reached'
    const share = percent(c.for, byReached ? reached : asked)
    return `走访 ${asked} 户，同意 ${c.for} 户（${share}，按${byReached ? '走访到的户数' : '走访户数'}计），不同意 ${c.against} 户，未表态 ${c.abstain} 户，未见面 ${c.invalid} 户`
  }
  return `同意 ${c.for} 票，反对 ${c.against} 票，弃权 ${c.abstain} 票${c.invalid ? `，无效 ${c.invalid} 票` : ''}`
}

/** 应到 30 人，实到 20 人，请假 3 人，缺席 7 人（其中提交书面意见 2 人）; blanks to fill in by hand without numbers. */
export function attendanceText(
  q: Pick<QuorumLine, 'expected' | 'present' | 'leave' | 'absent' | 'written' | 'households'> | undefined,
  sep = '，',
): string {
  const n = (v: number | undefined) => (v === undefined ? '____' : String(v))
  const written = q ? (q.written > 0 ? `（其中提交书面意见 ${q.written} 人）` : '') : '（其中提交书面意见 ____ 人）'
  return (
    [`应到 ${n(q?.expected)} 人`, `实到 ${n(q?.present)} 人`, `请假 ${n(q?.leave)} 人`, `缺席 ${n(q?.absent)} 人`].join(
      sep,
    ) +
    written +
    // 村民会议 counted by households: the households represented are the quorum.
    (q?.households ? `；应到 ${q.households.total} 户，实到 ${q.households.present} 户` : '')
  )
}

// The printed vocabulary of the documents. The documents are official
// Chinese forms (the printed paper is the legal record), so they are written
// in Chinese whatever the console's language; the words live here, once.
import type { AttendanceState } from '@/domain/attendance'
import type { MeetingRole } from '@/domain/roles'
import type { ActionStatus } from '@/domain/resolution'
import type { Rule, RuleBase, Threshold, VoteMethod, VoteResult } from '@/domain/vote'

export const METHOD: Record<VoteMethod, string> = {
  hands: '举手表决',
  paper: '纸质表决票',
  rollCall: '口头唱名表决',
  secret: '无记名投票',
  canvass: '入户征求意见',
}

export const RESULT: Record<VoteResult, string> = { passed: '通过', failed: '未通过', deferred: '暂缓表决' }

export const MEETING_ROLE: Record<MeetingRole, string> = {
  chair: '主持人',
  recorder: '记录人',
  voting: '参会成员',
  nonVoting: '列席',
  stakeholder: '利益相关方',
  guest: '部门/专家',
  teller: '监票计票',
}

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

const BASE: Record<RuleBase, string> = { present: '实到人数', expected: '应到人数', members: '全体成员' }

function thresholdText(t: Threshold): string {
  if (t.kind === 'half') return '过半数'
  if (t.kind === 'twoThirds') return '三分之二以上'
  return `${t.strict ? '超过' : '达到'}${t.num}/${t.den}`
}

/** {present, half} → 以实到人数过半数为准 */
export function ruleText(rule: Rule | undefined): string {
  return rule ? `${BASE[rule.base]}${thresholdText(rule.threshold)}` : ''
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

export const MEETING_TYPE: Record<string, string> = {
  partyMassDay: '党群议事日',
  redBench: '红板凳议事会',
  residentsTalk: '居民恳谈会',
  majorMatter: '重大事项会议',
}

export const RESEARCH_KIND: Record<string, string> = {
  siteVisit: '实地察看',
  canvass: '入户走访',
  survey: '问卷调查',
  forum: '座谈会',
  department: '部门意见',
  expert: '专家意见',
}

export const HANDLING: Record<string, string> = {
  immediate: '即办件',
  supplement: '补办件',
  committed: '承诺件',
  suggestion: '建议件',
  escalate: '上报件',
}

export const TRIAGE: Record<string, string> = {
  direct: '直接办理',
  escalate: '上报',
  reject: '不予采纳',
  topic: '列为议题',
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

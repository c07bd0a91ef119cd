// Importing an existing 民情台账 from Excel/CSV. The rule is the roster's:
// every row is checked, any bad row refuses the whole file, and every bad row
// is reported once so staff fix the sheet in one go. Imported requests keep
// their original dates. The headers are the ledger export's (and a few that
// other ledgers use).
import {
  HANDLING_TYPES,
  isAnonymousName,
  REQUEST_STATUSES,
  type HandlingType,
  type RequestFacts,
  type RequestStatus,
} from './request'
import { DEFAULT_HANDLING_NAMES, dueDateFor } from './handling'
import { isCalendarDay } from './calendar'
import { SATISFACTIONS, type Satisfaction } from './loop'
import { problem, type Problem } from './problem'
import type { RowProblem } from './roster-import'

/** Column headers accepted for each field. */
const HEADERS = {
  receivedOn: ['受理日期', '登记日期', '日期', '反映时间'],
  channel: ['收集渠道', '渠道', '来源'],
  raisedBy: ['反映人', '诉求人', '姓名'],
  place: ['楼栋/小区/村民小组', '地点', '楼栋', '小区', '村民小组'],
  category: ['类别', '诉求类别', '问题类别'],
  description: ['诉求内容', '内容', '问题描述', '反映问题'],
  handlingType: ['办理类型', '类型'],
  dueOn: ['办结时限', '时限'],
  status: ['办理状态', '状态'],
  reason: ['理由/上报去向', '理由', '不予采纳理由'],
  handler: ['承办人', '责任人'],
  resolvedOn: ['办结日期', '完成日期'],
  feedback: ['反馈情况', '反馈', '答复情况'],
  satisfaction: ['满意度', '群众满意度', '回访满意度'],
} as const
type Field = keyof typeof HEADERS

/** The printed names of the app's values, as a ledger writes them. */
export interface ImportVocabulary {
  handlingTypes: Record<HandlingType, string>
  statuses: Record<RequestStatus, string>
  satisfactions: Record<Satisfaction, string>
}

/** The ledger's printed Chinese names (a ledger file is Chinese whatever the console's language). */
export const LEDGER_VOCABULARY: ImportVocabulary = {
  handlingTypes: DEFAULT_HANDLING_NAMES,
  statuses: {
    open: '待处理',
    inProgress: '办理中',
    escalated: '已上报',
    rejected: '不予采纳',
    onAgenda: '已列为议题',
    resolved: '已办结',
    closed: '已归档',
  },
  satisfactions: { satisfied: '满意', fair: '基本满意', dissatisfied: '不满意', unreached: '未联系上' },
}

/** Words other ledgers use for the same status. */
const STATUS_SYNONYMS: Record<string, RequestStatus> = {
  已解决: 'resolved',
  已办理: 'resolved',
  已完成: 'resolved',
  办结: 'resolved',
  未办结: 'inProgress',
  处理中: 'inProgress',
  上报: 'escalated',
  不予受理: 'rejected',
  不采纳: 'rejected',
}

export interface ImportedRequest extends RequestFacts {
  /** Spreadsheet row, for the trail */
  row: number
  raisedBy: string
  handlingType: HandlingType
  dueOn: string
  status: RequestStatus
  reason?: string
  handler?: string
  resolvedOn?: string
  feedback?: string
  satisfaction?: Satisfaction
}

export type LedgerImportResult =
  | { ok: true; requests: ImportedRequest[]; newChannels: string[]; newCategories: string[] }
  | { ok: false; fileProblem?: Problem; rows: RowProblem[] }

export const MAX_LEDGER_ROWS = 20_000

/** 2026-3-5 · 2026/03/05 · 2026.3.5 · 2026年3月5日 → 2026-03-05; undefined when not a real day. */
export function normalizeDay(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim())
  if (!m) return undefined
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isCalendarDay(day) ? day : undefined
}

function lookup<K extends string>(names: Record<K, string>, text: string): K | undefined {
  return (Object.keys(names) as K[]).find((k) => names[k] === text)
}

export interface ImportSettings {
  channels: readonly string[]
  categories: readonly string[]
  handlingDays: Partial<Record<HandlingType, number>>
  holidays: readonly string[]
  /** Make-up working days the secretary added (调休上班) */
  workdays?: readonly string[]
  /** Received-on days cannot be after this */
  today: string
}

export function validateLedgerRows(
  headers: string[],
  rows: Record<string, string>[],
  vocab: ImportVocabulary,
  settings: ImportSettings,
): LedgerImportResult {
  const col = Object.fromEntries(
    (Object.keys(HEADERS) as Field[]).map((f) => [
      f,
      headers.find((h) => (HEADERS[f] as readonly string[]).includes(h.trim())),
    ]),
  ) as Record<Field, string | undefined>
  const missing = (['receivedOn', 'description'] as const).filter((f) => !col[f])
  if (missing.length)
    return { ok: false, fileProblem: problem('intake.import.noColumn', { column: HEADERS[missing[0]!][0] }), rows: [] }
  if (rows.length === 0) return { ok: false, fileProblem: problem('intake.import.empty'), rows: [] }
  if (rows.length > MAX_LEDGER_ROWS)
    return { ok: false, fileProblem: problem('intake.import.tooMany', { max: MAX_LEDGER_ROWS }), rows: [] }

  const problems: RowProblem[] = []
  const requests: ImportedRequest[] = []
  const newChannels = new Set<string>()
  const newCategories = new Set<string>()
  const statusOf = (text: string) => lookup(vocab.statuses, text) ?? STATUS_SYNONYMS[text]

  rows.forEach((raw, index) => {
    const row = index + 2
    const cell = (f: Field) => (col[f] ? String(raw[col[f]!] ?? '').trim() : '')
    const before = problems.length
    const fail = (f: Field, key: string, params?: Record<string, string | number>) =>
      problems.push({ row, column: col[f] ?? HEADERS[f][0], problem: problem(key, params) })
    const day = (f: Field) => {
      const text = cell(f)
      if (!text) return undefined
      const d = normalizeDay(text)
      if (!d) fail(f, 'intake.import.badDate', { value: text })
      return d
    }

    const receivedOn = day('receivedOn')
    if (!cell('receivedOn')) fail('receivedOn', 'intake.import.required')
    else if (receivedOn && receivedOn > settings.today) fail('receivedOn', 'intake.import.future')
    const description = cell('description')
    if (!description) fail('description', 'intake.import.required')
    else if (description.length > 1000) fail('description', 'validation.tooLong')
    const channel = cell('channel') || '其他'
    const category = cell('category') || '其他'
    if (!settings.channels.includes(channel)) newChannels.add(channel)
    if (!settings.categories.includes(category)) newCategories.add(category)

    const typeText = cell('handlingType')
    const handlingType: HandlingType | undefined = typeText
      ? (lookup(vocab.handlingTypes, typeText) ??
        // A file written before the community renamed its types still says 承诺件.
        lookup(DEFAULT_HANDLING_NAMES, typeText) ??
        ((HANDLING_TYPES as readonly string[]).find((h) => h === typeText) as HandlingType | undefined))
      : 'committed'
    if (!handlingType)
      fail('handlingType', 'intake.import.unknownType', {
        value: typeText,
        known: Object.values(vocab.handlingTypes).join('、'),
      })

    const resolvedOn = day('resolvedOn')
    const statusText = cell('status')
    let status: RequestStatus | undefined = statusText
      ? (statusOf(statusText) ??
        ((REQUEST_STATUSES as readonly string[]).find((s) => s === statusText) as RequestStatus | undefined))
      : resolvedOn
        ? 'resolved'
        : 'open'
    if (!status) fail('status', 'intake.import.unknownStatus', { value: statusText })
    const reason = cell('reason') || undefined
    if (status === 'rejected' && !reason) fail('reason', 'intake.errors.rejectReason')
    if (resolvedOn && receivedOn && resolvedOn < receivedOn) fail('resolvedOn', 'intake.import.resolvedBeforeReceived')
    if (resolvedOn && resolvedOn > settings.today) fail('resolvedOn', 'intake.import.future')
    if (status === 'onAgenda') status = 'inProgress' // no topic comes with it: it waits to be put on an agenda again

    const satText = cell('satisfaction')
    const satisfaction = satText ? lookup(vocab.satisfactions, satText) : undefined
    if (satText && !satisfaction)
      fail('satisfaction', 'intake.import.unknownSatisfaction', {
        value: satText,
        known: SATISFACTIONS.map((s) => vocab.satisfactions[s]).join('、'),
      })

    let dueOn = day('dueOn')
    if (problems.length > before || !receivedOn || !handlingType || !status) return
    dueOn ??= dueDateFor(handlingType, receivedOn, settings.handlingDays, {
      holidays: settings.holidays,
      workdays: settings.workdays,
    })
    if (dueOn < receivedOn) return void fail('dueOn', 'intake.errors.dueBeforeReceived')
    const raisedBy = cell('raisedBy')
    requests.push({
      row,
      receivedOn,
      channel,
      raisedBy: isAnonymousName(raisedBy) ? '' : raisedBy,
      place: cell('place') || undefined,
      category,
      description,
      handlingType,
      dueOn,
      status,
      reason,
      handler: cell('handler') || undefined,
      resolvedOn: resolvedOn ?? undefined,
      feedback: cell('feedback') || undefined,
      satisfaction,
    })
  })
  if (problems.length > 0) return { ok: false, rows: problems }
  return { ok: true, requests, newChannels: [...newChannels], newCategories: [...newCategories] }
}

/** The template's header row, in the ledger export's order. */
export const TEMPLATE_HEADERS = [
  '受理日期',
  '收集渠道',
  '反映人',
  '楼栋/小区/村民小组',
  '类别',
  '诉求内容',
  '办理类型',
  '办结时限',
  '办理状态',
  '理由/上报去向',
  '承办人',
  '办结日期',
  '反馈情况',
  '满意度',
]

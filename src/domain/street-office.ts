// The street office (街道) or township (乡镇) mode: who it is, which
// communities it oversees, and what it records about their filings and
// escalations. It never edits a community's records: its own are separate.
import { z } from 'zod'
import type { RecordBase } from './ids'

export type OfficeMode = 'community' | 'street'

export interface StreetOffice {
  id: string
  name: string
  kind: 'street' | 'township'
  /** 党工委 (street) or 党委 (township) */
  partyCommittee: string
  createdAt: string
  updatedAt: string
}

/** One community or village overseen; bound to its key and id by its first package. */
export interface OverseenCommunity {
  id: string
  name: string
  /** The community's own record id, from its first package */
  communityId?: string
  fingerprint?: string
  confirmedAt?: string
  createdAt: string
  updatedAt: string
}

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

export const streetOfficeSchema = z.object({
  name: text(60),
  kind: z.enum(['street', 'township']),
  partyCommittee: text(80),
  communities: z
    .array(text(60))
    .min(1, 'street.setup.needCommunities')
    .max(200, 'street.setup.tooMany')
    .refine((l) => new Set(l).size === l.length, 'street.setup.duplicate'),
})

/** One name per line (or per CSV row's first cell); blank lines, a header and BOM dropped. */
export function parseCommunityList(text: string): string[] {
  const names = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => (l.split(/[,，\t]/)[0] ?? '').trim().replace(/^"|"$/g, ''))
    .filter((l) => l && !['名称', '社区', '社区名称', '村', 'name'].includes(l))
  return [...new Set(names)]
}

// ---- Filings (备案) at the street

export const FILING_STATUSES = ['received', 'reviewed', 'returned'] as const
/** 已接收 · 已审核 · 退回补正 */
export type FilingStatus = (typeof FILING_STATUSES)[number]

/** One step of the street's review of a filing; append-only, the latest is the status. */
export interface FilingReview extends RecordBase {
  filingId: string
  status: FilingStatus
  opinion: string
  /** YYYY-MM-DD */
  on: string
  by: string
}

export const filingReviewSchema = z.object({
  status: z.enum(['reviewed', 'returned']),
  opinion: text(1000),
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  by: text(40),
})

// ---- Escalations (上报件) at the street

/** 街道答复 · 吹哨：召集部门 · 部门答复 */
export type EscalationStepKind = 'answer' | 'callIn' | 'departmentAnswer'

/** One step of the street's handling of an escalated request; append-only. */
export interface EscalationStep extends RecordBase {
  requestId: string
  kind: EscalationStepKind
  /** The department called in or answering */
  department?: string
  text: string
  /** YYYY-MM-DD */
  on: string
  /** For a call-in: the day the department must answer by */
  deadline?: string
  by: string
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
export const escalationStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), text: text(1000), on: day, by: text(40) }),
  z.object({ kind: z.literal('callIn'), department: text(60), text: text(1000), on: day, deadline: day, by: text(40) }),
  z.object({ kind: z.literal('departmentAnswer'), department: text(60), text: text(1000), on: day, by: text(40) }),
])

export type EscalationState = 'waiting' | 'departmentCalled' | 'answered'

/**
 * Where an escalation stands and whether it is late: a called-in department
 * that has not answered by its deadline, or no street answer by the
 * request's own due date.
 */
export function escalationState(
  steps: readonly Pick<EscalationStep, 'kind' | 'department' | 'deadline' | 'on'>[],
  dueOn: string | undefined,
  today: string,
): { state: EscalationState; overdue: boolean; deadline?: string } {
  const answered = steps.some((s) => s.kind === 'answer')
  const open = steps.filter(
    (c) =>
      c.kind === 'callIn' &&
      !steps.some((a) => a.kind === 'departmentAnswer' && a.department === c.department && a.on >= c.on),
  )
  const deadline = open.map((c) => c.deadline!).sort()[0] ?? (answered ? undefined : dueOn)
  const overdue = Boolean(deadline && deadline < today)
  if (answered && open.length === 0) return { state: 'answered', overdue: false }
  return { state: open.length ? 'departmentCalled' : answered ? 'answered' : 'waiting', overdue, deadline }
}

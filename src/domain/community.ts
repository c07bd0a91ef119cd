import { z } from 'zod'
import type { CalendarAdditions } from './calendar'
import type { RecordBase } from './ids'
import { DEFAULT_HANDLING_DAYS, handlingNames } from './handling'
import { periodDaysSchema } from './notice'
import { HANDLING_TYPES, type HandlingType } from './request'
import { canvassRuleSchema, type Rule } from './rules/rule'
import { docNumberPatternSchema } from './doc-number'

export type CommunityKind = 'community' | 'village'

/** A community (社区) or village (村) and the settings every form draws on. */
export interface Community extends RecordBase {
  name: string
  kind: CommunityKind
  /** Party organisation, e.g. 中共XX社区委员会 */
  partyOrg: string
  /** Street office (街道) or township (乡镇) above it */
  superior: string
  defaultChairId?: string
  defaultRecorderId?: string
  rolePresetId: string
  /** Default notice period for public notices, in days */
  noticePeriodDays: number
  /** Day of the month of the regular deliberation day (党群议事日) */
  deliberationDay: number
  /** 群众评议: a satisfaction rate below this (0..1) sends an item back for rework */
  satisfactionThreshold?: number
  /** 群众评议: fewest evaluators before a verdict (one 满意 must not close an item) */
  minEvaluators?: number
  /** 入户征求意见: share of households that must agree, against those asked or reached */
  canvassRule?: Rule
  /** 群众评议 scale: 满意/基本满意/不满意, or five points */
  evaluationScale?: 'three' | 'five'
  /** Channels requests come in by (民情台账); defaults when unset */
  channels?: string[]
  /** Categories of requests */
  categories?: string[]
  /** Working days allowed per handling type */
  handlingDays?: Partial<Record<HandlingType, number>>
  /** Local names of the handling types (the five meanings stay); unset or blank = the standard name */
  handlingNames?: Partial<Record<HandlingType, string>>
  /** The filling-in rule printed on every 表决票; unset = the standard wording */
  ballotInstruction?: string
  /** Holidays (YYYY-MM-DD) added to the official calendar, skipped when counting working days */
  holidays?: string[]
  /** Make-up working days (调休上班) added for years the official calendar does not know yet */
  workdays?: string[]
  /** Departments called in on escalations (社区吹哨、部门报到), with their contact person */
  departments?: { name: string; contact?: string }[]
  /** 文号: the 发文机关代字 before the kind (default: the community's name) */
  docNumberPrefix?: string
  /** 文号 pattern (doc-number.ts); default DEFAULT_DOC_NUMBER_PATTERN */
  docNumberPattern?: string
  /** How documents print: today's layout, or 公文 (GB/T 9704, serif, 版头 and 盖章 area) */
  docStyle?: 'standard' | 'official'
  /** 公文 style: print the red 版头 (the issuing body's name in red, a red rule under it) */
  redHeader?: boolean
}

export const DEFAULT_CHANNELS = [
  '居民说事厅',
  '说事点',
  '网格微信群',
  '服务热线',
  '意见箱',
  '两代表一委员工作室',
  '入户走访',
  '座谈会',
  '网上平台',
  '网格员收集',
  '上级交办',
]

export const DEFAULT_CATEGORIES = [
  '环境卫生',
  '道路交通',
  '物业管理',
  '公共设施',
  '安全隐患',
  '邻里纠纷',
  '民生保障',
  '其他',
]

/** The intake settings with defaults filled in (older records lack them). */
export function intakeSettings(
  c: Pick<Community, 'channels' | 'categories' | 'handlingDays' | 'holidays' | 'workdays'> | undefined,
) {
  return {
    channels: c?.channels?.length ? c.channels : DEFAULT_CHANNELS,
    categories: c?.categories?.length ? c.categories : DEFAULT_CATEGORIES,
    handlingDays: { ...DEFAULT_HANDLING_DAYS, ...c?.handlingDays },
    holidays: c?.holidays ?? [],
    workdays: c?.workdays ?? [],
  }
}

/** The days the secretary added to the official calendar: extra holidays and make-up working days. */
export function workingCalendar(c: Pick<Community, 'holidays' | 'workdays'> | undefined): CalendarAdditions {
  return { holidays: c?.holidays ?? [], workdays: c?.workdays ?? [] }
}

export const DEFAULT_NOTICE_PERIOD_DAYS = 7
export const DEFAULT_DELIBERATION_DAY = 10

const handlingDays = z
  .number()
  .int('validation.integer')
  .min(0, 'validation.handlingDays')
  .max(180, 'validation.handlingDays')

/** The settings form; messages are i18n keys. */
export const communitySettingsSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  kind: z.enum(['community', 'village']),
  partyOrg: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
  superior: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  defaultChairId: z.string().optional(),
  defaultRecorderId: z.string().optional(),
  rolePresetId: z.string().min(1, 'validation.required'),
  noticePeriodDays: periodDaysSchema,
  deliberationDay: z
    .number()
    .int('validation.integer')
    .min(1, 'validation.dayOfMonth')
    .max(28, 'validation.dayOfMonth'),
  satisfactionThreshold: z.number().min(0.5, 'validation.threshold').max(1, 'validation.threshold').default(0.8),
  docNumberPrefix: z.string().trim().max(30, 'validation.tooLong').optional(),
  docNumberPattern: docNumberPatternSchema.optional(),
  docStyle: z.enum(['standard', 'official']).optional(),
  redHeader: z.boolean().optional(),
  evaluationScale: z.enum(['three', 'five']).default('three'),
  minEvaluators: z.number().int('validation.integer').min(1, 'validation.minEvaluators').max(500).default(5),
  canvassRule: canvassRuleSchema.optional(),
  channels: z.array(z.string().trim().min(1).max(40, 'validation.tooLong')).optional(),
  categories: z.array(z.string().trim().min(1).max(40, 'validation.tooLong')).optional(),
  handlingDays: z
    .object({
      immediate: handlingDays,
      supplement: handlingDays,
      committed: handlingDays,
      suggestion: handlingDays,
      escalate: handlingDays,
    })
    .partial()
    .optional(),
  handlingNames: z
    .object(
      Object.fromEntries(
        HANDLING_TYPES.map((h) => [h, z.string().trim().max(8, 'validation.handlingName').optional()]),
      ) as Record<HandlingType, z.ZodOptional<z.ZodString>>,
    )
    .partial()
    .optional()
    // Two types under one name could not be told apart on the ledger or in an imported file.
    .superRefine((names, ctx) => {
      const all = Object.values(handlingNames(names))
      for (const h of HANDLING_TYPES) {
        const name = names?.[h]?.trim()
        if (name && all.filter((n) => n === name).length > 1)
          ctx.addIssue({ code: 'custom', path: [h], message: 'validation.handlingNameTwice' })
      }
    }),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')).optional(),
  // Blank means the standard wording (每项只能画一个√；不画视为弃权，多画视为无效).
  ballotInstruction: z
    .string()
    .trim()
    .max(120, 'validation.tooLong')
    .transform((s) => s || undefined)
    .optional(),
  workdays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')).optional(),
})
export type CommunitySettings = z.infer<typeof communitySettingsSchema>

/**
 * The next regular deliberation day on or after `from` (YYYY-MM-DD).
 * The day is capped at 28 so every month has it.
 */
export function nextDeliberationDate(from: string, day: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number]
  let year = y
  let month = m
  if (d > day) {
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The Party committee a community reports to, from the settings: a street
 * office's 党工委, a township's 党委 (新华街道 → 新华街道党工委, 城关镇 → 城关镇党委).
 */
export function superiorCommittee(superior: string): string {
  const s = superior.trim()
  if (/党(工)?委$/.test(s)) return s
  return /(乡|镇)$/.test(s) ? `${s}党委` : `${s}党工委`
}

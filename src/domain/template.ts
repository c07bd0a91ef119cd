// Procedure templates: the ordered stages a matter goes through, each with
// the body that sits, its quorum and passing rules and the papers it makes.
// 四议两公开 and 五议一备两公开 are built in; the Jinchang six steps are not a
// template but the fixed procedure of every meeting. Built-ins are constants; a community's own templates are copies
// that keep every version, so records made under an old version stay exact.
import { z } from 'zod'
import type { StepKind } from './procedure'
import { periodDaysSchema } from './notice'
import { passingRuleSchema, quorumRuleSchema } from './rules/rule'
import { BODY_KINDS, type BodyKind, type Rule } from './vote'

/** meeting = a body sits and votes · filing = 备案 · notice = 公开/公示 · task = work done on a date */
export const STAGE_KINDS = ['meeting', 'filing', 'notice', 'task'] as const
export type StageKind = (typeof STAGE_KINDS)[number]

/** 决策公开 (the decision) · 实施结果公开 (the result) */
export type NoticeSubject = 'decision' | 'results'

export interface StageBody {
  kind: BodyKind
  /** As printed, e.g. 党员大会 */
  name: string
}

export interface StageDef {
  /** Stable within a template's versions, so records find their stage */
  id: string
  kind: StageKind
  name: string
  /** Only on copies of the six-step template made before it was withdrawn (they fit no matter) */
  step?: StepKind
  body?: StageBody
  quorumRule?: Rule
  passingRule?: Rule
  /** Where the rules come from (法律、党内法规条款), printed beside them */
  ruleBasis?: string
  /** Papers the stage produces (会议记录, 决议 …) */
  documents: string[]
  noticeSubject?: NoticeSubject
  /** Notice period; unset = the template's, then the community's default */
  periodDays?: number
  /** For filing: the office it goes to, e.g. 街道党工委 */
  office?: string
}

export interface ProcedureTemplate {
  id: string
  /** null for built-ins, the owning community for copies */
  communityId: string | null
  /** Shared by every version of one template */
  lineageId: string
  version: number
  name: string
  builtIn: boolean
  /** Whether a filing (备案) with the higher Party committee is required */
  filingRequired: boolean
  /** Default notice period of this template's notices; unset = the community's */
  noticePeriodDays?: number
  stages: StageDef[]
  /** The template and version this one was copied from */
  basedOn?: { id: string; version: number }
  createdAt: string
  updatedAt: string
}

/** A deep copy of plain data (records are JSON-shaped; the domain has no structuredClone typing). */
export function cloneData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

const half = { kind: 'half' } as const
const twoThirds = { kind: 'twoThirds' } as const
/** 应到人数过半数 */
export const MORE_THAN_HALF_EXPECTED: Rule = { base: 'expected', threshold: half }
/** 实到人数过半数 */
export const MORE_THAN_HALF_PRESENT: Rule = { base: 'present', threshold: half }
/** 全体成员三分之二以上 */
export const TWO_THIRDS_MEMBERS: Rule = { base: 'members', threshold: twoThirds }
/** 全体成员过半数 */
export const MORE_THAN_HALF_MEMBERS: Rule = { base: 'members', threshold: half }

/** Where the rules of a sitting come from, printed beside them. */
const VILLAGE_LAW = '《中华人民共和国村民委员会组织法》第二十六条'
const RESIDENTS_LAW = '《中华人民共和国城市居民委员会组织法》第十条'
const PARTY_RULES = '《中国共产党支部工作条例（试行）》'

function sitting(
  id: string,
  name: string,
  body: StageBody,
  quorumRule: Rule,
  passingRule: Rule,
  documents: string[],
  ruleBasis?: string,
): StageDef {
  return { id, kind: 'meeting', name, body, quorumRule, passingRule, documents, ...(ruleBasis ? { ruleBasis } : {}) }
}
function notice(id: string, name: string, noticeSubject: NoticeSubject): StageDef {
  return {
    id,
    kind: 'notice',
    name,
    noticeSubject,
    documents: [noticeSubject === 'decision' ? '决议公开公告' : '实施结果公告'],
  }
}
const BUILT_IN_TIME = '2026-01-01T00:00:00.000Z'
function builtIn(id: string, name: string, filingRequired: boolean, stages: StageDef[]): ProcedureTemplate {
  return {
    id,
    communityId: null,
    lineageId: id,
    version: 1,
    name,
    builtIn: true,
    filingRequired,
    stages,
    createdAt: BUILT_IN_TIME,
    updatedAt: BUILT_IN_TIME,
  }
}

// Party branch rule (《中国共产党支部工作条例》): more than half of the voting members present (the roll); a decision needs
// more than half of those who should attend. Organic Law of Villagers' Committees art. 26: a representatives'
// meeting sits with two thirds of its members and decides by more than half of those present.
const PARTY_BRANCH_RULES = [MORE_THAN_HALF_MEMBERS, MORE_THAN_HALF_EXPECTED] as const

// Both procedures put the matter to the 党员大会 under the 支部工作条例 and end with the same two notices.
const partyReview = (): StageDef =>
  sitting(
    'review',
    '党员大会审议',
    { kind: 'partyMembers', name: '党员大会' },
    ...PARTY_BRANCH_RULES,
    ['审议记录'],
    PARTY_RULES,
  )
const closingNotices = (): StageDef[] => [
  notice('decision-notice', '决议公开', 'decision'),
  notice('results-notice', '实施结果公开', 'results'),
]

/** 四议两公开 for village major matters. */
export const TEMPLATE_FOUR_TWO = builtIn('template-four-two', '四议两公开', false, [
  sitting('propose', '村党组织提议', { kind: 'custom', name: '村党组织委员会' }, ...PARTY_BRANCH_RULES, ['提议记录']),
  sitting(
    'discuss',
    '村“两委”会议商议',
    { kind: 'twoCommittees', name: '两委会议' },
    MORE_THAN_HALF_EXPECTED,
    MORE_THAN_HALF_PRESENT,
    ['商议记录'],
  ),
  partyReview(),
  sitting(
    'decide',
    '村民代表会议决议',
    { kind: 'villagerReps', name: '村民代表会议' },
    TWO_THIRDS_MEMBERS,
    MORE_THAN_HALF_PRESENT,
    ['决议', '表决记录'],
    VILLAGE_LAW,
  ),
  ...closingNotices(),
])

/** Kenli 五议一备两公开 for urban major matters. */
export const TEMPLATE_FIVE_ONE_TWO = builtIn('template-five-one-two', '五议一备两公开', true, [
  sitting('propose', '党组织提议', { kind: 'custom', name: '社区党组织委员会' }, ...PARTY_BRANCH_RULES, ['提议记录']),
  sitting(
    'discuss',
    '领导班子商议',
    { kind: 'twoCommittees', name: '两委会议' },
    MORE_THAN_HALF_EXPECTED,
    MORE_THAN_HALF_PRESENT,
    ['商议记录'],
  ),
  sitting(
    'joint',
    '共建单位联议',
    { kind: 'custom', name: '共建单位联席会议' },
    MORE_THAN_HALF_EXPECTED,
    MORE_THAN_HALF_PRESENT,
    ['联议记录'],
  ),
  partyReview(),
  // 居委会组织法: more than half of the members present, decided by more than half of those present.
  sitting(
    'decide',
    '居民代表会议决议',
    { kind: 'residents', name: '居民代表会议' },
    MORE_THAN_HALF_MEMBERS,
    MORE_THAN_HALF_PRESENT,
    ['决议', '表决记录'],
    RESIDENTS_LAW,
  ),
  { id: 'filing', kind: 'filing', name: '报上级党组织备案', office: '街道党工委', documents: ['备案报告'] },
  ...closingNotices(),
])

/**
 * The matter procedures a community can copy and edit. The six steps are not
 * among them: every meeting runs them (src/domain/procedure.ts), so an
 * editable copy would change nothing.
 */
export const BUILT_IN_TEMPLATES: readonly ProcedureTemplate[] = [TEMPLATE_FOUR_TWO, TEMPLATE_FIVE_ONE_TWO]

/** Whether major matters can go through it: it needs at least one body that decides by vote. */
export function fitsMatters(t: ProcedureTemplate): boolean {
  return !t.stages.some((s) => s.step) && t.stages.some((s) => s.kind === 'meeting')
}

/** A community's own copy, version 1 of a new lineage. */
export function copyTemplate(
  source: ProcedureTemplate,
  id: string,
  communityId: string,
  name: string,
  now: string,
): ProcedureTemplate {
  return {
    ...cloneData(source),
    id,
    communityId,
    lineageId: id,
    version: 1,
    name,
    builtIn: false,
    basedOn: { id: source.id, version: source.version },
    createdAt: now,
    updatedAt: now,
  }
}

/** An edit never changes a stored version: it is the next version of the same lineage. */
export function nextVersion(
  current: ProcedureTemplate,
  edited: TemplateForm,
  id: string,
  now: string,
): ProcedureTemplate {
  if (current.builtIn) throw new Error('built-in templates are read-only; copy one first')
  return { ...current, ...cloneData(edited), id, version: current.version + 1, createdAt: now, updatedAt: now }
}

/** Turns filing on or off by adding or removing the filing stage (before the notices). */
export function withFiling(stages: StageDef[], on: boolean, office: string): StageDef[] {
  const has = stages.some((s) => s.kind === 'filing')
  if (on === has) return stages
  if (!on) return stages.filter((s) => s.kind !== 'filing')
  const at = stages.findIndex((s) => s.kind === 'notice')
  const filing: StageDef = { id: 'filing', kind: 'filing', name: '报上级党组织备案', office, documents: ['备案报告'] }
  const out = [...stages]
  out.splice(at < 0 ? out.length : at, 0, filing)
  return out
}

/** A blank stage of a kind, for the editor's "add stage". */
export function blankStage(kind: StageKind, id: string): StageDef {
  switch (kind) {
    case 'meeting':
      return {
        id,
        kind,
        name: '',
        body: { kind: 'custom', name: '' },
        quorumRule: MORE_THAN_HALF_EXPECTED,
        passingRule: MORE_THAN_HALF_PRESENT,
        documents: ['会议记录'],
      }
    case 'notice':
      return { id, kind, name: '', noticeSubject: 'decision', documents: [] }
    case 'filing':
      return { id, kind, name: '', office: '', documents: ['备案报告'] }
    case 'task':
      return { id, kind, name: '', documents: [] }
  }
}

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

const stageSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(STAGE_KINDS),
    name: text(30),
    step: z.enum(['collect', 'confirm', 'research', 'deliberate', 'publish', 'implement']).optional(),
    body: z.object({ kind: z.enum(BODY_KINDS), name: text(30) }).optional(),
    quorumRule: quorumRuleSchema.optional(),
    passingRule: passingRuleSchema.optional(),
    ruleBasis: z.string().trim().max(60, 'validation.tooLong').optional(),
    documents: z.array(z.string().trim().min(1).max(30)).max(10),
    noticeSubject: z.enum(['decision', 'results']).optional(),
    periodDays: periodDaysSchema.optional(),
    office: z.string().trim().max(40, 'validation.tooLong').optional(),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'meeting' && (!s.body || !s.quorumRule || !s.passingRule))
      ctx.addIssue({ code: 'custom', path: ['body', 'name'], message: 'templates.error.bodyNeeded' })
    if (s.kind === 'notice' && !s.noticeSubject)
      ctx.addIssue({ code: 'custom', path: ['noticeSubject'], message: 'validation.required' })
    if (s.kind === 'filing' && !s.office)
      ctx.addIssue({ code: 'custom', path: ['office'], message: 'templates.error.officeNeeded' })
  })

/** A copy of a template into a community's list needs only its name. */
export const templateCopySchema = z.object({ name: text(40) })

/** What the editor may change: names, stages and rules. */
export const templateFormSchema = z
  .object({
    name: text(40),
    filingRequired: z.boolean(),
    noticePeriodDays: periodDaysSchema.optional(),
    stages: z.array(stageSchema).min(1, 'templates.error.noStages').max(20, 'validation.tooLong'),
  })
  .superRefine((t, ctx) => {
    const ids = new Set(t.stages.map((s) => s.id))
    if (ids.size !== t.stages.length)
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'templates.error.duplicateStage' })
    if (t.filingRequired !== t.stages.some((s) => s.kind === 'filing'))
      ctx.addIssue({ code: 'custom', path: ['filingRequired'], message: 'templates.error.filingStage' })
    if (!t.stages.some((s) => s.kind === 'meeting'))
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'templates.error.noMeeting' })
  })
export type TemplateForm = z.infer<typeof templateFormSchema>

/** The editable part of a template, as the editor starts from it. */
export function toForm(t: ProcedureTemplate): TemplateForm {
  const { name, filingRequired, noticePeriodDays, stages } = cloneData(t)
  return { name, filingRequired, noticePeriodDays, stages }
}

/** The procedure a new matter starts under: 四议两公开 in a village, 五议一备两公开 in an urban community. */
export function defaultTemplateId(kind: 'community' | 'village' | undefined): string {
  return kind === 'village' ? TEMPLATE_FOUR_TWO.id : TEMPLATE_FIVE_ONE_TWO.id
}

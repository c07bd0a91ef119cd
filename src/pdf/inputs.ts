// View models the document builders take. They hold printable facts only
// (names, roles, counts, texts), never contact details of residents, so a
// builder cannot leak what it was not given. src/db/documents.repo.ts fills
// them from the tables; tests and `npm run pdf:samples` fill them from
// src/pdf/samples.ts.
import type { AttendanceState } from '@/domain/attendance'
import type { MeetingRole } from '@/domain/roles'
import type { ActionStatus } from '@/domain/resolution'
import type { Counts, Rule, VoteMethod, VoteResult } from '@/domain/vote'

export interface CommunityInfo {
  name: string
  /** 中共XX社区委员会: issues notices */
  partyOrg: string
  /** Street office or township the filing goes to */
  superior: string
  noticePeriodDays: number
  /** A village says 村民群众 and 村务公开栏; a community 居民群众 and 公示栏 */
  kind?: 'community' | 'village'
}

export interface MeetingInfo {
  title: string
  /** YYYY-MM-DD */
  date?: string
  /** HH:mm */
  startTime?: string
  place?: string
  chair?: string
  recorder?: string
  /** The deliberating body, e.g. 新华路社区协商议事会 */
  bodyName?: string
  /** How many members the body has: the default number of ballots */
  bodyMembers?: number
  /** Whether the body decides (决议) or recommends (协商意见) */
  decides: boolean
  /** HH:mm the meeting ended, when known */
  endTime?: string
  /** Steps passed over before the meeting, with the reason (第三步“议前调研”未进行，原因：…) */
  skippedSteps?: SkippedStepLine[]
}

export interface SkippedStepLine {
  /** 1-based position in the procedure */
  n: number
  /** The step's name, e.g. 议前调研 */
  name: string
  reason: string
  /** Who decided it, and the day (YYYY-MM-DD) */
  by: string
  on: string
}

/** One person on the sign-in sheet or in the minutes' attendance. */
export interface PersonLine {
  name: string
  /** Standing role as printed, e.g. 居民代表 */
  partyRole?: string
  meetingRole: MeetingRole
  /** Unset before the meeting (a blank sign-in sheet) */
  state?: AttendanceState
  writtenOpinion?: string
  /** Invited for some topics only (the X): their titles */
  forTopics?: string[]
  /** A member of the body who counts toward 实到 (whatever the meeting role) */
  counted?: boolean
}

/** 应到、实到、请假、缺席 as printed; 实到 always equals the names printed under 出席. */
export interface QuorumLine {
  expected: number
  present: number
  /** 请假 */
  leave: number
  /** 缺席: expected − present − leave */
  absent: number
  /** 其中提交书面意见 N 人 (among those not present) */
  written: number
  /** 应到 / 实到户数, for a 村民会议 counted by households */
  households?: { total: number; present: number }
  reached: boolean
  rule?: Rule
  /** A legal body decides (法定人数); a council recommends (到会人数要求) */
  decides: boolean
}

export interface CanvassTally {
  question: string
  on: string
  asked: number
  agree: number
  disagree: number
  noAnswer: number
  notReached: number
}

export interface ResearchLine {
  /** siteVisit · canvass · survey · forum · department · expert (printed in Chinese by the builder) */
  kind: string
  on: string
  who: string
  findings: string
}

export interface OptionLine {
  title: string
  description: string
  cost?: number
  recommended: boolean
}

export interface StatementLine {
  speaker: string
  /** The role the speaker spoke in, as printed */
  role: string
  text: string
}

export interface VoteLine {
  method: VoteMethod
  optionTitle?: string
  expected?: number
  present?: number
  counts?: Counts
  rule?: Rule
  result?: VoteResult
  /** Names excluded for this topic (回避) */
  recused: string[]
  /** The passing base after recusals, as the rule counted it */
  passingBase?: number
  /** 监票人 / 计票人 who counted the ballots */
  tellers?: string[]
  /** 发出 / 收回 for paper and secret ballots */
  ballots?: { issued: number; returned: number }
  /** 暂缓表决的原因 */
  deferReason?: string
  /** This vote corrects an earlier record: its counts and why */
  correction?: { previous?: Counts; reason: string }
}

export interface ActionLine {
  title: string
  owner: string
  standard: string
  dueOn: string
  supervisor: string
  status: ActionStatus
  /** For carry-over items: the meeting that decided them */
  fromMeeting?: string
}

export interface TopicBlock {
  order: number
  title: string
  description: string
  presenter?: string
  isMajor?: boolean
  researchSummary?: string
  research: ResearchLine[]
  canvasses: CanvassTally[]
  options: OptionLine[]
  statements: StatementLine[]
  votes: VoteLine[]
  /** Set when the topic was deferred (暂缓表决), with or without a vote */
  deferredReason?: string
  /** A council agreed without a vote (协商一致): the minutes say so */
  withoutVote?: boolean
  resolution?: string
  actions: ActionLine[]
}

export interface NoticeInfo {
  /** YYYY-MM-DD */
  startsOn?: string
  endsOn?: string
  periodDays: number
  places: string[]
  /** How to object: whom, phone, the box */
  objectTo?: string
  objectPhone?: string
  objectBox?: string
}

export interface SealInfo {
  /** XXXX-XXXX-XXXX-XXXX-XXXX from the meeting's last sealing link */
  code: string
  /** That link's full hash: what the QR holds (absent only for a meeting sealed without links) */
  head?: string
  sealedAt: string
}

/** Everything the meeting's documents are built from. */
export interface MeetingDocsInput {
  community: CommunityInfo
  meeting: MeetingInfo
  people: PersonLine[]
  quorum?: QuorumLine
  topics: TopicBlock[]
  /** 上次议定事项落实情况: unfinished items of earlier meetings */
  carryOver: ActionLine[]
  seal?: SealInfo
  agendaNotice?: NoticeInfo
  resolutionNotice?: NoticeInfo
  /** The day the document is printed, YYYY-MM-DD */
  printedOn: string
}

/** A request as the dossier shows it. */
export interface RequestLine {
  receivedOn: string
  channel: string
  raisedBy: string
  place?: string
  description: string
  /** The handling type as the community names it (即办件 … or its own name from settings) */
  handlingType: string
}

export interface ObjectionLine {
  receivedOn: string
  from: string
  content: string
  answer?: string
  answeredAt?: string
}

export interface EvaluationLine {
  item: string
  round: number
  on: string
  /** 满意 12 · 基本满意 3 · 不满意 1 */
  counts: string
  rate: number
  passed: boolean
}

export interface TopicEventLine {
  at: string
  /** created · merged · split · narrowed · scheduled … */
  kind: string
  reason?: string
  by: string
}

/** 一事一档: one topic through every step. */
export interface DossierInput {
  community: CommunityInfo
  meeting?: MeetingInfo
  topic: TopicBlock
  requests: RequestLine[]
  trail: TopicEventLine[]
  attendance: PersonLine[]
  quorum?: QuorumLine
  notice?: NoticeInfo
  objections: ObjectionLine[]
  evaluations: EvaluationLine[]
  seal?: SealInfo
  printedOn: string
}

/** How a public version hides personal data. */
export interface PublicOptions {
  /** Mask phone and ID numbers in every text */
  public: boolean
  /** Replace residents' names by 张某某 */
  hideNames: boolean
}

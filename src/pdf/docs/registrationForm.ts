// The registration form (登记表) of a major matter under 四议两公开 or
// 五议一备两公开: the motion's origin, every sitting of every stage with its
// date, 应到/实到/比例, how the vote was taken and the sitting's notes, blanks for signatures, the supervisory committee's
// opinion and both publications. Attempts that failed are printed too: the
// form is the record, and a sitting held again must show why.
import type { Content, TableCell } from 'pdfmake/interfaces'
import type { CommunityKind } from '@/domain/community'
import type { MotionOrigin, StageAttempt } from '@/domain/matter'
import type { StageDef } from '@/domain/template'
import { METHOD, ruleText } from '../labels'
import { chineseDate, type DocDef } from '../layout'

export interface RegistrationFormInput {
  communityName: string
  kind: CommunityKind
  partyOrg: string
  title: string
  description: string
  origin: MotionOrigin
  templateName: string
  stages: StageDef[]
  attempts: StageAttempt[]
  supervisoryOpinion?: string
  /** YYYY-MM-DD */
  printedOn: string
}

/** Ideographic space: form blanks are measured in character widths */
const SP = '\u3000'
const BLANK = SP.repeat(6)

function originLabels(kind: CommunityKind): Record<MotionOrigin, string> {
  return {
    suggestion: '党员群众建议',
    officials: kind === 'village' ? '村干部提出' : '社区干部提出',
    assigned: '上级交办',
  }
}

/** A square with a tick when checked, drawn (the font has no ☐/☑). */
function checkbox(checked: boolean, label: string): Content {
  const box = { type: 'rect' as const, x: 0, y: 3, w: 9, h: 9, lineWidth: 0.8 }
  const tick = {
    type: 'polyline' as const,
    points: [
      { x: 1.8, y: 7.5 },
      { x: 4, y: 10 },
      { x: 8, y: 4.2 },
    ],
    lineWidth: 1.3,
  }
  return {
    columns: [
      { width: 13, canvas: checked ? [box, tick] : [box] },
      { width: 'auto', text: label, margin: [0, 0, 14, 0] },
    ],
    columnGap: 0,
  }
}

function ratio(present?: number, expected?: number): string {
  if (!expected || present === undefined) return ''
  return `${((present / expected) * 100).toFixed(1)}%`
}

const VERDICTS = { passed: '通过', failed: '未通过', noQuorum: '未达法定人数，另行召开' } as const

const label = (text: string): TableCell => ({ text, style: 'label', fillColor: '#f3f3f3' })
const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, ...extra })
/** The stage's heading across the whole table. */
const heading = (text: string): TableCell[] => [
  { text, colSpan: 6, bold: true, fillColor: '#e4e4e4' },
  {},
  {},
  {},
  {},
  {},
]
const rest = (text: string, span: number, extra: Record<string, unknown> = {}): TableCell[] => [
  { text, colSpan: span, ...extra },
  ...Array.from({ length: span - 1 }, () => ({})),
]

/** One sitting (or a blank sitting to fill in by hand). */
function sittingRows(stage: StageDef, a: StageAttempt | undefined, n: number, of: number): TableCell[][] {
  const counts = a?.counts
  const title = `${stage.name}${of > 1 ? `（第${n}次）` : ''}${SP}${stage.body?.name ?? ''}`
  return [
    heading(title),
    [label('时间'), cell(a ? chineseDate(a.date) : ''), label('地点'), ...rest(a?.place ?? '', 3)],
    [
      label('应到'),
      cell(a?.expected !== undefined ? `${a.expected}人` : '人'),
      label('实到'),
      cell(a?.present !== undefined ? `${a.present}人` : '人'),
      label('比例'),
      cell(ratio(a?.present, a?.expected)),
    ],
    [
      label('表决'),
      // How the vote was taken comes first: a show of hands and a secret ballot are not the same record.
      ...rest(
        `${a?.voteMethod ? `${METHOD[a.voteMethod]}${SP}` : ''}${
          counts ? `同意 ${counts.for}${SP}反对 ${counts.against}${SP}弃权 ${counts.abstain}` : '同意　　反对　　弃权'
        }`,
        3,
      ),
      label('结果'),
      cell(a?.verdict ? VERDICTS[a.verdict] : ''),
    ],
    [
      label('规则'),
      ...rest(
        `到会：${ruleText(stage.quorumRule, 'quorum')}；通过：${ruleText(stage.passingRule, 'passing')}${stage.ruleBasis ? `（依据${stage.ruleBasis}）` : ''}`,
        5,
        {
          style: 'small',
        },
      ),
    ],
    // What was said and decided at the sitting, as its notes record it (blank to write by hand)
    [label('会议情况'), ...rest(a?.note ?? '', 5, { margin: [0, 0, 0, a?.note ? 0 : 18] })],
    [
      label('参会人员\n签字'),
      ...rest(a?.attendees?.length ? `（${a.attendees.join('、')}）` : '', 2, {
        style: 'small',
        margin: [0, 0, 0, 30],
      }),
      label('乡镇（街道）\n参会人员签字'),
      ...rest(a?.officials?.length ? `（${a.officials.join('、')}）` : '', 2, { style: 'small' }),
    ],
  ]
}

function noticeRows(stage: StageDef, a: StageAttempt | undefined): TableCell[][] {
  return [
    heading(stage.name),
    [
      label('公开日期'),
      cell(a ? chineseDate(a.date) : ''),
      label('公开期限'),
      cell(a?.periodDays ? `${a.periodDays}天` : '天'),
      label('截止日期'),
      cell(chineseDate(a?.endsOn)),
    ],
    [label('公开内容'), ...rest(stage.noticeSubject === 'results' ? '实施结果' : '决议事项及表决情况', 5)],
    [label('公开地点'), ...rest(a?.places?.join('、') ?? '', 3), label('经办人\n签字'), cell('')],
  ]
}

function filingRows(stage: StageDef, a: StageAttempt | undefined): TableCell[][] {
  return [
    heading(stage.name),
    [
      label('备案日期'),
      cell(a ? chineseDate(a.date) : ''),
      label('备案机关'),
      ...rest(a?.office ?? stage.office ?? '', 3),
    ],
  ]
}

function taskRows(stage: StageDef, a: StageAttempt | undefined): TableCell[][] {
  return [
    heading(stage.name),
    [label('完成日期'), cell(a ? chineseDate(a.date) : ''), label('说明'), ...rest(a?.note ?? '', 3)],
  ]
}

/** The stage's tables: one per sitting held (a blank one when none yet), or one for the stage. */
function stageBlocks(stage: StageDef, attempts: StageAttempt[]): TableCell[][][] {
  const last = attempts.at(-1)
  switch (stage.kind) {
    case 'meeting':
      if (attempts.length === 0) return [sittingRows(stage, undefined, 1, 1)]
      return attempts.map((a, i) => sittingRows(stage, a, i + 1, attempts.length))
    case 'notice':
      return [noticeRows(stage, last)]
    case 'filing':
      return [filingRows(stage, last)]
    case 'task':
      return [taskRows(stage, last)]
  }
}

const WIDTHS = [60, '*', 56, '*', 60, '*']
function grid(body: TableCell[][]): Content {
  return { table: { widths: WIDTHS, body, dontBreakRows: true }, layout: 'form', style: 'cell', unbreakable: true }
}

export function registrationFormToDocDef(input: RegistrationFormInput): DocDef {
  const origins = originLabels(input.kind)
  const level = input.kind === 'village' ? '村级' : '社区'
  const supervisory = input.kind === 'village' ? '村务监督委员会意见' : '居务监督委员会意见'
  const title = `${level}重大事项“${input.templateName}”登记表`
  const head: TableCell[][] = [
    [label('事项名称'), ...rest(input.title, 5, { bold: true })],
    [label('事项内容'), ...rest(input.description || ' ', 5)],
    [
      label('提议来源'),
      {
        columns: (Object.keys(origins) as MotionOrigin[]).map((k) => checkbox(k === input.origin, origins[k])),
        colSpan: 5,
      },
      {},
      {},
      {},
      {},
    ],
  ]
  const opinion: TableCell[][] = [
    heading(supervisory),
    [
      {
        stack: [
          { text: input.supervisoryOpinion || ' ', margin: [0, 0, 0, 18] },
          { text: `签字：${BLANK}${BLANK}${SP}${SP}年${SP}${SP}月${SP}${SP}日`, alignment: 'right' },
        ],
        colSpan: 6,
      },
      {},
      {},
      {},
      {},
      {},
    ],
  ]
  // One table per sitting or stage, each kept on one page: a sitting split
  // across pages cannot be signed.
  const blocks = input.stages.flatMap((s) =>
    stageBlocks(
      s,
      input.attempts.filter((a) => a.stageId === s.id),
    ),
  )
  const content: Content[] = [
    { text: title, style: 'title' },
    {
      columns: [
        { text: `填报单位：${input.partyOrg}`, style: 'small' },
        { text: `填报日期：${chineseDate(input.printedOn)}`, style: 'small', alignment: 'right' },
      ],
      margin: [0, 0, 0, 6],
    },
    ...[head, ...blocks, opinion].map((body) => grid(body)),
    { text: `党组织书记（签字）：${BLANK}${BLANK}${SP}${SP}${SP}（盖章）`, margin: [0, 18, 0, 0], alignment: 'right' },
  ]
  return { frame: { title, communityName: input.communityName, date: chineseDate(input.printedOn) }, content }
}

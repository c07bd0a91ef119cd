// A realistic sample community for tests, `npm run pdf:samples` and the
// benchmark: Chinese names (some rare), long statements, canvass tallies,
// three topics, a failed vote and a recusal. Pure data, deterministic.
import type { ActionLine, DossierInput, MeetingDocsInput, PersonLine, TopicBlock } from './inputs'
import type { MeetingRole } from '@/domain/roles'

const community = { name: '新华路社区', partyOrg: '中共新华路社区委员会', superior: '新华路街道', noticePeriodDays: 7 }

const NAMES =
  '王建国 李秀英 张伟 刘洋 陈静 杨帆 赵磊 黄丽 周杰 吴敏 徐强 孙悦 胡军 朱红 高峰 林芳 何勇 郭燕 马超 罗娟 梁堃 宋喆 郑昇 谢赟 韩珺 唐玥 冯镕 于洁 董明 萧红 程亮 曹雪 袁野 邓超 许晴 傅彬 沈琳 曾毅 彭丽 吕涛 苏敏 卢刚 蒋华 蔡琴 贾平 丁宁 魏巍 薛兵 叶子 阎明 余华 潘虹 杜鹃 戴军 夏雨 钟南 汪洋 田野 任重 姜文'.split(
    ' ',
  )

const PARTY_ROLES = [
  '党组织代表',
  '居（村）委会代表',
  '村（居）务监督委员会代表',
  '“两代表一委员”',
  '法律工作者',
  '辖区经济社会组织代表',
  '德高望重居民代表',
]

/** `count` people: chair, recorder, voting members, two non-voting, stakeholders and a guest. */
export function samplePeople(count = 22, absent = 2): PersonLine[] {
  return Array.from({ length: count }, (_, i): PersonLine => {
    const meetingRole: MeetingRole =
      i === 0
        ? 'chair'
        : i === 1
          ? 'recorder'
          : i >= count - 1
            ? 'guest'
            : i >= count - 3
              ? 'stakeholder'
              : i >= count - 5
                ? 'nonVoting'
                : 'voting'
    const partyRole =
      i === 0
        ? '党组织书记'
        : meetingRole === 'guest'
          ? '区住建局'
          : meetingRole === 'stakeholder'
            ? '3号楼居民'
            : PARTY_ROLES[i % PARTY_ROLES.length]
    const state = i >= 2 && i < 2 + absent ? (i % 2 === 0 ? 'leave' : 'absent') : 'present'
    return {
      name: NAMES[i % NAMES.length]! + (i >= NAMES.length ? String(Math.floor(i / NAMES.length) + 1) : ''),
      partyRole,
      meetingRole,
      state,
    }
  })
}

const LONG =
  '我住在3号楼二十多年了，北门一直锁着，老人去菜市场要绕一大圈，冬天路滑，去年楼里就有老人摔倒。开北门我举双手赞成，但是有几点要说清楚：第一，开门以后外来车辆会不会从北门穿行，小区里孩子多，必须装道闸和限速带；第二，门卫的工资谁来出，物业费不能因此上涨；第三，晚上十点以后要关门，不然噪声太大，影响1号楼临街住户休息。希望社区把这些写进决议，定好谁来管、什么时候完成。'

function actions(topic: string, n: number, start = 0): ActionLine[] {
  const owners = ['社区居委会', '物业服务中心', '王建国', '业委会', '区住建局', '3号楼楼长']
  return Array.from({ length: n }, (_, i) => ({
    title: `${topic}第${i + 1}项：${['拟定实施方案并征求意见', '办理施工审批手续', '组织施工并现场监理', '完成验收并公示结果'][i % 4]}`,
    owner: owners[(i + start) % owners.length]!,
    standard: [
      '方案经议事会审定，公示无异议',
      '取得街道和区住建局书面同意',
      '按图施工，安全文明，无投诉',
      '居民代表验收合格，满意率80%以上',
    ][i % 4]!,
    dueOn: `2027-0${1 + (i % 6)}-${String(10 + (i % 18)).padStart(2, '0')}`,
    supervisor: ['村（居）务监督委员会 宋喆', '居民代表 梁堃', '党支部 郑昇'][i % 3]!,
    status: (['notStarted', 'inProgress', 'done'] as const)[i % 3]!,
  }))
}

const TOPICS: TopicBlock[] = [
  {
    order: 1,
    title: '关于开通小区北门的议题',
    description: '3号楼至6号楼居民反映北门长期关闭，出行绕行800米，多次要求开通。',
    presenter: '王建国（党组织书记）',
    isMajor: true,
    researchSummary: '社区组织入户征求意见，1,800户中1,760户同意开通北门；物业测算每年增加门卫费用4.2万元。',
    research: [
      {
        kind: 'siteVisit',
        on: '2026-11-20',
        who: '王建国、张伟、物业经理刘洋',
        findings: '北门宽6米，门外为市政道路，具备开通条件；需加装道闸和监控。居民联系电话13812345678。',
      },
      { kind: 'department', on: '2026-11-25', who: '区住建局', findings: '开通不涉及规划变更，报街道备案即可。' },
    ],
    canvasses: [
      {
        question: '是否同意开通北门',
        on: '2026-11-28',
        asked: 1800,
        agree: 1760,
        disagree: 25,
        noAnswer: 10,
        notReached: 5,
      },
      {
        question: '是否同意晚十点后关闭北门',
        on: '2026-11-28',
        asked: 1800,
        agree: 1512,
        disagree: 200,
        noAnswer: 60,
        notReached: 28,
      },
    ],
    options: [
      { title: '全天开放，加装道闸', description: '北门全天开放，机动车凭卡通行。', cost: 86000, recommended: false },
      {
        title: '6:00至22:00开放，夜间关闭',
        description: '白天开放，夜间关闭并由门卫值守。',
        cost: 42000,
        recommended: true,
      },
    ],
    statements: [
      { speaker: '梁堃', role: '居民代表', text: LONG },
      { speaker: '刘洋', role: '物业企业代表', text: '物业支持开门，门卫费用建议由公共收益列支，不增加物业费。' },
      {
        speaker: '谢赟',
        role: '法律工作者',
        text: '开门属于共有部分用途的调整，须经业主表决，入户征求意见的结果可以作为依据，建议保存签字记录。',
      },
    ],
    votes: [
      {
        method: 'hands',
        expected: 13,
        present: 11,
        counts: { for: 10, against: 0, abstain: 1, invalid: 0 },
        rule: { base: 'present', threshold: { kind: 'half' } },
        result: 'passed',
        recused: [],
      },
    ],
    resolution: '同意开通北门，每日6:00至22:00开放，夜间关闭；门卫费用由小区公共收益列支，不增加物业费。',
    actions: actions('开通北门', 4),
  },
  {
    order: 2,
    title: '关于5号楼加装电梯费用分摊的议题',
    description: '5号楼2单元申请加装电梯，低层住户对费用分摊有不同意见。',
    presenter: '李秀英（居委会主任）',
    research: [
      {
        kind: 'forum',
        on: '2026-11-22',
        who: '5号楼2单元全体住户',
        findings: '一楼、二楼住户担心采光和噪声，要求补偿。',
      },
    ],
    canvasses: [
      {
        question: '是否同意按楼层系数分摊',
        on: '2026-11-26',
        asked: 24,
        agree: 15,
        disagree: 7,
        noAnswer: 2,
        notReached: 0,
      },
    ],
    options: [],
    statements: [
      { speaker: '唐玥', role: '利益相关方', text: '我家住一楼，装电梯挡光，要求按楼层分摊并给低层补偿。' },
      { speaker: '韩珺', role: '利益相关方', text: '我家住六楼，愿意多出钱，也同意给一楼补偿。' },
    ],
    votes: [
      {
        method: 'secret',
        expected: 13,
        present: 11,
        counts: { for: 5, against: 4, abstain: 1, invalid: 0 },
        rule: { base: 'present', threshold: { kind: 'half' } },
        result: 'failed',
        recused: ['韩珺'],
      },
    ],
    resolution: '分摊方案未获通过。由居委会组织5号楼2单元住户再次协商，下次议事会再议。',
    actions: actions('加装电梯', 1, 2),
  },
  {
    order: 3,
    title: '关于整治楼道堆物的议题',
    description: '多栋楼楼道堆放杂物，存在消防隐患。',
    presenter: '张伟（网格员）',
    research: [],
    canvasses: [],
    options: [],
    statements: [
      { speaker: '冯镕', role: '居民代表', text: '先宣传、后清理，给居民一周时间自行搬走，逾期由物业统一清运。' },
    ],
    votes: [
      {
        method: 'hands',
        expected: 13,
        present: 11,
        counts: { for: 11, against: 0, abstain: 0, invalid: 0 },
        rule: { base: 'present', threshold: { kind: 'half' } },
        result: 'passed',
        recused: [],
      },
    ],
    resolution: '12月20日前完成全部楼道清理，由物业统一清运，居民代表逐栋验收。',
    actions: actions('楼道整治', 2, 4),
  },
]

export function sampleMeeting(): MeetingDocsInput {
  const people = samplePeople()
  const present = people.filter((p) => p.state === 'present').length
  return {
    community,
    meeting: {
      title: '2026年12月党群议事日',
      date: '2026-12-10',
      startTime: '14:30',
      place: '社区党群服务中心二楼会议室',
      chair: '王建国',
      recorder: '李秀英',
      bodyName: '新华路社区协商议事会',
      decides: false,
    },
    people,
    quorum: {
      expected: people.length,
      present,
      leave: people.filter((p) => p.state === 'leave').length,
      absent: people.filter((p) => p.state === 'absent' || p.state === 'written').length,
      written: people.filter((p) => p.state === 'written').length,
      reached: true,
      rule: { base: 'expected', threshold: { kind: 'twoThirds' } },
      decides: false,
    },
    topics: TOPICS,
    carryOver: [
      {
        title: '修补健身器材',
        owner: '物业服务中心',
        standard: '器材完好，无安全隐患',
        dueOn: '2026-11-30',
        supervisor: '村（居）务监督委员会 宋喆',
        status: 'inProgress',
        fromMeeting: '11月议事会',
      },
      {
        title: '疏通2号楼雨水管',
        owner: '社区居委会',
        standard: '雨天不积水',
        dueOn: '2026-12-05',
        supervisor: '居民代表 梁堃',
        status: 'rework',
        fromMeeting: '10月议事会',
      },
    ],
    seal: {
      code: '7K3QF-9XD2M',
      head: '9d4c1e0b7a6f5e2d3c8b9a01f2e3d4c5b6a7980112233445566778899aabbccd',
      sealedAt: '2026-12-10T09:30:00Z',
    },
    agendaNotice: {
      startsOn: '2026-12-01',
      endsOn: '2026-12-07',
      periodDays: 7,
      places: ['社区公示栏', '居民微信群'],
      objectTo: '社区党群服务中心',
      objectPhone: '0931-8812345',
      objectBox: '社区意见箱',
    },
    resolutionNotice: {
      startsOn: '2026-12-11',
      endsOn: '2026-12-17',
      periodDays: 7,
      places: ['社区公示栏', '各楼栋单元门', '居民微信群'],
      objectTo: '社区党群服务中心',
      objectPhone: '0931-8812345',
      objectBox: '党群服务中心门口意见箱',
    },
    printedOn: '2026-12-11',
  }
}

export function sampleDossier(): DossierInput {
  const m = sampleMeeting()
  return {
    community,
    meeting: m.meeting,
    topic: m.topics[0]!,
    requests: [
      {
        receivedOn: '2026-10-12',
        channel: '居民说事厅',
        raisedBy: '梁堃',
        place: '3号楼',
        description: '北门长期关闭，老人出行不便，请求开通。联系电话13812345678，身份证110105194912310021。',
        handlingType: '建议件',
      },
      {
        receivedOn: '2026-10-20',
        channel: '微信网格群',
        raisedBy: '唐玥',
        place: '5号楼',
        description: '希望开北门，方便孩子上学。',
        handlingType: '建议件',
      },
    ],
    trail: [
      { at: '2026-11-02', kind: 'merged', reason: '北门两条诉求合为一个议题', by: '张伟' },
      { at: '2026-11-05', kind: 'scheduled', reason: '12月党群议事日', by: '王建国' },
    ],
    attendance: m.people,
    quorum: m.quorum,
    notice: m.resolutionNotice,
    objections: [
      {
        receivedOn: '2026-12-13',
        from: '郑昇',
        content: '夜间关门时间能否延后到23点？电话13987654321',
        answer: '经物业与居民代表商量，先按22点试行三个月，再征求意见。',
        answeredAt: '2026-12-15',
      },
    ],
    evaluations: [
      {
        item: '开通北门第4项：完成验收并公示结果',
        round: 1,
        on: '2027-03-20',
        counts: '满意 28 · 基本满意 6 · 不满意 2',
        rate: 34 / 36,
        passed: true,
      },
    ],
    seal: m.seal,
    printedOn: '2027-03-21',
  }
}

const STRESS_NAMES = ['龚䶮', '吉𠮷', '王堃', '李昇', '陈喆', '赵赟']

/** The stress case: 3,000-character statements, 60 attendees, 40 action items, rare names. */
export function stressMeeting(): MeetingDocsInput {
  const base = sampleMeeting()
  const people = samplePeople(60, 4).map((p, i) =>
    i >= 10 && i < 10 + STRESS_NAMES.length ? { ...p, name: STRESS_NAMES[i - 10]! } : p,
  )
  const long = LONG.repeat(Math.ceil(3000 / LONG.length)).slice(0, 3000)
  const topics = base.topics.map((t, i) => ({
    ...t,
    statements: [...t.statements, { speaker: STRESS_NAMES[i]!, role: '居民代表', text: long }],
    actions: actions(t.title.slice(2, 8), i === 0 ? 20 : 10, i),
  }))
  return {
    ...base,
    people,
    topics,
    quorum: { expected: 60, present: 56, leave: 1, absent: 3, written: 0, reached: true, decides: false },
  }
}

/**
 * The benchmark's standard minutes: 8 topics, 40 attendees, 24 action items.
 * @public tests/bench loads it through the built bundle.
 */
export function benchmarkMeeting(): MeetingDocsInput {
  const base = sampleMeeting()
  const topics = Array.from({ length: 8 }, (_, i) => {
    const t = TOPICS[i % TOPICS.length]!
    return { ...t, order: i + 1, title: `${t.title}（${i + 1}）`, actions: actions(`议题${i + 1}`, 3, i) }
  })
  return {
    ...base,
    people: samplePeople(40, 3),
    topics,
    quorum: { expected: 40, present: 37, leave: 1, absent: 2, written: 0, reached: true, decides: false },
  }
}

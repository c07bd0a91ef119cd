// A deterministic ten-year dataset of a large community, for benchmarks.
// Same seed, same records: figures are comparable between runs and machines.
import type { Community } from '@/domain/community'
import type { Meeting } from '@/domain/meeting'
import type { Person } from '@/domain/person'
import type { Request } from '@/domain/request'
import type { Topic } from '@/domain/topic'
import type { Attendance } from '@/domain/attendance'
import type { Vote } from '@/domain/vote'
import type { ActionItem, Resolution } from '@/domain/resolution'
import type { Attachment } from '@/domain/attachment'
import { HANDLING_TYPES, REQUEST_STATUSES } from '@/domain/request'
import { PRESET_JINCHANG } from '@/domain/roles'

export interface DatasetSize {
  meetings: number
  requests: number
  topics: number
  actionItems: number
  attendance: number
  photos: number
  photoBytes: number
  people: number
}

/** The issue's ten-year figures for a large community. */
export const TEN_YEARS: DatasetSize = {
  meetings: 1200,
  requests: 20000,
  topics: 6000,
  actionItems: 60000,
  attendance: 200000,
  photos: 2000,
  photoBytes: 200 * 1024,
  people: 2400,
}

export function scaled(factor: number): DatasetSize {
  const s = (n: number) => Math.max(1, Math.round(n * factor))
  return {
    ...TEN_YEARS,
    meetings: s(1200),
    requests: s(20000),
    topics: s(6000),
    actionItems: s(60000),
    attendance: s(200000),
    photos: s(2000),
    people: s(2400),
  }
}

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  }
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN =
  '建国秀英志强桂兰海燕国庆玉梅文博晓东淑珍德明丽华春生红霞永福婷婷堃喆昇赟珺玥镕子涵浩然雨桐思远欣怡宇轩佳怡俊杰梓萱'
const CHANNELS = [
  '居民说事厅',
  '小区议事点',
  '微信网格群',
  '服务热线',
  '意见箱',
  '两代表一委员工作室',
  '入户走访',
  '座谈会',
  '网上平台',
  '网格员上报',
  '上级交办',
]
const CATEGORIES = [
  '环境卫生',
  '道路交通',
  '物业管理',
  '停车管理',
  '公共设施',
  '邻里纠纷',
  '养老服务',
  '治安消防',
  '绿化养护',
  '供暖供水',
]
const ISSUES = [
  '垃圾清运不及时',
  '路灯损坏多日未修',
  '电动车乱停乱放',
  '北门长期关闭出行绕远',
  '楼道堆放杂物有消防隐患',
  '雨水井堵塞积水',
  '健身器材老化',
  '广场舞噪音扰民',
  '地下车库渗水',
  '楼顶防水层破损漏雨',
  '老年食堂饭菜价格偏高',
  '小区监控存在盲区',
]
const ASKS = ['尽快处理', '社区出面协调', '召开议事会商量解决', '物业拿出整改方案', '请相关部门现场查看']
const OWNERS = ['社区居委会', '物业服务中心', '业委会', '网格员', '区住建局', '街道城管办', '共建单位']

function isoDay(start: Date, dayOffset: number): string {
  const d = new Date(start.getTime() + dayOffset * 86400000)
  return d.toISOString().slice(0, 10)
}

/** All records, table by table, ready for bulkPut. Photos are generated lazily (see photoBytes). */
export function generateDataset(size: DatasetSize, seed = 20261123) {
  const r = rng(seed)
  let counter = 0
  // Deterministic, sortable, unique string ids shaped like UUIDs.
  const id = (prefix: number) => {
    counter += 1
    const hex = counter.toString(16).padStart(12, '0')
    return `0190${prefix.toString(16).padStart(4, '0')}-0000-7000-8000-${hex}`
  }
  const start = new Date('2016-11-23T00:00:00Z')
  const days = 3652
  const at = (day: number) => `${isoDay(start, day)}T09:00:00.000Z`
  const communityId = '0190aaaa-0000-7000-8000-000000000001'
  const base = (day: number) => ({ communityId, createdAt: at(day), updatedAt: at(day) })

  const community: Community = {
    id: communityId,
    ...base(0),
    name: '金川区新华路社区',
    kind: 'community',
    partyOrg: '中共金川区新华路社区委员会',
    superior: '新华路街道',
    rolePresetId: PRESET_JINCHANG.id,
    noticePeriodDays: 7,
    deliberationDay: 10,
  }
  const people: Person[] = Array.from({ length: size.people }, (_, i) => ({
    id: id(1),
    ...base(0),
    name: r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.next() < 0.5 ? r.pick([...GIVEN]) : ''),
    roleIds: [PRESET_JINCHANG.roles[1 + (i % 7)]!.id],
    place: `${(i % 60) + 1}号楼`,
    active: r.next() > 0.05,
  }))

  const meetings: Meeting[] = Array.from({ length: size.meetings }, (_, i) => {
    const day = Math.floor((i / size.meetings) * days)
    return {
      id: id(2),
      ...base(day),
      title: `${isoDay(start, day).slice(0, 7).replace('-', '年')}月议事会（第${i + 1}次）`,
      type: r.pick(['partyMassDay', 'redBench', 'residentsTalk', 'majorMatter'] as const),
      procedureId: 'procedure-six-steps',
      stepIndex: 5,
      date: isoDay(start, day),
      startTime: '14:30',
      place: '社区党群服务中心二楼会议室',
      chairId: people[0]!.id,
      recorderId: people[1]!.id,
      status: 'closed',
      sealedAt: at(day),
    }
  })

  const topics: Topic[] = Array.from({ length: size.topics }, (_, i) => {
    const m = meetings[Math.floor((i / size.topics) * meetings.length)]!
    return {
      id: id(3),
      ...base(0),
      createdAt: m.createdAt,
      title: `${r.pick(ISSUES)}问题`,
      description: `居民反映${r.pick(ISSUES)}，${r.pick(ASKS)}。`,
      requestIds: [],
      meetingId: m.id,
      order: i % 5,
      estimatedMinutes: r.int(10, 40),
      status: 'closed',
      researchSummary: `入户走访${r.int(50, 1800)}户，多数居民同意。`,
    }
  })

  // One recent meeting carries a 20-topic agenda.
  const big = meetings[meetings.length - 1]!
  big.title = '年度重大事项集中议事会'
  for (let k = 0; k < 20; k++) {
    topics.push({
      id: id(3),
      ...base(days - 1),
      title: `重大事项第${k + 1}项：${r.pick(ISSUES)}`,
      description: r.pick(ISSUES),
      requestIds: [],
      meetingId: big.id,
      order: k,
      estimatedMinutes: 15,
      status: 'scheduled',
      researchSummary: '已完成入户征求意见。',
    })
  }

  const requests: Request[] = Array.from({ length: size.requests }, (_, i) => {
    const day = Math.floor((i / size.requests) * days)
    const handlingType = r.pick(HANDLING_TYPES)
    const status =
      day < days - 60
        ? r.pick(['resolved', 'closed', 'closed', 'closed', 'rejected'] as const)
        : r.pick(REQUEST_STATUSES)
    const topic = handlingType === 'suggestion' ? topics[Math.floor((i / size.requests) * topics.length)] : undefined
    const requestId = id(4)
    if (topic) topic.requestIds.push(requestId)
    return {
      id: requestId,
      ...base(day),
      channel: r.pick(CHANNELS),
      receivedOn: isoDay(start, day),
      raisedBy:
        r.next() < 0.1 ? { kind: 'anonymous' } : { kind: 'text', name: r.pick([...SURNAMES]) + r.pick([...GIVEN]) },
      place: `${r.int(1, 60)}号楼`,
      category: r.pick(CATEGORIES),
      description: `${r.int(1, 60)}号楼居民反映${r.pick(ISSUES)}，已持续${r.int(2, 30)}天，${r.pick(ASKS)}。`,
      handlingType,
      dueOn: isoDay(start, day + r.int(1, 30)),
      status,
      topicId: topic?.id,
      loopClosedOn: status === 'closed' ? isoDay(start, day + r.int(2, 40)) : undefined,
    }
  })

  const attendance: Attendance[] = Array.from({ length: size.attendance }, (_, i) => {
    const m = meetings[Math.floor((i / size.attendance) * meetings.length)]!
    const p = people[i % people.length]!
    return {
      id: id(5),
      ...base(0),
      createdAt: m.createdAt,
      meetingId: m.id,
      personId: p.id,
      name: p.name,
      partyRole: PRESET_JINCHANG.roles.find((x) => x.id === p.roleIds[0])?.name,
      meetingRole: i % 40 === 0 ? 'nonVoting' : 'voting',
      state: r.next() < 0.88 ? 'present' : r.pick(['absent', 'leave', 'written'] as const),
      arrivedAt: '14:2' + r.int(0, 9),
      walkIn: false,
    }
  })

  const votes: Vote[] = topics.map((t) => {
    const present = r.int(20, 40)
    const against = r.int(0, 6)
    const abstain = r.int(0, 3)
    return {
      id: id(6),
      ...base(0),
      createdAt: t.createdAt,
      meetingId: t.meetingId!,
      topicId: t.id,
      method: r.pick(['hands', 'paper', 'secret'] as const),
      status: 'closed',
      expected: present + r.int(0, 5),
      present,
      counts: { for: present - against - abstain, against, abstain, invalid: 0 },
      quorumRule: { base: 'members', threshold: { kind: 'twoThirds' } },
      passingRule: { base: 'present', threshold: { kind: 'half' } },
      result: 'passed',
      openedAt: t.createdAt,
      closedAt: t.createdAt,
    }
  })

  const resolutions: Resolution[] = topics.map((t, i) => ({
    id: id(7),
    ...base(0),
    createdAt: t.createdAt,
    meetingId: t.meetingId!,
    topicId: t.id,
    voteId: votes[i]!.id,
    text: `经协商表决，同意${t.title.replace('问题', '')}的整改方案，由相关责任单位按期完成。`,
  }))

  const actionItems: ActionItem[] = Array.from({ length: size.actionItems }, (_, i) => {
    const res = resolutions[Math.floor((i / size.actionItems) * resolutions.length)]!
    const day = Math.floor((i / size.actionItems) * days)
    return {
      id: id(8),
      ...base(day),
      meetingId: res.meetingId,
      topicId: res.topicId,
      resolutionId: res.id,
      title: `${r.pick(ISSUES)}整改`,
      owner: r.pick(OWNERS),
      standard: '按方案完成并经居民代表验收',
      dueOn: isoDay(start, day + r.int(7, 90)),
      supervisor: '居务监督委员会',
      status: day < days - 90 ? 'closed' : r.pick(['notStarted', 'inProgress', 'done', 'accepted'] as const),
    }
  })

  return { community, people, meetings, topics, requests, attendance, votes, resolutions, actionItems }
}

/** Photo i: deterministic bytes of the given size (JPEG-like header, noise body). */
export function photo(i: number, bytes: number, communityId: string, ownerId: string): Attachment {
  const r = rng(1000 + i)
  const data = new Uint8Array(bytes)
  data.set([0xff, 0xd8, 0xff, 0xe0])
  for (let k = 4; k < bytes; k += 4) {
    const v = (r.next() * 4294967296) >>> 0
    data[k] = v & 255
    data[k + 1] = (v >>> 8) & 255
    data[k + 2] = (v >>> 16) & 255
    data[k + 3] = (v >>> 24) & 255
  }
  const ts = '2026-01-01T00:00:00.000Z'
  return {
    id: `0190ffff-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
    communityId,
    createdAt: ts,
    updatedAt: ts,
    ownerId,
    ownerKind: 'research',
    name: `现场照片${i + 1}.jpg`,
    mime: 'image/jpeg',
    size: bytes,
    bytes: data,
  }
}

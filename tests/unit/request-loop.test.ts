// The whole loop on one request: a three-hop escalation with several
// departments, the handler and a reassignment, a dispute log, the resolution
// date, closing the loop with satisfaction, and the figures they give.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { addRequest, listRequests, requestEvents, setStatus, triageRequest } from '@/db/requests.repo'
import { answerLine, escalate } from '@/db/escalation.repo'
import { assign } from '@/db/handler.repo'
import { addLogEntry, setDisputeState } from '@/db/request-log.repo'
import { closeLoop } from '@/db/loop.repo'
import { listDepartments, saveDepartments } from '@/db/departments.repo'
import { setClock } from '@/domain/calendar'
import { hopOverdue, lineState, whereNow } from '@/domain/escalation'
import { handlerLoads } from '@/domain/handler'
import { DomainError } from '@/domain/problem'
import { requestFigures, type RequestFigureRow } from '@/domain/request-stats'
import { settlement } from '@/domain/request-log'
import { escalationFormToDocDef } from '@/pdf/docs/escalationForm'
import { pdfTextCompact, pdfTextRaw, renderNode } from './support/pdf'

const C = 'community-1'

async function refused(p: Promise<unknown>): Promise<string[]> {
  try {
    await p
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((x) => x.key)
    throw e
  }
  throw new Error('expected a refusal')
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  await db.communities.add({ id: C, name: '幸福社区', partyOrg: '中共幸福社区委员会', superior: '新华路街道' } as never)
  setClock({ now: () => new Date('2026-12-01T09:00:00+08:00') })
})
afterEach(() => setClock())

const dispute = {
  channel: '居民说事厅',
  receivedOn: '2026-09-01',
  raisedBy: { kind: 'text', name: '赵桂兰' },
  place: '7号楼',
  category: '邻里纠纷',
  description: '7号楼302漏水殃及202，双方多次争吵',
  handlingType: 'escalate',
  dueOn: '2026-09-15',
}

describe('escalation chain', () => {
  it('goes community → street joint meeting → three departments, each answering on its own line', async () => {
    const r = await addRequest(C, dispute, '刘海燕')
    await triageRequest(r.id, {
      decision: 'escalate',
      decidedOn: '2026-09-10',
      by: '王建国',
      reason: '涉及房屋维修责任认定，社区无权处理',
      escalation: { to: '新华路街道综治中心', level: 'street', sentOn: '2026-09-10', dueOn: '2026-09-20' },
    })
    expect(whereNow((await listRequests(C))[0]!.escalations!)).toBe('新华路街道综治中心')
    const hop1 = (await listRequests(C))[0]!.escalations![0]!
    expect(hop1).toMatchObject({ requestId: r.id, from: '幸福社区', at: '2026-09-10' })
    await answerLine(r.id, {
      hopId: hop1.id,
      to: '新华路街道综治中心',
      answer: '提交联席会议，召集部门报到',
      answeredOn: '2026-09-18',
      by: '王建国',
    })
    const hop2 = await escalate(r.id, {
      from: '新华路街道联席会议',
      level: 'department',
      at: '2026-09-25',
      reason: '联席会议决定召集住建、司法、物业主管部门',
      by: '王建国',
      lines: [
        { to: '区住建局', contact: '李科长', dueOn: '2026-10-10' },
        { to: '区司法局', dueOn: '2026-10-10' },
        { to: '街道城建办', dueOn: '2026-10-05' },
      ],
    })
    expect(
      await refused(escalate(r.id, { ...hop2, at: '2026-09-20', lines: [{ to: '区信访局', dueOn: '2026-10-30' }] })),
    ).toEqual(['intake.errors.hopBeforePrevious'])
    expect(
      await refused(escalate(r.id, { ...hop2, at: '2026-09-26', lines: [{ to: 'X', dueOn: '2026-09-20' }] })),
    ).toEqual(['intake.errors.dueBeforeSent'])
    await answerLine(r.id, {
      hopId: hop2.id,
      to: '区住建局',
      answer: '认定为302防水层老化',
      answeredOn: '2026-10-08',
      by: '王建国',
    })
    const after2 = (await listRequests(C))[0]!
    const lines = after2.escalations![1]!.lines
    // On 2026-10-12 the one that answered is answered; the two that did not are overdue.
    expect(lines.map((l) => lineState(l, '2026-10-12'))).toEqual(['answered', 'overdue', 'overdue'])
    expect(hopOverdue(after2.escalations![1]!, '2026-10-12')).toBe(true)
    expect(
      await refused(
        answerLine(r.id, { hopId: hop2.id, to: '区住建局', answer: '再答', answeredOn: '2026-10-09', by: '王建国' }),
      ),
    ).toEqual(['intake.errors.alreadyAnswered'])
    await escalate(r.id, {
      from: '新华路街道',
      level: 'district',
      at: '2026-10-20',
      reason: '维修费用分担无法协商一致',
      ask: '请区矛盾纠纷调处中心组织调解',
      by: '王建国',
      lines: [{ to: '区矛盾纠纷调处中心', dueOn: '2026-11-05' }],
    })
    const saved = (await listRequests(C))[0]!
    expect(saved.status).toBe('escalated')
    expect(saved.escalations!.map((h) => h.lines.length)).toEqual([1, 3, 1])
    expect(whereNow(saved.escalations!)).toBe('区矛盾纠纷调处中心')
    expect((await requestEvents(r.id)).filter((e) => e.kind === 'escalated')).toHaveLength(2)
  })

  it('prints the 上报 form with the reason, the course so far, what is asked, the units and the seal place', async () => {
    const hop = {
      id: 'h2',
      requestId: 'r1',
      from: '新华路街道联席会议',
      level: 'department' as const,
      at: '2026-09-25',
      reason: '联席会议决定召集部门报到',
      ask: '请认定漏水责任并督促维修',
      by: '王建国',
      lines: [
        { to: '区住建局', contact: '李科长', dueOn: '2026-10-10' },
        { to: '区司法局', dueOn: '2026-10-10' },
      ],
    }
    const doc = escalationFormToDocDef({
      communityName: '幸福社区',
      partyOrg: '中共幸福社区委员会',
      request: { ...dispute, raisedBy: '赵桂兰' },
      hop,
      earlier: [
        {
          ...hop,
          id: 'h1',
          from: '幸福社区',
          at: '2026-09-10',
          reason: '社区无权处理',
          lines: [{ to: '新华路街道综治中心', dueOn: '2026-09-20', answer: '召集部门报到', answeredOn: '2026-09-18' }],
        },
      ],
      log: [
        {
          id: 'l1',
          on: '2026-09-05',
          kind: 'mediation',
          participants: '赵桂兰、孙明',
          outcome: '未达成一致',
          by: '刘海燕',
        },
      ],
      logKinds: { mediation: '调解' },
      printedOn: '2026-09-25',
    })
    const bytes = await renderNode(doc)
    const text = pdfTextCompact(bytes)
    expect(pdfTextRaw(bytes)).toContain('区住建局李科长2026年10月10日')
    expect(text.indexOf('2026年9月5日调解')).toBeLessThan(text.indexOf('2026年9月10日由幸福社区上报'))
    for (const s of [
      '群众诉求上报单',
      '事由联席会议决定召集部门报到',
      '2026年9月18日答复：召集部门报到',
      '2026年9月5日调解（赵桂兰、孙明）：未达成一致',
      '请求事项请认定漏水责任并督促维修',
      '（盖章）',
    ])
      expect(text).toContain(s)
  })
})

describe('handler, log and closing', () => {
  it('keeps every assignment, logs the talks, dates the settlement and closes the loop once', async () => {
    const r = await addRequest(C, dispute, '刘海燕')
    await assign(r.id, {
      handler: '网格员小周',
      kind: 'grid',
      assignedOn: '2026-09-01',
      dueOn: '2026-09-10',
      by: '王建国',
    })
    await assign(r.id, {
      handler: '人民调解员老孙',
      kind: 'staff',
      assignedOn: '2026-09-05',
      dueOn: '2026-09-30',
      by: '王建国',
      note: '改由调解员',
    })
    expect(
      await refused(
        assign(r.id, { handler: 'X', kind: 'unit', assignedOn: '2026-09-04', dueOn: '2026-09-30', by: '王' }),
      ),
    ).toEqual(['intake.errors.beforeAssigned'])
    await setDisputeState(r.id, { state: 'mediating', by: '刘海燕' })
    for (const [on, kind] of [
      ['2026-09-03', 'visit'],
      ['2026-09-12', 'mediation'],
      ['2026-09-06', 'talk'],
    ] as const)
      await addLogEntry(r.id, { on, kind, participants: '赵桂兰、孙明', outcome: `第${on}次`, by: '老孙' })
    expect(
      await refused(addLogEntry(r.id, { on: '2026-08-30', kind: 'talk', participants: 'a', outcome: 'b', by: 'c' })),
    ).toEqual(['intake.errors.beforeReceived'])
    await setStatus(r.id, 'inProgress', '老孙')
    await setStatus(r.id, 'resolved', '老孙', undefined, '2026-09-28')
    await setDisputeState(r.id, { state: 'settled', by: '老孙' })
    const settled = (await listRequests(C))[0]!
    expect(settled.assignments!.map((a) => a.handler)).toEqual(['网格员小周', '人民调解员老孙'])
    expect(settled.log!.map((e) => e.on).sort()).toEqual(['2026-09-03', '2026-09-06', '2026-09-12'])
    expect(settled).toMatchObject({ resolvedOn: '2026-09-28', disputeState: 'settled' })
    expect(settlement(settled)).toBe('late')
    expect(handlerLoads([settled], () => false, '2026-10-01')).toEqual([
      { handler: '人民调解员老孙', open: 1, overdue: 1 },
    ])
    await closeLoop([r.id], {
      method: 'homeVisit',
      on: '2026-10-02',
      content: '双方签订调解协议',
      by: '老孙',
      satisfaction: 'satisfied',
    })
    expect((await listRequests(C))[0]).toMatchObject({
      status: 'closed',
      resolvedOn: '2026-09-28',
      satisfaction: 'satisfied',
    })
  })

  it('keeps a rejected request rejected (answered, not resolved) when its loop is closed', async () => {
    const r = await addRequest(C, { ...dispute, receivedOn: '2026-11-02', dueOn: '2026-11-10' }, '刘海燕')
    await triageRequest(r.id, {
      decision: 'reject',
      decidedOn: '2026-11-03',
      by: '王建国',
      reason: '属私人财产纠纷，已告知诉讼途径',
    })
    await closeLoop([r.id], {
      method: 'phone',
      on: '2026-11-04',
      content: '已告知',
      by: '刘海燕',
      satisfaction: 'dissatisfied',
    })
    expect((await listRequests(C))[0]).toMatchObject({
      status: 'rejected',
      loopClosedOn: '2026-11-04',
      resolvedOn: undefined,
    })
  })

  it('keeps the department list with contact persons, refusing duplicates', async () => {
    await saveDepartments(C, [{ name: '区住建局', contact: '李科长' }, { name: '区司法局' }])
    expect(await listDepartments(C)).toEqual([{ name: '区住建局', contact: '李科长' }, { name: '区司法局' }])
    expect(await refused(saveDepartments(C, [{ name: '区住建局' }, { name: '区住建局' }]))).toEqual([
      'intake.errors.duplicateUnit',
    ])
  })
})

describe('request figures', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' }
  const rows = (n: number, r: Partial<RequestFigureRow>): RequestFigureRow[] =>
    Array.from({ length: n }, () => ({ receivedOn: '2026-03-01', dueOn: '2026-03-15', ...r }))
  it.each([
    {
      name: 'Mawei: 692 told, 678 satisfied or fair of 692 reached → 98.0%',
      data: [
        ...rows(640, { loopClosedOn: '2026-04-01', satisfaction: 'satisfied' }),
        ...rows(38, { loopClosedOn: '2026-04-01', satisfaction: 'fair' }),
        ...rows(14, { loopClosedOn: '2026-04-01', satisfaction: 'dissatisfied' }),
      ],
      expected: { asked: 692, reached: 692, satisfied: 640, fair: 38, dissatisfied: 14 },
      rate: 'satisfactionRate',
      value: 678 / 692,
    },
    {
      name: 'residents not reached are left out of the rate',
      data: [
        ...rows(9, { loopClosedOn: '2026-04-01', satisfaction: 'satisfied' }),
        ...rows(1, { loopClosedOn: '2026-04-01', satisfaction: 'dissatisfied' }),
        ...rows(5, { loopClosedOn: '2026-04-01', satisfaction: 'unreached' }),
        ...rows(3, { loopClosedOn: '2025-12-31', satisfaction: 'satisfied' }),
      ],
      expected: { asked: 15, reached: 10 },
      rate: 'satisfactionRate',
      value: 0.9,
    },
    {
      name: 'Kenli: 5,077 disputes registered, 5,012 settled → 98.7%',
      data: [...rows(5012, { disputeState: 'settled' }), ...rows(65, { disputeState: 'mediating' }), ...rows(100, {})],
      expected: { disputes: 5077, disputesSettled: 5012 },
      rate: 'disputeSettledRate',
      value: 5012 / 5077,
    },
    {
      name: 'on-time settlement against the due date',
      data: [...rows(920, { resolvedOn: '2026-03-15' }), ...rows(6, { resolvedOn: '2026-03-16' })],
      expected: { settled: 926, settledOnTime: 920, settledLate: 6 },
      rate: 'onTimeRate',
      value: 920 / 926,
    },
  ] as const)('$name', ({ data, expected, rate, value }) => {
    const f = requestFigures(data, year)
    expect(f).toMatchObject(expected)
    expect(f[rate]).toBeCloseTo(value, 6)
  })
  it('reads 98.7% for Kenli to one decimal', () => {
    expect((5012 / 5077) * 100).toBeCloseTo(98.7, 1)
  })
})

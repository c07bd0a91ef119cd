import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import {
  accept,
  addProgress,
  carryOverFor,
  evaluate,
  itemDetail,
  listItems,
  reportDone,
  sendBack,
} from '@/db/followup.repo'
import { closeLoop } from '@/db/loop.repo'
import { postResultsNotice } from '@/db/results-notice.repo'
import { statsFor } from '@/db/stats.repo'
import { projectorCarryOver } from '@/db/projector.repo'
import { evaluationSchema } from '@/domain/evaluation'
import { DomainError } from '@/domain/problem'
import type { ActionItem } from '@/domain/resolution'
import type { Request } from '@/domain/request'

const base = { communityId: 'c1', createdAt: '2026-10-10T02:00:00Z', updatedAt: '2026-10-10T02:00:00Z' }
const today = new Date().toISOString().slice(0, 10)

async function seed() {
  await Promise.all(db.tables.map((t) => t.clear()))
  await db.meetings.bulkAdd([
    {
      ...base,
      id: 'm1',
      title: '十月党群议事日',
      type: 'partyMassDay',
      procedureId: 'p',
      stepIndex: 5,
      date: '2026-10-10',
      status: 'closed',
    },
    {
      ...base,
      id: 'm2',
      title: '十一月党群议事日',
      type: 'partyMassDay',
      procedureId: 'p',
      stepIndex: 0,
      date: '2026-11-10',
      status: 'planning',
    },
  ])
  await db.topics.add({
    ...base,
    id: 't1',
    title: '北门积水',
    description: '',
    requestIds: ['q1'],
    meetingId: 'm1',
    order: 1,
    status: 'deliberated',
  })
  await db.resolutions.add({ ...base, id: 'r1', meetingId: 'm1', topicId: 't1', text: '修复北门排水' })
  const item = (id: string, title: string): ActionItem => ({
    ...base,
    id,
    meetingId: 'm1',
    topicId: 't1',
    resolutionId: 'r1',
    title,
    owner: '物业公司',
    standard: '雨后无积水',
    dueOn: '2026-10-30',
    supervisor: '王监督',
    status: 'notStarted',
  })
  await db.actionItems.bulkAdd([item('a1', '疏通排水管'), item('a2', '修补路面')])
  const request: Request = {
    ...base,
    id: 'q1',
    channel: '入户走访',
    receivedOn: '2026-09-20',
    raisedBy: { kind: 'text', name: '赵大爷' },
    category: '道路设施',
    description: '北门一下雨就积水',
    handlingType: 'suggestion',
    dueOn: '2026-10-20',
    status: 'onAgenda',
    topicId: 't1',
  }
  await db.requests.add(request)
}

const counts = async () => ({
  items: await db.actionItems.toArray(),
  events: await db.actionEvents.count(),
  evaluations: await db.evaluations.count(),
})
const refused = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(DomainError)
  return (e as DomainError).problems[0]?.key
}
const ev = (c: number[], reworkReason = '') =>
  evaluationSchema.parse({
    method: 'ballot',
    on: '2026-11-01',
    scale: 'three',
    counts: c,
    reworkReason,
    by: '居民代表',
  })

describe('follow-up repository', () => {
  beforeEach(seed)

  it('refuses bad input and saves nothing', async () => {
    const before = await counts()
    expect(
      await refused(addProgress('a1', { on: '2026-10-09', percent: 10, note: '开工', by: '物业', photoIds: [] })),
    ).toBe('followup.errors.beforeResolution')
    expect(await refused(accept('a1', { on: '2026-10-20', by: '王监督', note: '' }))).toBe(
      'followup.errors.notReported',
    )
    await addProgress('a1', { on: '2026-10-12', percent: 50, note: '已开挖', by: '物业', photoIds: [] })
    await reportDone('a1', { on: '2026-10-20', by: '物业公司', note: '' })
    await accept('a1', { on: '2026-10-21', by: '王监督', note: '' })
    const mid = await counts()
    expect(await refused(evaluate('a1', ev([0, 0, 0])))).toBe('evaluation.errors.zeroCounts')
    expect(await refused(evaluate('a1', ev([20, 11, 19])))).toBe('evaluation.errors.reasonRequired')
    expect(await counts()).toEqual(mid)
    expect(before.events).toBe(0)
  })

  it('runs send back, evaluation, rework and re-evaluation, keeping every round', async () => {
    await reportDone('a1', { on: '2026-10-20', by: '物业公司', note: '' })
    await sendBack('a1', { on: '2026-10-21', by: '王监督', note: '井盖未复位' })
    expect((await db.actionItems.get('a1'))?.status).toBe('inProgress')
    await reportDone('a1', { on: '2026-10-25', by: '物业公司', note: '' })
    await accept('a1', { on: '2026-10-26', by: '王监督', note: '' })
    const first = await evaluate('a1', ev([20, 11, 19], '低洼处仍积水'))
    expect(first).toMatchObject({ round: 1, passed: false })
    expect((await db.actionItems.get('a1'))?.status).toBe('rework')
    await addProgress('a1', { on: '2026-11-01', percent: 80, note: '加装雨水篦子', by: '物业', photoIds: [] })
    await reportDone('a1', { on: '2026-11-02', by: '物业公司', note: '' })
    await accept('a1', { on: '2026-11-02', by: '王监督', note: '' })
    const second = await evaluate('a1', ev([40, 6, 4]))
    expect(second).toMatchObject({ round: 2, passed: true })
    const detail = await itemDetail('a1')
    expect(detail?.item.status).toBe('closed')
    expect(detail?.evaluations.map((e) => e.round)).toEqual([1, 2])
    expect(detail?.events.map((e) => e.kind).sort()).toEqual(
      ['accepted', 'accepted', 'evaluated', 'progress', 'rework', 'sentBack', 'status', 'status', 'status'].sort(),
    )
    expect(detail?.events.every((e) => e.by && e.at)).toBe(true)
  })

  it('carries open items into the next meeting, not into their own', async () => {
    expect((await carryOverFor('m2')).map((i) => i.id).sort()).toEqual(['a1', 'a2'])
    expect(await carryOverFor('m1')).toEqual([])
    expect((await listItems('c1')).find((r) => r.id === 'a1')?.meetingTitle).toBe('十月党群议事日')
  })

  it('puts the carried-over items on the projector agenda, names only, overdue marked', async () => {
    await db.actionItems.update('a2', { status: 'closed' })
    expect(await projectorCarryOver('m2')).toEqual([
      { id: 'a1', title: '疏通排水管', owner: '物业公司', dueOn: '2026-10-30', status: 'notStarted', overdue: true },
    ])
  })

  it('posts a results notice only for closed items', async () => {
    const input = { meetingId: 'm1', actionItemIds: ['a1'], startsOn: today, periodDays: 7, places: ['社区公示栏'] }
    expect(await refused(postResultsNotice(input))).toBe('followup.errors.noticeNeedsClosed')
    await db.actionItems.update('a1', { status: 'closed' })
    const notice = await postResultsNotice(input)
    expect(notice).toMatchObject({ kind: 'results', actionItemIds: ['a1'], periodDays: 7 })
    expect(notice.endsOn! > notice.startsOn!).toBe(true)
  })

  it('closes the loop on the original request with a trail row, and counts it', async () => {
    expect(
      await refused(
        closeLoop(['q1'], {
          method: 'homeVisit',
          on: '2026-09-01',
          content: '已修好',
          by: '网格员',
          satisfaction: 'satisfied',
        }),
      ),
    ).toBe('followup.errors.beforeRequest')
    expect((await db.requests.get('q1'))?.loopClosedOn).toBeUndefined()
    const told = {
      method: 'homeVisit',
      on: '2026-11-05',
      content: '排水已修好',
      by: '网格员',
      satisfaction: 'satisfied',
    }
    await closeLoop(['q1'], told)
    expect(await db.requests.get('q1')).toMatchObject({
      status: 'closed',
      loopClosedOn: '2026-11-05',
      satisfaction: 'satisfied',
    })
    const trail = await db.requestEvents.where('requestId').equals('q1').toArray()
    expect(trail).toMatchObject([{ kind: 'loopClosed', feedback: { method: 'homeVisit' } }])
    const s = await statsFor('c1', { from: '2026-09-01', to: '2026-12-31' })
    expect(s).toMatchObject({ collected: 1, resolved: 1, loopsClosed: 1 })
  })
})

// The statistics month rows: whatever sequence of writes the app makes to
// requests, their trail, their topics' votes (with corrections) and deferrals,
// feedback, rejections, action items and evaluations, the stored month rows
// equal a count from scratch, and the screen's figures read from them equal a
// full recount of the stored rows, for random periods (partial months too).
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { recountStats, statsFor } from '@/db/stats.repo'
import { recountRequestFigures, requestFiguresFor } from '@/db/request-stats.repo'
import { rebuildIn, rebuildStatMonths } from '@/db/aggregates/rebuild'
import { STALE_KEY } from '@/db/aggregates/middleware'
import { HANDLING_TYPES, REQUEST_STATUSES, type Request, type RequestEvent } from '@/domain/request'
import { ACTION_STATUSES, type ActionItem, type Evaluation } from '@/domain/resolution'
import type { Vote } from '@/domain/vote'
import type { Topic } from '@/domain/topic'
import type { StatMonth } from '@/domain/stat-months'

const AT = '2026-01-01T00:00:00.000Z'
const COMMUNITIES = ['c1', 'c2']
const TOPICS = ['t1', 't2', 't3', 't4']

const day = fc
  .tuple(fc.integer({ min: 2025, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

const requestArb = fc.record({
  communityId: fc.constantFrom(...COMMUNITIES),
  receivedOn: day,
  dueOn: day,
  status: fc.constantFrom(...REQUEST_STATUSES),
  channel: fc.constantFrom('热线电话', '微信网格群', '入户走访'),
  handlingType: fc.constantFrom(...HANDLING_TYPES),
  category: fc.constantFrom('道路设施', '环境卫生'),
  topicId: maybe(fc.constantFrom(...TOPICS)),
  // 不予采纳 and the other triage decisions
  triage: maybe(fc.constantFrom('direct', 'reject', 'topic').map((decision) => ({ decision }))),
  // feedback: the loop closed with the resident's satisfaction
  loopClosedOn: maybe(day),
  satisfaction: maybe(fc.constantFrom('satisfied', 'fair', 'dissatisfied', 'unreached')),
  resolvedOn: maybe(day),
  disputeState: maybe(fc.constantFrom('open', 'settled')),
})

const opArb = fc.oneof(
  fc.record({ kind: fc.constant('addRequests' as const), rows: fc.array(requestArb, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('editRequest' as const), pick: fc.nat(), patch: requestArb }),
  fc.record({ kind: fc.constant('deleteRequest' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('addEvent' as const),
    pick: fc.nat(),
    at: day,
    status: maybe(fc.constantFrom(...REQUEST_STATUSES)),
  }),
  fc.record({ kind: fc.constant('deleteEvent' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('vote' as const),
    topicId: fc.constantFrom(...TOPICS),
    closed: fc.boolean(),
    result: fc.constantFrom('passed', 'failed'),
    at: day,
    // a correction replaces an earlier vote
    corrects: maybe(fc.nat()),
  }),
  fc.record({ kind: fc.constant('closeVote' as const), pick: fc.nat(), result: fc.constantFrom('passed', 'failed') }),
  fc.record({ kind: fc.constant('defer' as const), topicId: fc.constantFrom(...TOPICS), deferred: fc.boolean() }),
  fc.record({
    kind: fc.constant('addItems' as const),
    rows: fc.array(
      fc.record({
        communityId: fc.constantFrom(...COMMUNITIES),
        dueOn: day,
        doneOn: maybe(day),
        status: fc.constantFrom(...ACTION_STATUSES),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  fc.record({ kind: fc.constant('modifyItem' as const), pick: fc.nat(), doneOn: maybe(day) }),
  fc.record({
    kind: fc.constant('evaluate' as const),
    pick: fc.nat(),
    on: day,
    round: fc.integer({ min: 1, max: 3 }),
    counts: fc.array(fc.nat({ max: 9 }), { minLength: 3, maxLength: 3 }),
    passed: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('clear' as const), table: fc.constantFrom('requests', 'votes', 'requestEvents') }),
  fc.record({ kind: fc.constant('rebuild' as const) }),
)
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never

let seq = 0
const id = (p: string) => `${p}${String(++seq).padStart(6, '0')}`
const base = () => ({ createdAt: AT, updatedAt: AT })
async function pick(table: { toCollection(): { primaryKeys(): Promise<unknown[]> } }, n: number) {
  const keys = (await table.toCollection().primaryKeys()) as string[]
  return keys.length > 0 ? keys[n % keys.length] : undefined
}

async function apply(op: Op): Promise<void> {
  switch (op.kind) {
    case 'addRequests':
      await db.requests.bulkAdd(
        op.rows.map((r) => ({ ...r, ...base(), id: id('q'), description: '诉求' })) as unknown as Request[],
      )
      break
    case 'editRequest': {
      const key = await pick(db.requests, op.pick)
      const { communityId: _kept, ...patch } = op.patch
      if (key) await db.requests.update(key, patch as Partial<Request>)
      break
    }
    case 'deleteRequest': {
      const key = await pick(db.requests, op.pick)
      if (key) await db.requests.delete(key)
      break
    }
    case 'addEvent': {
      const key = await pick(db.requests, op.pick)
      if (key)
        await db.requestEvents.add({
          ...base(),
          id: id('e'),
          communityId: 'c1',
          requestId: key,
          at: `${op.at}T08:00:00.000Z`,
          status: op.status,
        } as unknown as RequestEvent)
      break
    }
    case 'deleteEvent': {
      const key = await pick(db.requestEvents, op.pick)
      if (key) await db.requestEvents.delete(key)
      break
    }
    case 'vote': {
      // A correction is a new vote on the same topic that replaces an earlier one.
      const same = db.votes.where('topicId').equals(op.topicId)
      const corrected = op.corrects === undefined ? undefined : await pick({ toCollection: () => same }, op.corrects)
      const at = `${op.at}T09:00:00.000Z`
      await db.votes.add({
        ...base(),
        id: id('v'),
        communityId: 'c1',
        meetingId: 'm1',
        topicId: op.topicId,
        method: 'show',
        status: op.closed ? 'closed' : 'open',
        result: op.closed ? op.result : undefined,
        openedAt: at,
        closedAt: op.closed ? at : undefined,
        correctsVoteId: corrected,
      } as unknown as Vote)
      break
    }
    case 'closeVote': {
      const key = await pick(db.votes, op.pick)
      if (key) await db.votes.update(key, { status: 'closed', result: op.result, closedAt: '2026-06-01T10:00:00.000Z' })
      break
    }
    case 'defer':
      await db.topics.put({
        ...base(),
        id: op.topicId,
        communityId: 'c1',
        meetingId: 'm1',
        title: '议题',
        status: op.deferred ? 'deferred' : 'onAgenda',
      } as unknown as Topic)
      break
    case 'addItems':
      await db.actionItems.bulkAdd(
        op.rows.map((r) => ({
          ...r,
          ...base(),
          id: id('a'),
          meetingId: 'm1',
          topicId: 't1',
          resolutionId: 'r1',
        })) as unknown as ActionItem[],
      )
      break
    case 'modifyItem': {
      const key = await pick(db.actionItems, op.pick)
      if (key) await db.actionItems.update(key, { doneOn: op.doneOn, status: op.doneOn ? 'done' : 'inProgress' })
      break
    }
    case 'evaluate': {
      const key = await pick(db.actionItems, op.pick)
      const item = key ? await db.actionItems.get(key) : undefined
      if (item)
        await db.evaluations.add({
          ...base(),
          id: id('ev'),
          communityId: item.communityId,
          actionItemId: item.id,
          round: op.round,
          method: 'meeting',
          on: op.on,
          scale: 'three',
          counts: op.counts,
          rate: 0,
          passed: op.passed,
        } as Evaluation)
      break
    }
    case 'clear':
      await db.table(op.table).clear()
      break
    case 'rebuild':
      await rebuildStatMonths(db)
      break
  }
}

const sortMonths = (ms: StatMonth[]) =>
  [...ms].sort((a, b) => (a.communityId + a.month).localeCompare(b.communityId + b.month))

/** The month rows as stored, and as counted from scratch over the same rows (without writing them). */
async function storedAndCounted(): Promise<{ stored: StatMonth[]; counted: StatMonth[]; stale: boolean }> {
  let counted: StatMonth[] = []
  const stored = await db.statMonths.toArray()
  // Count in a transaction that is rolled back, so the stored rows stay as the middleware left them.
  await db
    .transaction(
      'rw',
      [db.requests, db.requestEvents, db.votes, db.topics, db.actionItems, db.evaluations, db.statMonths],
      async (tx) => {
        counted = await rebuildIn(tx)
        throw new Error('rollback')
      },
    )
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e
    })
  const stale = stored.some((m) => m.communityId === STALE_KEY[0])
  return { stored: stored.filter((m) => m.communityId !== STALE_KEY[0]), counted, stale }
}

beforeEach(async () => {
  await db.delete()
  await db.open()
})

describe('statistics from month rows', () => {
  it('month rows equal a count from scratch, and the figures equal a full recount, after any writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(day, day), { minLength: 1, maxLength: 3 }),
        async (ops, periods) => {
          await Promise.all(db.tables.map((t) => t.clear()))
          await rebuildStatMonths(db)
          for (const op of ops) await apply(op)
          const { stored, counted, stale } = await storedAndCounted()
          if (!stale) expect(sortMonths(stored)).toEqual(sortMonths(counted))
          for (const [a, b] of periods) {
            const period = a <= b ? { from: a, to: b } : { from: b, to: a }
            for (const c of COMMUNITIES) {
              expect(await statsFor(c, period)).toEqual(await recountStats(c, period))
              expect(await requestFiguresFor(c, period)).toEqual(await recountRequestFigures(c, period))
            }
          }
          // After a rebuild the month rows answer (not the fallback), with the same figures.
          await rebuildStatMonths(db)
          expect(await db.statMonths.get(STALE_KEY)).toBeUndefined()
          const [a, b] = periods[0]!
          const period = a <= b ? { from: a, to: b } : { from: b, to: a }
          expect(await statsFor('c1', period)).toEqual(await recountStats('c1', period))
        },
      ),
      { numRuns: 60 },
    )
  }, 120_000)

  it('a vote correction moves a request from 已解决 to not, in the same transaction as the vote', async () => {
    await db.topics.put({ ...base(), id: 't1', communityId: 'c1', meetingId: 'm1', status: 'decided' } as never)
    await db.requests.add({
      ...base(),
      id: 'q1',
      communityId: 'c1',
      receivedOn: '2026-03-02',
      dueOn: '2026-03-20',
      status: 'closed',
      channel: '热线电话',
      handlingType: 'suggestion',
      category: '道路设施',
      topicId: 't1',
      triage: { decision: 'topic' },
    } as never)
    const vote = { ...base(), communityId: 'c1', meetingId: 'm1', topicId: 't1', method: 'show', status: 'closed' }
    await db.votes.add({ ...vote, id: 'v1', result: 'passed', openedAt: AT, closedAt: AT } as never)
    const period = { from: '2026-03-01', to: '2026-03-31' }
    expect(await statsFor('c1', period)).toMatchObject({ collected: 1, resolved: 1 })
    const later = '2026-03-05T00:00:00.000Z'
    await db.votes.add({
      ...vote,
      id: 'v2',
      result: 'failed',
      correctsVoteId: 'v1',
      openedAt: later,
      closedAt: later,
    } as never)
    expect(await statsFor('c1', period)).toMatchObject({ collected: 1, resolved: 0, answered: 1 })
    await db.topics.update('t1', { status: 'deferred' })
    expect(await statsFor('c1', period)).toMatchObject({ collected: 1, resolved: 0 })
    expect(await db.statMonths.get(STALE_KEY)).toBeUndefined()
  })
})

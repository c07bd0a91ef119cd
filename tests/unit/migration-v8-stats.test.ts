// Version 8 adds the statistics month rows (statMonths) and counts them for the
// data already there. A database made by the version before (5: version 1's
// tables plus the street's, copied here as they shipped) with requests on a
// corrected vote and a deferred topic, feedback, a rejection, action items and
// evaluations opens under it with every row kept, and the statistics read from
// the new rows equal a full recount.
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { db, DB_NAME } from '@/db/schema'
import { recountStats, statsFor } from '@/db/stats.repo'
import { recountRequestFigures, requestFiguresFor } from '@/db/request-stats.repo'

const V1 = {
  communities: 'id',
  requests: 'id, communityId, [communityId+receivedOn], status, handlingType, channel, category, topicId, dueOn',
  requestEvents: 'id, requestId',
  topics: 'id, communityId, meetingId, status',
  votes: 'id, meetingId, topicId, status',
  actionItems: 'id, communityId, meetingId, resolutionId, status, dueOn',
  evaluations: 'id, actionItemId',
  settings: 'key',
}
const V5 = { streetOffices: 'id', streetRecords: 'id, [communityId+table]' }
const AT = '2026-01-05T00:00:00.000Z'
const base = { communityId: 'c1', createdAt: AT, updatedAt: AT }
const request = (id: string, over: Record<string, unknown>) => ({
  ...base,
  id,
  receivedOn: '2026-01-10',
  dueOn: '2026-01-20',
  status: 'closed',
  channel: '热线电话',
  handlingType: 'suggestion',
  category: '道路设施',
  description: '诉求',
  ...over,
})
const vote = { ...base, meetingId: 'm1', method: 'show', status: 'closed' }
const ROWS = {
  topics: [
    { ...base, id: 't1', meetingId: 'm1', status: 'decided' },
    { ...base, id: 't2', meetingId: 'm1', status: 'deferred' },
  ],
  votes: [
    { ...vote, id: 'v1', topicId: 't1', result: 'failed', openedAt: AT, closedAt: AT },
    // the correction that stands: the topic passed
    { ...vote, id: 'v2', topicId: 't1', result: 'passed', correctsVoteId: 'v1', openedAt: AT, closedAt: AT },
  ],
  requests: [
    request('q1', { topicId: 't1', triage: { decision: 'topic' } }),
    request('q2', { topicId: 't2', triage: { decision: 'topic' }, receivedOn: '2026-02-03' }),
    request('q3', { status: 'rejected', triage: { decision: 'reject' }, loopClosedOn: '2026-01-15' }),
    request('q4', { loopClosedOn: '2026-02-01', satisfaction: 'fair', resolvedOn: '2026-01-25' }),
    request('q5', { status: 'inProgress', disputeState: 'open', receivedOn: '2025-12-30' }),
  ],
  requestEvents: [{ ...base, id: 'e1', requestId: 'q1', at: '2026-01-12T03:00:00.000Z', status: 'resolved' }],
  actionItems: [
    {
      ...base,
      id: 'a1',
      meetingId: 'm1',
      resolutionId: 'r1',
      dueOn: '2026-01-31',
      doneOn: '2026-01-30',
      status: 'done',
    },
    { ...base, id: 'a2', meetingId: 'm1', resolutionId: 'r1', dueOn: '2026-02-10', status: 'inProgress' },
  ],
  evaluations: [
    {
      ...base,
      id: 'x1',
      actionItemId: 'a1',
      round: 1,
      on: '2026-02-02',
      scale: 'three',
      counts: [5, 2, 1],
      passed: true,
    },
  ],
}

describe('schema version 8 (statistics month rows)', () => {
  it('opens a version 5 database, keeps its rows, and counts the month rows for them', async () => {
    const old = new Dexie(DB_NAME)
    old.version(1).stores(V1)
    old.version(5).stores(V5)
    await old.open()
    for (const [table, rows] of Object.entries(ROWS)) await old.table(table).bulkAdd(rows)
    old.close()

    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(8)
    for (const [table, rows] of Object.entries(ROWS)) expect(await db.table(table).toArray(), table).toEqual(rows)
    expect((await db.statMonths.toArray()).map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02'])
    for (const period of [
      { from: '2025-12-01', to: '2026-02-28' },
      { from: '2026-01-11', to: '2026-02-01' },
    ]) {
      expect(await statsFor('c1', period)).toEqual(await recountStats('c1', period))
      expect(await requestFiguresFor('c1', period)).toEqual(await recountRequestFigures('c1', period))
    }
    // q1 is resolved (its topic's corrected vote passed), q2 is not (deferred), q3 is answered only.
    expect(await statsFor('c1', { from: '2026-01-01', to: '2026-01-31' })).toMatchObject({
      collected: 3,
      resolved: 2,
      answered: 3,
    })
    db.close()
  })
})

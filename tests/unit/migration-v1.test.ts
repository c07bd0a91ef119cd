// Every schema version stays in schema.ts with its upgrade. These tests open a
// database made by the version before (v1, its store list copied here as it
// shipped) with data, and check every row survives; a failing upgrade must
// leave the old version intact; and the data is backed up before upgrading.
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { ShangliangDb } from '@/db/schema'
import { backupBeforeMigration, storedVersion } from '@/db/migrations.repo'
import { inspectArchive } from '@/db/archive.repo'

/** The v1 schema exactly as shipped (copied, not imported: later versions must still open a database it made). */
const V1 = {
  communities: 'id',
  people: 'id, communityId, [communityId+name]',
  contacts: 'id, communityId',
  rolePresets: 'id, communityId',
  bodies: 'id, communityId',
  templates: 'id, communityId',
  meetings: 'id, communityId, [communityId+date], status',
  participants: 'id, meetingId, personId',
  attendance: 'id, meetingId, personId',
  requests: 'id, communityId, [communityId+receivedOn], status, handlingType, channel, category, topicId, dueOn',
  requestEvents: 'id, requestId',
  topics: 'id, communityId, meetingId, status',
  topicEvents: 'id, topicId',
  research: 'id, topicId',
  canvasses: 'id, topicId',
  options: 'id, topicId',
  attachments: 'id, ownerId',
  speakers: 'id, meetingId, topicId',
  statements: 'id, meetingId, topicId',
  recusals: 'id, meetingId, topicId',
  votes: 'id, meetingId, topicId, status',
  resolutions: 'id, meetingId, topicId',
  actionItems: 'id, communityId, meetingId, resolutionId, status, dueOn',
  actionEvents: 'id, actionItemId',
  evaluations: 'id, actionItemId',
  notices: 'id, communityId, meetingId, kind',
  objections: 'id, noticeId',
  filings: 'id, meetingId',
  seals: 'id, communityId, meetingId, [meetingId+seq]',
  amendments: 'id, targetId',
  auditLog: 'id, communityId, at',
  projection: 'id',
  settings: 'key',
}

const AT = '2026-11-01T00:00:00.000Z'
async function makeV1(name: string): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name)
  old.version(1).stores(V1)
  const rows: Record<string, unknown[]> = {
    communities: [{ id: 'c1', communityId: 'c1', name: '河西村', createdAt: AT, updatedAt: AT }],
    people: Array.from({ length: 20 }, (_, i) => ({
      id: `p${String(i).padStart(2, '0')}`,
      communityId: 'c1',
      name: `村民${i}`,
      roleIds: [],
      active: true,
      createdAt: AT,
      updatedAt: AT,
    })),
    contacts: [{ id: 'p01', communityId: 'c1', phone: '13900001111', updatedAt: AT }],
    meetings: [
      {
        id: 'm1',
        communityId: 'c1',
        title: '村民代表会议',
        status: 'closed',
        date: '2026-11-01',
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    votes: [
      {
        id: 'v1',
        communityId: 'c1',
        meetingId: 'm1',
        topicId: 't1',
        status: 'final',
        for: 12,
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    attachments: [
      { id: 'f1', communityId: 'c1', ownerId: 't1', bytes: new Uint8Array([1, 2, 3]), createdAt: AT, updatedAt: AT },
    ],
  }
  await old.open()
  await old.transaction('rw', old.tables, async () => {
    for (const [t, list] of Object.entries(rows)) await old.table(t).bulkAdd(list)
  })
  old.close()
  return rows
}

describe('schema migrations', () => {
  it('the current schema opens a v1 database with data and keeps every row', async () => {
    const rows = await makeV1('mig-keep')
    const current = new ShangliangDb('mig-keep')
    await current.open()
    for (const [t, list] of Object.entries(rows)) expect(await current.table(t).toArray(), t).toEqual(list)
    current.close()
  })

  it('a failing upgrade leaves the old version and its data intact', async () => {
    const rows = await makeV1('mig-fail')
    class Broken extends ShangliangDb {
      constructor(name: string) {
        super(name)
        this.version(2)
          .stores({})
          .upgrade(async (tx) => {
            await tx.table('people').toCollection().modify({ name: '改过' })
            throw new Error('upgrade failed half-way')
          })
      }
    }
    await expect(new Broken('mig-fail').open()).rejects.toThrow()
    expect(await storedVersion('mig-fail')).toBe(1)
    const again = new ShangliangDb('mig-fail')
    await again.open()
    expect(await again.people.toArray()).toEqual(rows.people)
    again.close()
  })

  it('the stored data is backed up before an upgrade, and not when none is due', async () => {
    const rows = await makeV1('mig-backup')
    const written: Uint8Array[] = []
    const write = async (bytes: Uint8Array) => written.push(bytes)
    expect(await backupBeforeMigration(write, 'mig-backup', 1)).toBe(false)
    expect(await backupBeforeMigration(write, 'mig-backup', 2)).toBe(true)
    const content = await inspectArchive(written[0]!)
    expect(content.tables.people).toEqual(rows.people)
    expect(content.tables.attachments).toEqual(rows.attachments)
    expect(await backupBeforeMigration(write, 'no-such-db', 2)).toBe(false)
  })
})

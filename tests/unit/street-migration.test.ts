// Version 5 adds the street office's tables. A database made by version 1
// (with data) opens under it, keeps every row, and gets the new tables empty.
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { ShangliangDb } from '@/db/schema'

const V1 = {
  communities: 'id',
  people: 'id, communityId, [communityId+name]',
  requests: 'id, communityId, [communityId+receivedOn], status, handlingType, channel, category, topicId, dueOn',
  filings: 'id, meetingId',
  settings: 'key',
}
const AT = '2026-11-01T00:00:00.000Z'
const STREET_TABLES = [
  'streetOffices',
  'officeKeys',
  'knownKeys',
  'streetCommunities',
  'streetPackages',
  'streetRecords',
  'streetHeads',
  'streetFilingReviews',
  'streetEscalationSteps',
  'sentPackages',
  'streetReplies',
]

describe('schema version 5 (street office)', () => {
  it('opens a version 1 database, keeps its rows and adds the street tables empty', async () => {
    const old = new Dexie('mig-street')
    old.version(1).stores(V1)
    const community = { id: 'c1', communityId: 'c1', name: '河西村', createdAt: AT, updatedAt: AT }
    const filing = {
      id: 'f1',
      communityId: 'c1',
      meetingId: 'm1',
      to: '河西镇党委',
      sentOn: '2026-11-02',
      by: '王芳',
      createdAt: AT,
      updatedAt: AT,
    }
    await old.open()
    await old.table('communities').add(community)
    await old.table('filings').add(filing)
    old.close()

    const current = new ShangliangDb('mig-street')
    await current.open()
    expect(current.verno).toBeGreaterThanOrEqual(5)
    expect(await current.communities.toArray()).toEqual([community])
    expect(await current.filings.toArray()).toEqual([filing])
    for (const t of STREET_TABLES) expect(await current.table(t).count(), t).toBe(0)
    await current.streetRecords.add({
      id: 'c1/filings/f1',
      communityId: 'c1',
      table: 'filings',
      rows: [filing],
      updatedAt: AT,
    })
    expect(await current.streetRecords.where('[communityId+table]').equals(['c1', 'filings']).count()).toBe(1)
    current.close()
  })
})

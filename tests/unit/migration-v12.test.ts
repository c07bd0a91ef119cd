// Version 12 gives a notice's postedAt one meaning: the day it went up on the
// board. A database made by version 5 (the version before) with notices
// written by the three old writers opens under it with every postedAt a day,
// and nothing else in the rows changed.
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { ShangliangDb } from '@/db/schema'
import { postedDay } from '@/domain/notice'

/** The tables this test fills, with their indexes as versions 1 and 5 shipped them. */
const V5 = {
  meetings: 'id, communityId, [communityId+date], status',
  notices: 'id, communityId, meetingId, kind',
  streetOffices: 'id',
}
const AT = '2026-11-01T00:00:00.000Z'
const base = { communityId: 'c1', meetingId: 'm1', createdAt: AT, updatedAt: AT, periodDays: 7, places: ['公示栏'] }
const OLD: Record<string, unknown>[] = [
  // recordAgendaNotice: UTC midnight of the day posted
  {
    ...base,
    id: 'n1',
    kind: 'agenda',
    postedAt: '2026-11-20T00:00:00.000Z',
    startsOn: '2026-11-20',
    endsOn: '2026-11-26',
  },
  // postNotice: the moment the secretary recorded it (evening of the 10th in UTC, the 11th in Beijing)
  {
    ...base,
    id: 'n2',
    kind: 'resolution',
    postedAt: '2026-12-10T17:30:00.000Z',
    startsOn: '2026-12-11',
    endsOn: '2026-12-17',
  },
  // postResultsNotice: the moment it was recorded
  {
    ...base,
    id: 'n3',
    kind: 'results',
    postedAt: '2027-03-02T02:00:00.000Z',
    startsOn: '2027-03-02',
    endsOn: '2027-03-08',
    actionItemIds: ['a1'],
  },
  // a draft: never posted
  { ...base, id: 'n4', kind: 'resolution', meetingId: 'm2' },
]

describe('schema version 12 (one meaning of postedAt)', () => {
  it('opens a version 5 database and turns every postedAt into the day it was posted', async () => {
    const old = new Dexie('mig-v12')
    old.version(5).stores(V5)
    await old.open()
    await old.table('notices').bulkAdd(OLD)
    old.close()

    const current = new ShangliangDb('mig-v12')
    await current.open()
    expect(current.verno).toBeGreaterThanOrEqual(12)
    const rows = await current.notices.orderBy('id').toArray()
    expect(rows.map((n) => n.postedAt)).toEqual(['2026-11-20', '2026-12-11', '2027-03-02', undefined])
    // Every other field is as it was.
    expect(rows.map(({ postedAt: _p, ...rest }) => rest)).toEqual(OLD.map(({ postedAt: _p, ...rest }) => rest))
    current.close()
  })

  it('a posted day stays a day; without a start it is the posting moment’s local day', () => {
    expect(postedDay({ postedAt: '2026-11-20', startsOn: '2026-11-20' })).toBe('2026-11-20')
    expect(postedDay({ postedAt: '2026-11-20' })).toBe('2026-11-20')
    expect(postedDay({ postedAt: undefined, startsOn: '2026-11-20' })).toBeUndefined()
    const at = new Date(2026, 10, 20, 9, 30)
    expect(postedDay({ postedAt: at.toISOString() })).toBe('2026-11-20')
  })
})

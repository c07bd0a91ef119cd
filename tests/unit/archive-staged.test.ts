// The import in two stages (archive.repo.ts): prepareImport checks and plans
// without writing; commitImport writes in one transaction. A failure in the
// middle of the write (here: the seal guard refusing a row added to a sealed
// meeting's sheet, after other tables were already written in the same
// transaction) leaves the database exactly as it was. Both stages, and the
// export, report their phases in order.
import { beforeEach, describe, expect, it } from 'vitest'
import { commitImport, databaseHash, exportArchive, prepareImport, readTables } from '@/db/archive.repo'
import { packArchive, type ArchiveRow } from '@/archive/format'
import type { ArchiveProgress } from '@/archive/progress'
import { SealedRecordError } from '@/domain/chain-audit'
import { issuedCodes } from '@/platform'
import { db } from '@/db/schema'
import { COMMUNITY, MEETING, seedCommunity, wipe } from './support/archive-fixture'

const AT = '2026-12-01T08:00:00.000Z'
const phases = (events: ArchiveProgress[]) => [...new Set(events.map((e) => e.phase))]

describe('staged import', () => {
  beforeEach(async () => {
    await wipe()
    await seedCommunity()
  })

  it('prepares without writing, then a refusal in the middle of the write changes nothing', async () => {
    const tables = await readTables()
    // A new action item of another meeting (written first: actionItems sorts before attendance) and a
    // late sign-in on the sealed meeting's sheet, which the seal guard refuses inside the same transaction.
    tables.actionItems = [
      ...(tables.actionItems ?? []),
      { id: 'ai-new', communityId: COMMUNITY, meetingId: 'm-open', title: '修补路灯', createdAt: AT, updatedAt: AT },
    ]
    const late = {
      id: 'a-late',
      communityId: COMMUNITY,
      meetingId: MEETING,
      name: '补签',
      createdAt: AT,
      updatedAt: AT,
    }
    tables.attendance = [...(tables.attendance ?? []), late as ArchiveRow]
    const file = await packArchive({
      tables,
      scope: { communityId: null, from: null, to: null },
      schemaVersion: db.verno,
      createdAt: AT,
      issued: await issuedCodes(),
    })
    const before = await databaseHash()
    const events: ArchiveProgress[] = []
    const prepared = await prepareImport(file, 'merge', { onProgress: (p) => events.push(p) })
    expect(prepared.plan.actionItems).toMatchObject({ adds: 1 })
    expect(prepared.plan.attendance).toMatchObject({ adds: 1 })
    expect(await databaseHash()).toBe(before)
    await expect(commitImport(prepared, (p) => events.push(p))).rejects.toThrow(SealedRecordError)
    expect(await db.actionItems.get('ai-new')).toBeUndefined()
    expect(await databaseHash()).toBe(before)
    expect(phases(events)).toEqual(['unpack', 'rows', 'verify', 'plan', 'write'])
  })

  it('export and import report every phase in order, each ending at 100%', async () => {
    const exported: ArchiveProgress[] = []
    const file = await exportArchive({ onProgress: (p) => exported.push(p) })
    expect(phases(exported)).toEqual(['read', 'audit', 'pack'])
    const before = await databaseHash()
    await wipe()
    const imported: ArchiveProgress[] = []
    const prepared = await prepareImport(file, 'replace', { onProgress: (p) => imported.push(p) })
    await commitImport(prepared, (p) => imported.push(p))
    expect(phases(imported)).toEqual(['unpack', 'rows', 'verify', 'plan', 'write', 'finish'])
    for (const phase of phases(imported)) {
      const last = imported.filter((e) => e.phase === phase).at(-1)!
      expect(last.done).toBe(last.total)
    }
    expect(await databaseHash()).toBe(before)
  })
})

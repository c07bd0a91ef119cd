import { beforeEach, describe, expect, it } from 'vitest'
import { databaseHash, exportArchive, importArchive, readTables } from '@/db/archive.repo'
import { packArchive } from '@/archive/format'
import { ArchiveError } from '@/archive/errors'
import { db } from '@/db/schema'
import { SealedRecordError } from '@/domain/chain-audit'
import { seedCommunity, wipe, COMMUNITY, MEETING } from './support/archive-fixture'

async function refusal(p: Promise<unknown>): Promise<ArchiveError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(ArchiveError)
  return e as ArchiveError
}

describe('sealed records in the data layer', () => {
  beforeEach(async () => {
    await wipe()
    await seedCommunity()
  })
  it('refuses changing or deleting attendance, votes and resolutions of a sealed meeting; an unchanged re-write passes', async () => {
    const before = await databaseHash()
    await expect(db.votes.update('v-1', { for: 6 } as never)).rejects.toThrow(SealedRecordError)
    await expect(db.signInSheets.delete(MEETING)).rejects.toThrow(SealedRecordError)
    const sheet = (await db.signInSheets.get(MEETING))!
    const changed = sheet.rows.map((r, i) => (i === 0 ? { ...r, state: 'absent' as const } : r))
    await expect(db.signInSheets.put({ ...sheet, rows: changed })).rejects.toThrow(SealedRecordError)
    await expect(db.signInSheets.put({ ...sheet, rows: sheet.rows.slice(1) })).rejects.toThrow(SealedRecordError)
    await expect(db.resolutions.put({ ...(await db.resolutions.get('r-1'))!, text: '改过的决议' })).rejects.toThrow(
      SealedRecordError,
    )
    const late = {
      id: 'a-new',
      communityId: COMMUNITY,
      meetingId: MEETING,
      name: '补签',
      createdAt: 'x',
      updatedAt: 'x',
    }
    await expect(db.signInSheets.put({ ...sheet, rows: [...sheet.rows, late as never] })).rejects.toThrow(
      SealedRecordError,
    )
    await expect(db.sealBatches.clear()).rejects.toThrow(SealedRecordError)
    await db.signInSheets.put(sheet)
    await expect(db.votes.clear()).rejects.toThrow(SealedRecordError)
    await db.votes.put((await db.votes.get('v-1'))!)
    expect(await databaseHash()).toBe(before)
  })
})

describe('archive round trip', () => {
  beforeEach(async () => {
    await wipe()
    await seedCommunity()
  })

  it('export → wipe → import → export gives identical canonical hashes', async () => {
    const before = await databaseHash()
    const first = await exportArchive()
    await wipe()
    expect(await databaseHash()).not.toBe(before)
    const r = await importArchive(first, 'replace')
    const after = await databaseHash()
    const second = await exportArchive()
    await wipe()
    await importArchive(second, 'replace')
    console.info(
      `[round trip] ${r.rows} rows, hash before ${before.slice(0, 12)} after ${after.slice(0, 12)}, archive ${first.byteLength} bytes`,
    )
    expect(after).toBe(before)
    expect(await databaseHash()).toBe(before)
    // Attachments come back as bytes, and device-local settings stay out of the file.
    expect((await db.attachments.get('f-1'))?.bytes).toEqual(new Uint8Array([255, 216, 255, 0, 1, 2, 3]))
    expect(await db.settings.count()).toBe(0)
  })

  it('an encrypted archive round trip is identical; wrong passphrase, flipped byte or cut-off end are refused and change nothing', async () => {
    const before = await databaseHash()
    const locked = await exportArchive({ passphrase: '正确的口令 2026' })
    await wipe()
    await importArchive(locked, 'replace', '正确的口令 2026')
    expect(await databaseHash()).toBe(before)
    const flipped = locked.slice()
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01
    const cases: [string, Uint8Array, string | undefined][] = [
      ['wrong passphrase', locked, '错误的口令'],
      ['no passphrase', locked, undefined],
      ['flipped byte', flipped, '正确的口令 2026'],
      ['cut-off end', locked.slice(0, locked.length - 40), '正确的口令 2026'],
    ]
    for (const [label, bytes, pass] of cases) {
      const e = await refusal(importArchive(bytes, 'replace', pass))
      console.info(`[encrypted] ${label}: refused with ${e.key}`)
      expect(['backup.errors.wrongPassphrase', 'backup.errors.needPassphrase']).toContain(e.key)
      expect(await databaseHash()).toBe(before)
    }
  })

  it('a community archive holds only that community, and merging it twice changes nothing', async () => {
    await db.people.put({
      id: 'other-1',
      communityId: 'c-other',
      name: '外社区',
      roleIds: [],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    const mine = await exportArchive({ communityId: COMMUNITY })
    const before = await databaseHash()
    await importArchive(mine, 'merge')
    expect(await databaseHash()).toBe(before)
    await wipe()
    await importArchive(mine, 'replace')
    expect(await db.people.get('other-1')).toBeUndefined()
    expect(await db.people.count()).toBe(6)
  })

  it('merging a file whose sealed vote differs from ours is refused whole', async () => {
    const file = await exportArchive()
    await wipe()
    await seedCommunity({ voteFor: 6 })
    const before = await databaseHash()
    const e = await refusal(importArchive(file, 'merge'))
    expect(e.key).toBe('backup.errors.conflict')
    expect(await databaseHash()).toBe(before)
  })

  it('a tampered database is refused at export, and a hand-made archive of it is refused at import', async () => {
    await wipe()
    await seedCommunity({ voteFor: 6 })
    expect((await refusal(exportArchive())).key).toBe('backup.errors.tampered')
    // The same rows packed by hand, with every checksum recomputed: the chain still does not verify.
    const file = await packArchive({
      tables: await readTables(),
      scope: { communityId: null, from: null, to: null },
      schemaVersion: db.verno,
      createdAt: '2026-12-01T08:00:00.000Z',
    })
    await wipe()
    const e = await refusal(importArchive(file, 'replace'))
    expect(e.key).toBe('backup.errors.brokenChain')
    expect(await db.people.count()).toBe(0)
  })
})

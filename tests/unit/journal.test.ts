import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseHash, readTables } from '@/db/archive.repo'
import { db } from '@/db/schema'
import { canonicalJson } from '@/domain/seal'
import {
  journalName,
  planRecovery,
  readLines,
  snapshotLines,
  snapshotName,
  toLine,
  type JournalFile,
} from '@/db/journal/format'
import {
  journalSettled,
  onJournalFailure,
  startJournal,
  stopJournal,
  takeSnapshot,
  type JournalFailure,
} from '@/db/journal/journal'
import { seedCommunity, wipe, COMMUNITY } from './support/archive-fixture'
import { memoryFiles } from './support/journal-files'

const snapshotOf = async () => canonicalJson(await readTables())

describe('journal: a second copy outside IndexedDB', () => {
  beforeEach(async () => {
    stopJournal()
    await wipe()
  })
  afterEach(() => stopJournal())

  it('rebuilds an emptied database from the snapshot and the writes after it, sealed meeting and attachment bytes included', async () => {
    const files = memoryFiles()
    expect((await startJournal(db, files)).state).toBe('fresh')
    await seedCommunity()
    await takeSnapshot()
    // After the snapshot: a new request, an edit and a deletion, each its own transaction.
    await db.requests.put({
      id: 'q-1',
      communityId: COMMUNITY,
      description: '3号楼路灯不亮',
      status: 'logged',
      createdAt: 'x',
      updatedAt: 'x',
    } as never)
    await db.people.update('p-1', { name: '李秀英（已改名）' })
    await db.contacts.delete('p-5')
    await db.attachments.put({
      id: 'f-2',
      communityId: COMMUNITY,
      ownerId: 't-1',
      name: '会后照片.jpg',
      mime: 'image/jpeg',
      size: 3,
      bytes: new Uint8Array([9, 8, 7]),
      createdAt: 'x',
      updatedAt: 'x',
    } as never)
    await journalSettled()
    // Photos live in files of their own, never inside the journal's lines.
    expect(files.blobs.size).toBe(2)
    expect([...files.files.values()].join('')).not.toContain('AAECAw')
    const before = await snapshotOf()
    const hash = await databaseHash()

    stopJournal()
    await wipe() // what Chromium does to a database it finds damaged
    expect(await db.communities.count()).toBe(0)
    const start = await startJournal(db, files)
    expect(start).toMatchObject({ state: 'recovered', entries: 4 })
    expect(await snapshotOf()).toBe(before)
    expect(await databaseHash()).toBe(hash)
    expect((await db.attachments.get('f-1'))?.bytes).toEqual(new Uint8Array([255, 216, 255, 0, 1, 2, 3]))
    expect((await db.attachments.get('f-2'))?.bytes).toEqual(new Uint8Array([9, 8, 7]))
    // The sealed records came back under the seal: still not editable.
    await expect(db.votes.update('v-1', { for: 6 } as never)).rejects.toThrow()
  })

  it('a save the caller saw finish is on disk in the journal once journalSettled resolves', async () => {
    const files = memoryFiles()
    await startJournal(db, files)
    await seedCommunity()
    await journalSettled()
    // A slow disk: each append lands 30 ms after it is asked for.
    const append = files.append
    files.append = (gen, line) => new Promise((ok) => setTimeout(() => void append(gen, line).then(ok), 30))
    await db.people.update('p-3', { name: '刘洋洋' })
    await journalSettled()
    expect([...files.files.values()].join('')).toContain('刘洋洋')
  })

  it('a journal append that fails reaches the listeners the UI shows, with the reason', async () => {
    const files = memoryFiles()
    await startJournal(db, files)
    await seedCommunity()
    await journalSettled()
    const seen: JournalFailure[] = []
    const stop = onJournalFailure((f) => seen.push(f))
    files.append = () => Promise.reject(new Error('QuotaExceededError'))
    await db.people.update('p-3', { name: '刘洋洋' })
    await journalSettled()
    stop()
    expect(seen).toEqual([expect.objectContaining({ what: 'append', message: 'QuotaExceededError' })])
  })

  it('skips a line cut off by a kill and keeps every whole one', async () => {
    const files = memoryFiles()
    await startJournal(db, files)
    await seedCommunity()
    await takeSnapshot()
    await db.people.update('p-2', { name: '张伟伟' })
    await journalSettled()
    const name = [...files.files.keys()].find((n) => n.startsWith('journal-'))!
    files.files.set(
      name,
      files.files.get(name)! + toLine({ seq: 99, ops: [{ t: 'people', del: ['p-0'] }] }).slice(0, 30),
    )
    stopJournal()
    await wipe()
    expect((await startJournal(db, files)).state).toBe('recovered')
    expect((await db.people.get('p-2'))?.name).toBe('张伟伟')
    expect(await db.people.get('p-0')).toBeDefined()
  })

  it('does not touch a database that has its records, and starts afresh for one that is not its own', async () => {
    const files = memoryFiles()
    await startJournal(db, files)
    await seedCommunity()
    await journalSettled()
    // The first snapshot is not awaited by startJournal; seeding used to outlast it (WebCrypto hashing).
    await takeSnapshot()
    stopJournal()
    expect((await startJournal(db, files)).state).toBe('started')
    stopJournal()
    await db.settings.delete('journal') // a database restored from elsewhere, with its records
    expect((await startJournal(db, files)).state).toBe('fresh')
    expect(await db.communities.count()).toBe(1)
  })
})

describe('journal format', () => {
  const header = (gen: number, seq: number) => ({
    kind: 'snapshot' as const,
    gen,
    seq,
    dbId: 'd',
    at: '2026-11-29T00:00:00Z',
  })

  it('falls back to the older snapshot when the newest was cut off while being written', () => {
    const old = snapshotLines(header(1, 4), [['people', [{ id: 'p-1', name: '旧' }]]]).join('')
    const cut = snapshotLines(header(2, 9), [['people', [{ id: 'p-1', name: '新' }]]])
      .slice(0, 2)
      .join('')
    const journal = [1, 5, 6].map((seq) => toLine({ seq, ops: [{ t: 'people', put: [{ id: `p-${seq}` }] }] })).join('')
    const files: JournalFile[] = [
      { name: snapshotName(1), text: old },
      { name: snapshotName(2), text: cut },
      { name: journalName(1), text: journal },
    ]
    const plan = planRecovery(files)!
    expect(plan.snapshot.header.gen).toBe(1)
    expect(plan.entries.map((e) => e.seq)).toEqual([5, 6])
  })

  it('refuses a line whose checksum does not match, and round-trips bytes', () => {
    const line = toLine({ bytes: new Uint8Array([0, 1, 254, 255]) })
    expect(readLines<{ bytes: Uint8Array }>(line)[0]!.bytes).toEqual(new Uint8Array([0, 1, 254, 255]))
    expect(readLines(line.replace('AAH', 'AAI'))).toEqual([])
    expect(planRecovery([{ name: journalName(1), text: line }])).toBeUndefined()
  })
})

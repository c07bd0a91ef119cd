import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { packArchive } from '@/archive/format'
import { BackupStore } from '../../electron/main/backup/store'
import { backupFileName, parseBackupName } from '../../electron/main/backup/names'
import { backupsToDelete } from '../../electron/main/backup/rotation'
import { checkMessage, IpcRejected } from '../../electron/main/ipc-guard'
import { backupReadPayload, backupWritePayload } from '../../electron/main/ipc-contract'

const archive = (note: string) =>
  packArchive({
    tables: { topics: [{ id: 't1', title: note }] },
    scope: { communityId: null, from: null, to: null },
    schemaVersion: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
  })

describe('backup rotation', () => {
  const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h))
  it('keeps the last 10 plus one per day for 30 days', () => {
    const entries = []
    for (let d = 1; d <= 23; d++)
      for (let h = 0; h < 4; h++) entries.push({ name: `b${d}-${h}`, at: day(d, h * 5), ok: true })
    const doomed = new Set(backupsToDelete(entries, day(23, 23)))
    const kept = entries.filter((e) => !doomed.has(e.name))
    // 10 newest (23rd ×4, 22nd ×4, 21st ×2) + newest of each earlier day (20 days)
    expect(kept).toHaveLength(10 + 20)
    expect(doomed.has('b5-3')).toBe(false)
    expect(doomed.has('b5-2')).toBe(true)
  })
  it('never deletes the last good backup, even when newer ones are bad and it is old', () => {
    const entries = [
      { name: 'good', at: day(1), ok: true },
      ...Array.from({ length: 12 }, (_, i) => ({ name: `bad${i}`, at: day(20 + (i % 3), i), ok: false })),
    ]
    expect(backupsToDelete(entries, new Date(Date.UTC(2027, 5, 1)))).not.toContain('good')
  })
  it('names round-trip and nothing else parses', () => {
    const at = new Date('2026-11-23T10:11:12.345Z')
    expect(parseBackupName(backupFileName(at, 'meetingClosed'))).toEqual({ at, reason: 'meetingClosed' })
    for (const bad of [
      '../shangliang-20261123T101112345Z-manual.slarchive',
      'shangliang-x-manual.slarchive',
      'CON',
      '/etc/passwd',
      'a\u0000b',
    ])
      expect(parseBackupName(bad)).toBeNull()
  })
})

describe('backup store', () => {
  it('writes, reads back and lists; refuses bytes that are not a valid archive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sl-backup-'))
    const store = new BackupStore(dir)
    const bytes = await archive('北门')
    const r = await store.write(bytes, 'manual', new Date('2026-11-23T10:00:00.000Z'))
    expect(r).toMatchObject({ ok: true })
    expect(await store.read((await store.list())[0]!.name)).toEqual(bytes)
    const torn = bytes.slice(0, bytes.length - 10)
    expect(await store.write(torn, 'manual')).toMatchObject({ ok: false })
    expect(await store.list()).toHaveLength(1)
  })

  it('replaces a listed backup under its own name (a rewrite); refuses unknown names and bad bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sl-replace-'))
    const store = new BackupStore(dir)
    await store.write(await archive('北门'), 'interval', new Date('2026-11-23T10:00:00.000Z'))
    const [listed] = await store.list()
    const next = await archive('北门（已重写）')
    expect(await store.replace(listed!.name, next)).toEqual({ ok: true })
    expect(await store.read(listed!.name)).toEqual(next)
    expect(await store.list()).toMatchObject([{ name: listed!.name, at: listed!.at, reason: 'interval' }])
    expect(await store.replace('../outside.slarchive', next)).toEqual({ ok: false, message: 'notFound' })
    expect(await store.replace(listed!.name, next.slice(0, 40))).toMatchObject({ ok: false })
    expect(await store.read(listed!.name)).toEqual(next)
    expect(await readdir(dir)).toEqual([listed!.name])
  })

  it('path-traversal names never read or write outside the folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sl-trav-'))
    const dir = join(root, 'backups')
    const store = new BackupStore(dir)
    await store.write(await archive('x'), 'manual')
    await writeFile(join(root, 'secret.slarchive'), 'outside')
    const attempts = [
      '../secret.slarchive',
      `${root}/secret.slarchive`,
      'a\u0000b',
      'CON',
      'nul.slarchive',
      '..\\secret.slarchive',
      '%2e%2e/secret',
      'shangliang-20261123T000000000Z-manual.slarchive/../../secret.slarchive',
    ]
    for (const name of attempts) expect(await store.read(name)).toBeNull()
    expect(await readdir(root)).toEqual(['backups', 'secret.slarchive'])
  })
})

describe('backup IPC contract', () => {
  const own = new Set([1])
  const trusted = { id: 1, frameUrl: 'app://shangliang/index.html' }
  it('refuses foreign senders and 2,000 malformed payloads', async () => {
    const good = { bytes: new Uint8Array([1]), reason: 'manual', target: 'app' }
    for (const sender of [
      { id: 2, frameUrl: 'app://shangliang/index.html' },
      { id: 1, frameUrl: 'https://evil.example/' },
      { id: 1, frameUrl: undefined },
    ])
      expect(() => checkMessage(sender, own, backupWritePayload, good)).toThrow(IpcRejected)
    let refused = 0
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (payload) => {
        try {
          checkMessage(trusted, own, backupWritePayload, payload)
          return false
        } catch (e) {
          refused += 1
          return e instanceof IpcRejected
        }
      }),
      { numRuns: 2000 },
    )
    expect(() => checkMessage(trusted, own, backupReadPayload, { target: 'app', name: 'x', path: '/etc' })).toThrow(
      IpcRejected,
    )
    expect(() => checkMessage(trusted, own, backupWritePayload, { ...good, target: '/media/usb' })).toThrow(IpcRejected)
    console.info(`[ipc] 2000 malformed payloads, refused ${refused}`)
  })
})

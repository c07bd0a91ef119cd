// The backup writer killed at random moments: a child process replaces one
// target with archive A or B and writes rotated backups; after SIGKILL the
// target is always exactly A or B, and every listed backup verifies.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packArchive } from '@/archive/format'
import { checkArchiveFile } from '@/archive/frame'
import { BackupStore } from '../../electron/main/backup/store'

const RUNS = 100
const CHILD_SOURCE = resolve('tests/unit/support/backup-child.ts')
let childScript = ''

/** The child is bundled once to plain JS, so each of the 100 starts is a bare Node start. */
async function bundleChild(dir: string): Promise<string> {
  const { build } = await import('rolldown')
  const file = join(dir, 'backup-child.mjs')
  await build({ input: CHILD_SOURCE, platform: 'node', output: { file, format: 'esm' }, logLevel: 'silent' })
  return file
}

async function bigArchive(seed: number): Promise<Uint8Array> {
  // ~0.8 MB of incompressible attachment bytes, so a write takes long enough to be cut.
  const bytes = new Uint8Array(800_000)
  for (let i = 0; i < bytes.length; i += 65536)
    crypto.getRandomValues(bytes.subarray(i, Math.min(i + 65536, bytes.length)))
  return packArchive({
    tables: { attachments: [{ id: `f${seed}`, name: '照片.jpg', bytes }] },
    scope: { communityId: null, from: null, to: null },
    schemaVersion: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
  })
}

function runAndKill(args: string[], afterMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs))
    child.on('exit', () => done())
    child.on('error', fail)
  })
}

describe('backup writer under SIGKILL', () => {
  it(`${RUNS} runs: the target is always the old or the new valid backup`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sl-kill-'))
    childScript = await bundleChild(dir)
    const [a, b] = [await bigArchive(1), await bigArchive(2)]
    await writeFile(join(dir, 'a.bin'), a)
    await writeFile(join(dir, 'b.bin'), b)
    const tally = { runs: 0, targetA: 0, targetB: 0, targetMissing: 0, torn: 0, backupsChecked: 0, badBackups: 0 }
    for (let run = 0; run < RUNS; run++) {
      const runDir = await mkdtemp(join(dir, 'run-'))
      await runAndKill([runDir, join(dir, 'a.bin'), join(dir, 'b.bin')], Math.floor(Math.random() * 120))
      tally.runs += 1
      const target = await readFile(join(runDir, 'target.slarchive')).catch(() => null)
      if (!target) tally.targetMissing += 1
      else if (Buffer.compare(target, Buffer.from(a)) === 0) tally.targetA += 1
      else if (Buffer.compare(target, Buffer.from(b)) === 0) tally.targetB += 1
      else tally.torn += 1
      const store = new BackupStore(join(runDir, 'rotated'))
      for (const backup of await store.list()) {
        tally.backupsChecked += 1
        if (!(await checkArchiveFile((await store.read(backup.name))!)).ok) tally.badBackups += 1
      }
    }
    console.info(`[kill] ${JSON.stringify(tally)}`)
    expect(tally.torn).toBe(0)
    expect(tally.badBackups).toBe(0)
    // The kill must really land mid-way in most runs, or the test proves nothing.
    expect(tally.targetA + tally.targetB).toBeGreaterThan(RUNS / 2)
  }, 600_000)
})

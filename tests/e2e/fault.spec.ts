// Faults during a live meeting, in Chromium with a persistent profile: the
// renderer crashed (CDP Page.crash) and the whole browser SIGKILLed at random
// moments, 20 runs each. Votes are written through the app's own data layer
// (one strict-durability Dexie transaction for the vote and its resolution,
// copied to the journal); every vote the page saw committed must be there
// after the restart, whole. Chromium 156 sometimes finds its IndexedDB files
// damaged after a SIGKILL and deletes them: the app then rebuilds the
// database from its journal, and the test counts those recoveries.
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, openSync, readdirSync, readSync, statSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS } from '../../playwright.config'
import { setUpCommunity, shot } from './support/app'

const RUNS = Number(process.env.FAULT_RUNS ?? 20)
const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173)}`

test.describe.configure({ mode: 'serial' })

async function launch(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    baseURL: BASE,
    locale: 'zh-CN',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

/** Starts writing votes in the page until it dies; committed ids are reported through the console. */
async function startVoting(page: Page, run: number, committed: Set<string>): Promise<void> {
  page.on('console', (m) => {
    const t = m.text()
    if (t.startsWith('committed:')) committed.add(t.slice(10))
  })
  await page.evaluate((run) => {
    type Hook = { writeVote(vote: object, resolution: object): Promise<void> }
    const hook = (window as unknown as { shangliangFault: Hook }).shangliangFault
    void (async () => {
      for (let n = 0; ; n++) {
        const id = `vote-${run}-${n}`
        const ballots = Array.from({ length: 30 }, (_, i) => ({
          personId: `p${i}`,
          choice: ['for', 'against', 'abstain'][(i + n) % 3],
        }))
        const tally = ballots.filter((b) => b.choice === 'for').length
        const now = new Date().toISOString()
        await hook.writeVote(
          {
            id,
            communityId: 'c',
            meetingId: 'live',
            topicId: 't',
            status: 'final',
            ballots,
            for: tally,
            createdAt: now,
            updatedAt: now,
          },
          {
            id: `res-${id}`,
            communityId: 'c',
            meetingId: 'live',
            topicId: 't',
            voteId: id,
            for: tally,
            createdAt: now,
            updatedAt: now,
          },
        )
        console.log(`committed:${id}`)
      }
    })()
  }, run)
}

/** Every vote present, checked whole: its ballots add up and its resolution is there. */
async function readVotes(page: Page): Promise<{ ids: string[]; torn: string[] }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('shangliang')
    const db: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)))
    const all = <T>(store: string): Promise<T[]> =>
      new Promise((ok) => {
        const r = db.transaction(store).objectStore(store).getAll()
        r.onsuccess = () => ok(r.result as T[])
      })
    type V = { id: string; for: number; ballots: { choice: string }[] }
    const votes = (await all<V>('votes')).filter((v) => v.id.startsWith('vote-'))
    const res = new Map((await all<{ voteId: string; for: number }>('resolutions')).map((r) => [r.voteId, r]))
    const torn = votes
      .filter(
        (v) =>
          v.ballots?.length !== 30 ||
          v.ballots.filter((b) => b.choice === 'for').length !== v.for ||
          res.get(v.id)?.for !== v.for,
      )
      .map((v) => v.id)
    for (const r of res.keys()) if (r.startsWith('vote-') && !votes.some((v) => v.id === r)) torn.push(r)
    db.close()
    return { ids: votes.map((v) => v.id), torn }
  })
}

function profileProcesses(dir: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(dir))
}

/**
 * Kills the browser like a power cut: SIGKILL to its whole process group (the
 * storage service included), then waits until none of it runs any more —
 * otherwise a half-dead storage process could still hold the profile.
 */
async function killBrowser(dir: string): Promise<void> {
  const pid = browserPid(dir)
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    process.kill(pid, 'SIGKILL')
  }
  for (let i = 0; i < 100 && profileProcesses(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 100))
}

/**
 * What the kill sometimes does by itself: a damaged record at the end of
 * IndexedDB's write-ahead log. Chromium then finds a checksum mismatch and
 * deletes the origin's databases on the next start.
 */
function damageIndexedDb(dir: string): void {
  const root = join(dir, 'Default', 'IndexedDB')
  const folder = readdirSync(root).find((n) => n.endsWith('.indexeddb.leveldb'))
  if (!folder) throw new Error('no IndexedDB folder')
  const logs = readdirSync(join(root, folder))
    .filter((n) => n.endsWith('.log'))
    .map((n) => join(root, folder, n))
    .sort((a, b) => statSync(b).size - statSync(a).size)
  const file = logs[0]
  if (!file || statSync(file).size < 200) throw new Error('no IndexedDB log to damage')
  const fd = openSync(file, 'r+')
  const at = statSync(file).size - 100
  const byte = Buffer.alloc(1)
  readSync(fd, byte, 0, 1, at)
  byte[0] = byte[0]! ^ 0xff
  writeSync(fd, byte, 0, 1, at)
  closeSync(fd)
}

function browserPid(dir: string): number {
  // Our own browser only: the main process (no --type=) started with this profile folder.
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
  const line = out.split('\n').find((l) => l.includes(`--user-data-dir=${dir}`) && !l.includes('--type='))
  if (!line) throw new Error('browser process not found')
  return Number(line.trim().split(/\s+/)[0])
}

/** Opens the console with the fault hook; it is there once startup (and any recovery) is done. */
async function openConsole(page: Page): Promise<void> {
  await page.goto('/?fault-hooks#/meetings')
  await page.waitForFunction(() => 'shangliangFault' in window)
}

async function faultRuns(kind: 'crash' | 'sigkill') {
  const dir = mkdtempSync(join(tmpdir(), `sl-fault-${kind}-`))
  let { context, page } = await launch(dir)
  await setUpCommunity(page)
  const committed = new Set<string>()
  const tally = { runs: 0, committed: 0, lost: 0, torn: 0, present: 0, damaged: 0, recovered: 0 }
  const watchRecovery = (p: Page) =>
    p.on('console', (m) => void (m.text().startsWith('[journal] recovered') && (tally.recovered += 1)))
  watchRecovery(page)
  const lost = new Set<string>()
  for (let run = 0; run < RUNS; run++) {
    await openConsole(page)
    await startVoting(page, run, committed)
    await page.waitForTimeout(150 + Math.floor(Math.random() * 400))
    if (kind === 'crash') {
      const cdp = await context.newCDPSession(page)
      // Page.crash never answers (the renderer is gone): wait for the crash event instead.
      const crashed = page.waitForEvent('crash', { timeout: 10_000 })
      void cdp.send('Page.crash').catch(() => undefined)
      await crashed
      await page.close().catch(() => undefined)
      page = await context.newPage()
    } else {
      await killBrowser(dir)
      await context.close().catch(() => undefined)
      // Every fourth kill also damages the database files, as a power cut can.
      if (run % 4 === 3) {
        damageIndexedDb(dir)
        tally.damaged += 1
      }
      ;({ context, page } = await launch(dir))
    }
    watchRecovery(page)
    const recoveredBefore = tally.recovered
    await openConsole(page)
    if (tally.recovered > recoveredBefore) {
      // The secretary is told, in Chinese, what happened and what to do next.
      await expect(page.locator('.el-message-box')).toContainText('已从本机的第二份副本')
      if (recoveredBefore === 0) await shot(page, 'journal-recovered')
      await page.locator('.el-message-box').getByRole('button', { name: '知道了' }).click()
    }
    const { ids, torn } = await readVotes(page)
    const present = new Set(ids)
    tally.runs += 1
    for (const id of committed) if (!present.has(id)) lost.add(id)
    tally.lost = lost.size
    tally.torn += torn.length
    tally.committed = committed.size
    tally.present = present.size
  }
  await context.close()
  console.info(`[fault:${kind}] ${JSON.stringify(tally)}`)
  expect(tally.lost).toBe(0)
  expect(tally.torn).toBe(0)
  expect(tally.committed).toBeGreaterThan(RUNS * 5)
  // Damage makes Chromium delete the database (not every time: a flipped byte
  // can land on a record LevelDB no longer reads); the journal rebuilt it.
  if (tally.damaged > 0) expect(tally.recovered).toBeGreaterThan(0)
}

test('renderer crashed 20 times during a live meeting: no committed vote lost, none torn', async () => {
  test.setTimeout(300_000)
  await faultRuns('crash')
})

test('browser SIGKILLed 20 times during a live meeting: no committed vote lost, none torn', async () => {
  test.setTimeout(300_000)
  await faultRuns('sigkill')
})

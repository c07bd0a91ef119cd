// The ledger import (issue 17): a 2,000-row 民情台账 .xlsx imported through
// the screen in Debian's Chromium, as the secretary does it, timed in phases:
// reading the file, checking the rows, writing them (the progress bar shown
// throughout), then the ledger listing all of them. Prints the figures and
// the machine's load, since two shared cores make every figure noisy.
//   npm run build && node tests/bench/ledger-import.mjs [--rows 2000] [--runs 3]
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { jiti } from './load-ts.mjs'

const args = process.argv.slice(2)
const arg = (name, fallback) => Number(args[args.indexOf(name) + 1] || fallback) || fallback
const ROWS = arg('--rows', 2000)
const RUNS = arg('--runs', 3)
const PORT = Number(process.env.BENCH_PORT ?? 4192)
/** "In seconds" (issue 17): the whole import, click to ledger. */
const TARGET_S = 5

const { ledgerRows, ledgerXlsx } = await jiti.import('../e2e/fixtures/ledger.ts')
/** The 1,240-row 2025 ledger, repeated with fresh wording up to ROWS rows. */
function rows(n) {
  const base = ledgerRows()
  return Array.from({ length: n }, (_, i) => ({
    ...base[i % base.length],
    诉求内容: `${base[i % base.length].诉求内容}（台账第${i + 1}行）`,
  }))
}
const buffer = await ledgerXlsx(rows(ROWS))

const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(PORT)], { stdio: 'ignore' })
await new Promise((r) => setTimeout(r, 500))
const s = (ms) => (ms / 1000).toFixed(2)

async function once() {
  const profile = mkdtempSync(join(tmpdir(), 'shangliang-ledger-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`http://127.0.0.1:${PORT}/index.html`)
    await page.locator('input[name=name]').fill('幸福社区')
    await page.locator('input[name=partyOrg]').fill('中共幸福社区委员会')
    await page.locator('input[name=superior]').fill('新华路街道')
    await page.getByTestId('settings-save').click()
    await page.waitForURL(/#\/roster/)
    await page.goto(`http://127.0.0.1:${PORT}/index.html#/ledger`)
    await page.getByTestId('ledger-empty').waitFor()
    // Stage changes and the bar's percentage as the page sees them, on the page's own clock.
    await page.evaluate(() => {
      const seen = (globalThis.__phases = [])
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid=ledger-import-progress]')
        const text = bar
          ? `${bar.querySelector('.muted')?.textContent ?? ''}|${bar.querySelector('.el-progress__text')?.textContent ?? ''}`
          : 'hidden'
        if (seen.at(-1)?.text !== text) seen.push({ at: performance.now(), text })
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    const t0 = await page.evaluate(() => performance.now())
    await page
      .getByTestId('ledger-file')
      .setInputFiles({ name: '台账.xlsx', mimeType: 'application/octet-stream', buffer })
    const offer = page.locator('.el-message-box')
    await offer.waitFor()
    const tOffer = await page.evaluate(() => performance.now())
    await offer.getByRole('button', { name: '加入设置并导入' }).click()
    const tClick = await page.evaluate(() => performance.now())
    await page.getByText(`已导入 ${ROWS} 条民情`).waitFor({ timeout: 120_000 })
    const tDone = await page.evaluate(() => performance.now())
    await page
      .getByTestId('ledger-count')
      .filter({ hasText: `共 ${ROWS} 条` })
      .waitFor({ timeout: 60_000 })
    const tListed = await page.evaluate(() => performance.now())
    const phases = await page.evaluate(() => globalThis.__phases)
    const bar = phases.filter((p) => p.text !== 'hidden')
    return {
      readCheckS: s(tOffer - t0),
      writeS: s(tDone - tClick),
      listedS: s(tListed - tDone),
      totalS: s(tOffer - t0 + (tListed - tClick)),
      barUpdates: bar.length,
      barShownFromS: bar.length ? s(bar[0].at - t0) : null,
      lastBar: bar.at(-1)?.text ?? null,
    }
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

try {
  console.log(
    `ledger import, ${ROWS} rows, ${buffer.length} bytes; load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
  const results = []
  for (let i = 0; i < RUNS; i++) {
    const r = await once()
    results.push(r)
    console.log(
      `run ${i + 1}: read+check ${r.readCheckS} s · write ${r.writeS} s · ledger shows all ${r.listedS} s · total ${r.totalS} s · progress bar from ${r.barShownFromS} s, ${r.barUpdates} updates, last “${r.lastBar}”`,
    )
  }
  const totals = results.map((r) => Number(r.totalS)).sort((a, b) => a - b)
  const median = totals[Math.floor(totals.length / 2)]
  console.log(`ledgerImport${ROWS}S  ${median}   target ${TARGET_S}   ${median <= TARGET_S ? 'yes' : 'NO'}`)
  console.log(
    `load after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
} finally {
  server.kill()
}

// The street office's figures (issue 19): 50 communities' report packages of
// a year each imported into one street office in Debian's Chromium (target
// ≤ 30 s), and the year's consolidated statistics across them (≤ 1 s).
// Run by `npm run bench` after the main figures, or alone:
//   node tests/bench/street.mjs [--no-build] [--count 50]
import { spawn, execSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { build } from 'vite'

const args = process.argv.slice(2)
const count = Number(args[args.indexOf('--count') + 1] || 50) || 50
const PORT = Number(process.env.BENCH_PORT ?? 4191)
if (!args.includes('--no-build')) execSync('npx electron-vite build', { stdio: 'inherit' })
await build({
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: { '@': resolve('src') } },
  build: {
    outDir: 'out/bench-street',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: resolve('tests/bench/street-entry.ts'),
      formats: ['iife'],
      name: 'StreetBench',
      fileName: () => 'street.js',
    },
  },
})
const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(PORT)], { stdio: 'ignore' })
await new Promise((r) => setTimeout(r, 500))
const profile = mkdtempSync(join(tmpdir(), 'shangliang-street-bench-'))
export const TARGETS = { streetImport50S: 30, streetStatsS: 1 }
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    bypassCSP: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`http://127.0.0.1:${PORT}/index.html#/settings`)
  await page.waitForSelector('.page')
  await page.addScriptTag({ content: readFileSync('out/bench-street/street.js', 'utf8') })
  const r = await page.evaluate((n) => globalThis.ShangliangStreetBench.run(n), count)
  await context.close()
  console.log(`made ${r.packages} packages (${r.megabytes} MB, ${r.rows} records) in ${r.makeS} s`)
  console.log(
    `streetImport50S  ${String(r.importS).padStart(8)}   target ${TARGETS.streetImport50S}   ${r.importS <= TARGETS.streetImport50S ? 'yes' : 'NO'}`,
  )
  console.log(
    `streetStatsS     ${String(r.statsS).padStart(8)}   target ${TARGETS.streetStatsS}   ${r.statsS <= TARGETS.streetStatsS ? 'yes' : 'NO'}`,
  )
  console.log(`five packages: open ${r.checks5S[0]} s, unpack ${r.checks5S[1]} s`)
  console.log(`year's totals: ${JSON.stringify(r.total)}`)
} finally {
  server.kill()
  rmSync(profile, { recursive: true, force: true })
}

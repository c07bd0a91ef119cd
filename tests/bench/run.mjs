// npm run bench: loads a ten-year dataset into the app in Debian's Chromium
// and measures what a secretary waits for. Prints a table and writes
// bench-results.json (name → value; units in the names). Not a test: it
// reports figures, and marks each against its target.
//   node tests/bench/run.mjs [--scale 0.1] [--no-build] [--profile DIR] [--only coldStart,ledger]
import { spawn, execSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { measurements } from './measure.mjs'

const args = process.argv.slice(2)
const scale = Number(args[args.indexOf('--scale') + 1] || 1) || 1
const PORT = Number(process.env.BENCH_PORT ?? 4190)
const BASE = `http://127.0.0.1:${PORT}`
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!args.includes('--no-build')) execSync('npm run build', { stdio: 'inherit' })

// The seeding code is bundled from TypeScript so it writes records with the
// app's own schema and seals them with the app's own chain code.
await build({
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: { '@': resolve('src') } },
  build: {
    outDir: 'out/bench',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: resolve('tests/bench/seed-entry.ts'),
      formats: ['iife'],
      name: 'ShangliangBenchSeed',
      fileName: () => 'seed.js',
    },
  },
})

const server = spawn(process.execPath, ['tests/e2e/serve.mjs', String(PORT)], { stdio: 'ignore' })
await new Promise((r) => setTimeout(r, 500))
// --profile DIR keeps a seeded profile between runs (seeding takes minutes).
const profileArg = args.includes('--profile') ? resolve(args[args.indexOf('--profile') + 1]) : undefined
const reuse = Boolean(profileArg && existsSync(join(profileArg, 'Default')))
const profile = profileArg ?? mkdtempSync(join(tmpdir(), 'shangliang-bench-'))
const launch = (extra = {}) =>
  chromium.launchPersistentContext(profile, {
    executablePath,
    args: ARGS,
    viewport: { width: 1366, height: 860 },
    ...extra,
  })

const results = {}
const notes = {}
try {
  // Seed once (the seeding context bypasses CSP to inject the bundle).
  const t0 = Date.now()
  if (reuse) console.log(`reusing seeded profile ${profile}`)
  const seeding = await launch({ bypassCSP: true })
  const page = seeding.pages()[0] ?? (await seeding.newPage())
  await page.goto(`${BASE}/index.html#/meetings`)
  await page.waitForSelector('.page')
  await page.addScriptTag({ content: readFileSync('out/bench/seed.js', 'utf8') })
  const seeded = reuse
    ? JSON.parse(readFileSync(join(profile, 'seeded.json'), 'utf8'))
    : await page.evaluate((f) => globalThis.ShangliangBench.seed(f), scale)
  if (!reuse) writeFileSync(join(profile, 'seeded.json'), JSON.stringify(seeded))
  await seeding.close()
  console.log(
    `seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s:`,
    JSON.stringify(seeded.counts),
    JSON.stringify(seeded.seconds),
  )
  results.datasetScale = scale
  results.seedSeconds = Math.round((Date.now() - t0) / 100) / 10

  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined
  for (const m of measurements.filter((x) => !only || only.includes(x.name))) {
    try {
      const out = await m.run({ launch, BASE, seeded, gzipSync, seedScript: readFileSync('out/bench/seed.js', 'utf8') })
      Object.assign(results, out.values)
      if (out.note) notes[m.name] = out.note
    } catch (error) {
      notes[m.name] = `failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`
      for (const key of m.keys) results[key] = null
    }
  }
} finally {
  server.kill()
  if (!profileArg) rmSync(profile, { recursive: true, force: true })
}

writeFileSync('bench-results.json', JSON.stringify(results, null, 2) + '\n')
const targets = Object.fromEntries(measurements.flatMap((m) => Object.entries(m.targets ?? {})))
console.log('\nfigure                                   value        target   ok')
for (const [key, value] of Object.entries(results)) {
  const target = targets[key]
  const ok = target === undefined || value === null ? '' : value <= target ? 'yes' : 'NO'
  console.log(`${key.padEnd(40)} ${String(value ?? '—').padStart(10)}   ${String(target ?? '').padStart(8)}   ${ok}`)
}
for (const [name, note] of Object.entries(notes)) console.log(`note ${name}: ${note}`)
console.log('\nwrote bench-results.json')

// Benchmark (prints figures, not a test): standard minutes — 8 topics, 40
// attendees, 24 action items — rendered by the app's own worker bundle in
// Chromium. Cold = a fresh worker (fonts fetched and parsed), warm = the same
// worker again. Also records the page's long tasks while rendering: the UI
// thread must never be blocked for more than 50 ms.
// Run after `npx electron-vite build`: node tests/bench/pdf-bench.mjs [port]
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { jiti, ROOT } from './load-ts.mjs'

const port = Number(process.argv[2] ?? process.env.E2E_PORT ?? 4199)
const { minutesToDocDef } = await jiti.import('@/pdf/docs/minutes.ts')
const { benchmarkMeeting } = await jiti.import('@/pdf/samples.ts')
const input = benchmarkMeeting()
const doc = minutesToDocDef(input)
const worker = readdirSync(join(ROOT, 'out/renderer/assets')).find((f) => f.startsWith('render.worker'))
if (!worker) throw new Error('build the renderer first: npx electron-vite build')

const server = spawn(process.execPath, [join(ROOT, 'tests/e2e/serve.mjs'), String(port)], { stdio: 'ignore' })
await new Promise((r) => setTimeout(r, 500))
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage()
  await page.goto(`http://127.0.0.1:${port}/index.html`)
  // Let the app finish booting (Vue, IndexedDB) so its start-up is not counted as render work.
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(1500)
  const result = await page.evaluate(
    async ({ url, doc, warmRuns }) => {
      const longTasks = []
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => longTasks.push(Math.round(e.duration))),
      ).observe({ type: 'longtask' })
      const w = new Worker(url, { type: 'module' })
      let id = 0
      const render = () =>
        new Promise((resolve, reject) => {
          const t0 = performance.now()
          const my = ++id
          w.onmessage = (e) =>
            e.data.id === my && e.data.ok
              ? resolve({ ms: performance.now() - t0, size: e.data.bytes.byteLength, missing: e.data.missing })
              : reject(new Error(e.data.message))
          w.postMessage({ id: my, doc })
        })
      // Main-thread responsiveness while rendering: a 10 ms timer should keep firing.
      let worstGap = 0
      let last = performance.now()
      const timer = setInterval(() => {
        const now = performance.now()
        worstGap = Math.max(worstGap, now - last - 10)
        last = now
      }, 10)
      const cold = await render()
      const warm = []
      for (let i = 0; i < warmRuns; i++) warm.push((await render()).ms)
      clearInterval(timer)
      w.terminate()
      return { cold, warm, longTasks, worstGap }
    },
    { url: `/assets/${worker}`, doc, warmRuns: 5 },
  )
  const sorted = [...result.warm].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  const actions = input.topics.reduce((n, t) => n + t.actions.length, 0)
  console.log(
    `standard minutes: ${input.topics.length} topics, ${input.people.length} attendees, ${actions} action items`,
  )
  console.log(`cold render (fonts fetched + parsed): ${result.cold.ms.toFixed(0)} ms   target ≤ 1000 ms`)
  console.log(
    `warm render: median ${median.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms   target ≤ 300 ms`,
  )
  console.log(`PDF size: ${(result.cold.size / 1024).toFixed(0)} KB   target ≤ 200 KB`)
  console.log(
    `UI thread: long tasks ${result.longTasks.length ? result.longTasks.join(', ') + ' ms' : 'none'}; worst timer delay ${result.worstGap.toFixed(0)} ms   target ≤ 50 ms`,
  )
} finally {
  await browser.close()
  server.kill()
}

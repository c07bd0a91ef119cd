// The benchmark's measurements, one object each: the keys it writes, its
// targets (upper bounds, same units as the key), and how it runs.

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : null
}

/** Cold start: a fresh browser on the full profile until the meeting list is usable. */
const coldStart = {
  name: 'coldStart',
  keys: ['coldStartMs', 'initialJsKbGzip'],
  targets: { coldStartMs: 1500, initialJsKbGzip: 500 },
  async run({ launch, BASE, gzipSync }) {
    const times = []
    let jsBytes = 0
    for (let i = 0; i < 5; i++) {
      const ctx = await launch()
      const page = ctx.pages()[0] ?? (await ctx.newPage())
      const scripts = []
      page.on('response', async (res) => {
        if (res.url().endsWith('.js')) scripts.push(res.body().then((b) => gzipSync(b).length).catch(() => 0))
      })
      await page.goto(`${BASE}/index.html#/meetings`)
      await page.waitForSelector('[data-testid=meetings-table] .el-table__row')
      times.push(await page.evaluate(() => performance.now()))
      if (i === 0) jsBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0)
      await ctx.close()
    }
    return { values: { coldStartMs: pct(times, 50), initialJsKbGzip: Math.round(jsBytes / 1024) }, note: 'median of 5 launches; JS counted until the meeting list shows rows' }
  },
}

/** Opening the 20-topic meeting from the list until its stepper and step facts are shown. */
const openMeeting = {
  name: 'openMeeting',
  keys: ['openMeeting20TopicsMs'],
  targets: { openMeeting20TopicsMs: 200 },
  async run({ launch, BASE, seeded }) {
    const ctx = await launch()
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    await page.goto(`${BASE}/index.html#/meetings`)
    await page.waitForSelector('[data-testid=meetings-table] .el-table__row')
    const times = []
    for (let i = 0; i < 7; i++) {
      await page.goto(`${BASE}/index.html#/meetings`)
      await page.waitForSelector('[data-testid=meetings-table] .el-table__row')
      const t = await page.evaluate((id) => {
        window.__t0 = performance.now()
        location.hash = `#/meetings/${id}`
        return window.__t0
      }, seeded.bigMeetingId)
      await page.waitForSelector('[data-testid=step-gate] li, [data-testid=step-gate] .ready, [data-testid=step-gate] .muted')
      times.push((await page.evaluate(() => performance.now())) - t)
    }
    await ctx.close()
    return { values: { openMeeting20TopicsMs: pct(times, 50) }, note: 'median of 7; until the stepper shows what is missing' }
  },
}

/** Projector follow latency: console changes the slide, projector page shows it. */
const projector = {
  name: 'projector',
  keys: ['projectorFollowP95Ms', 'projectorFollowP50Ms'],
  targets: { projectorFollowP95Ms: 50 },
  async run({ launch, BASE, seeded }) {
    const ctx = await launch()
    const consolePage = ctx.pages()[0] ?? (await ctx.newPage())
    await consolePage.goto(`${BASE}/index.html#/meetings/${seeded.bigMeetingId}`)
    await consolePage.waitForSelector('[data-testid=slide-agenda]')
    const screen = await ctx.newPage()
    await screen.goto(`${BASE}/index.html#/projector`)
    await screen.waitForSelector('[data-testid=projector]')
    await screen.evaluate(() => {
      window.__seen = {}
      const el = document.querySelector('[data-testid=projector]')
      new MutationObserver(() => {
        const seq = document.querySelector('[data-testid=projector]')?.getAttribute('data-seq')
        if (seq && !(seq in window.__seen)) window.__seen[seq] = Date.now()
      }).observe(el.parentElement ?? el, { attributes: true, subtree: true, childList: true })
    })
    const slides = ['agenda', 'standby', 'black']
    const latencies = []
    for (let i = 0; i < 40; i++) {
      const before = Number(await screen.getByTestId('projector').getAttribute('data-seq'))
      const sent = await consolePage.evaluate((s) => {
        const t = Date.now()
        document.querySelector(`[data-testid=slide-${s}]`)?.click()
        return t
      }, slides[i % 3])
      await screen.waitForFunction((b) => Number(document.querySelector('[data-testid=projector]')?.getAttribute('data-seq')) > b, before)
      const seen = await screen.evaluate((b) => window.__seen[String(b + 1)], before)
      if (seen) latencies.push(seen - sent)
    }
    await ctx.close()
    return { values: { projectorFollowP95Ms: pct(latencies, 95), projectorFollowP50Ms: pct(latencies, 50) }, note: `${latencies.length} slide changes, console click to projector DOM` }
  },
}

export const measurements = [coldStart, openMeeting, projector]

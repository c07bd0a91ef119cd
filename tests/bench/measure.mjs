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
  targets: { coldStartMs: 1500, initialJsKbGzip: 450 },
  async run({ launch, BASE, gzipSync }) {
    const times = []
    let jsBytes = 0
    for (let i = 0; i < 5; i++) {
      const ctx = await launch()
      const page = ctx.pages()[0] ?? (await ctx.newPage())
      const scripts = []
      page.on('response', async (res) => {
        if (res.url().endsWith('.js'))
          scripts.push(
            res
              .body()
              .then((b) => gzipSync(b).length)
              .catch(() => 0),
          )
      })
      await page.goto(`${BASE}/index.html#/meetings`)
      await page.waitForSelector('[data-testid=meetings-table] .el-table__row')
      times.push(await page.evaluate(() => performance.now()))
      if (i === 0) jsBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0)
      await ctx.close()
    }
    return {
      values: { coldStartMs: pct(times, 50), initialJsKbGzip: Math.round(jsBytes / 1024) },
      note: 'median of 5 launches; JS counted until the meeting list shows rows',
    }
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
      await page.waitForSelector(
        '[data-testid=step-gate] li, [data-testid=step-gate] .ready, [data-testid=step-gate] .muted',
      )
      times.push((await page.evaluate(() => performance.now())) - t)
    }
    await ctx.close()
    return {
      values: { openMeeting20TopicsMs: pct(times, 50) },
      note: 'median of 7; until the stepper shows what is missing',
    }
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
      const sent = await consolePage.evaluate(
        (s) => {
          const t = Date.now()
          document.querySelector(`[data-testid=slide-${s}]`)?.click()
          return t
        },
        slides[i % 3],
      )
      await screen.waitForFunction(
        (b) => Number(document.querySelector('[data-testid=projector]')?.getAttribute('data-seq')) > b,
        before,
      )
      const seen = await screen.evaluate((b) => window.__seen[String(b + 1)], before)
      if (seen) latencies.push(seen - sent)
    }
    await ctx.close()
    return {
      values: { projectorFollowP95Ms: pct(latencies, 95), projectorFollowP50Ms: pct(latencies, 50) },
      note: `${latencies.length} slide changes, console click to projector DOM`,
    }
  },
}

/** Ledger filter and full-text search over ten years of requests, timed to the repainted table. */
const ledger = {
  name: 'ledger',
  keys: ['ledgerSearchP50Ms', 'ledgerSearchP95Ms'],
  targets: { ledgerSearchP95Ms: 100 },
  async run({ launch, BASE }) {
    const ctx = await launch()
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    await page.goto(`${BASE}/index.html#/ledger`)
    await page.waitForSelector('[data-testid=ledger-table] .el-table__row', { timeout: 60_000 })
    const terms = [
      '北门',
      '3号楼',
      '路灯',
      '垃圾',
      '停车',
      '微信网格群',
      '漏雨',
      '噪音',
      '监控',
      '老年食堂',
      '',
      '2号楼居民',
      '积水',
      '健身器材',
      '物业',
    ]
    const times = await page.evaluate(async (terms) => {
      const input = document.querySelector('input[name=ledgerSearch]')
      const out = []
      for (let round = 0; round < 3; round++)
        for (const q of terms) {
          const t0 = performance.now()
          input.value = q
          input.dispatchEvent(new Event('input', { bubbles: true }))
          // Vue patches the DOM in a microtask; the next frame is when the user sees it.
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
          out.push(performance.now() - t0)
        }
      return out
    }, terms)
    await ctx.close()
    return {
      values: { ledgerSearchP50Ms: pct(times, 50), ledgerSearchP95Ms: pct(times, 95) },
      note: `${times.length} searches over the whole ledger, typed value to painted table`,
    }
  },
}

/** The statistics dashboard for one year and for ten years, from the click to the figures. */
const stats = {
  name: 'stats',
  keys: ['statsOneYearMs', 'statsTenYearsMs'],
  targets: { statsOneYearMs: 150, statsTenYearsMs: 300 },
  async run({ launch, BASE }) {
    const ctx = await launch()
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    const timeTo = async (from, to) => {
      await page.goto(`${BASE}/index.html#/meetings`)
      await page.waitForSelector('[data-testid=meetings-table] .el-table__row')
      const t0 = await page.evaluate(
        ([from, to]) => {
          const t = performance.now()
          location.hash = `#/stats?from=${from}&to=${to}`
          return t
        },
        [from, to],
      )
      await page.waitForSelector('[data-testid=stats-summary]', { timeout: 60_000 })
      return (await page.evaluate(() => performance.now())) - t0
    }
    const one = []
    const ten = []
    for (let i = 0; i < 3; i++) {
      one.push(await timeTo('2025-11-23', '2026-11-22'))
      ten.push(await timeTo('2016-11-23', '2026-11-22'))
    }
    await ctx.close()
    return {
      values: { statsOneYearMs: pct(one, 50), statsTenYearsMs: pct(ten, 50) },
      note: 'median of 3; navigation to the figures on screen (charts load after)',
    }
  },
}

/** Where the statistics' time goes: the data layer alone, from the month rows and from every row (ten years). */
const statsRead = {
  name: 'statsRead',
  keys: ['statsReadTenYearsMs', 'statsRecountTenYearsMs'],
  async run({ launch, BASE, seedScript }) {
    const ctx = await launch({ bypassCSP: true })
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage())
      await page.goto(`${BASE}/index.html#/meetings`)
      await page.waitForSelector('[data-testid=meetings-table] .el-table__row', { timeout: 120_000 })
      await page.addScriptTag({ content: seedScript })
      const r = await page.evaluate(() => globalThis.ShangliangBench.statsRead('2016-11-23', '2026-11-22'))
      return {
        values: { statsReadTenYearsMs: r.aggregatesMs, statsRecountTenYearsMs: r.recountMs },
        note: 'median of 3 in the page, no screen: statsFor from the month rows, and the full recount it replaced',
      }
    } finally {
      await ctx.close()
    }
  },
}

/** Standard minutes cold and warm in the app's render worker, the UI thread's worst stall, and a 100-page annual dossier. */
const pdf = {
  name: 'pdf',
  keys: ['minutesColdMs', 'minutesWarmMs', 'minutesKb', 'pdfUiStallMs', 'annualDossierMs', 'annualDossierPages'],
  targets: { minutesColdMs: 1000, minutesWarmMs: 300, minutesKb: 200, pdfUiStallMs: 50 },
  async run({ launch, BASE }) {
    const { readdirSync } = await import('node:fs')
    const { benchDocs } = await import('./pdf-compare.mjs')
    const { minutes, annual } = await benchDocs()
    const worker = readdirSync('out/renderer/assets').find((f) => f.startsWith('render.worker'))
    const ctx = await launch()
    const page = ctx.pages()[0] ?? (await ctx.newPage())
    await page.goto(`${BASE}/index.html#/meetings`)
    await page.waitForSelector('[data-testid=meetings-table] .el-table__row')
    await page.waitForTimeout(1000)
    const r = await page.evaluate(
      async ({ url, minutes, annual }) => {
        const w = new Worker(url, { type: 'module' })
        let id = 0
        const render = (doc) =>
          new Promise((resolve, reject) => {
            const t0 = performance.now()
            const my = ++id
            w.onmessage = (e) =>
              e.data.id === my && e.data.ok
                ? resolve({ ms: performance.now() - t0, bytes: e.data.bytes })
                : reject(new Error(e.data.message))
            w.postMessage({ id: my, doc })
          })
        let worst = 0
        let last = performance.now()
        const timer = setInterval(() => {
          const now = performance.now()
          worst = Math.max(worst, now - last - 10)
          last = now
        }, 10)
        const cold = await render(minutes)
        const warm = []
        for (let i = 0; i < 5; i++) warm.push((await render(minutes)).ms)
        clearInterval(timer)
        const big = await render(annual)
        const pages = (new TextDecoder('latin1').decode(big.bytes).match(/\/Type\s*\/Page[^s]/g) ?? []).length
        w.terminate()
        return { cold: cold.ms, size: cold.bytes.byteLength, warm, worst, bigMs: big.ms, pages }
      },
      { url: `/assets/${worker}`, minutes, annual },
    )
    await ctx.close()
    return {
      values: {
        minutesColdMs: Math.round(r.cold),
        minutesWarmMs: pct(r.warm, 50),
        minutesKb: Math.round(r.size / 1024),
        pdfUiStallMs: Math.round(r.worst),
        annualDossierMs: Math.round(r.bigMs),
        annualDossierPages: r.pages,
      },
      note: 'minutes: 8 topics, 40 attendees, 24 action items; warm = median of 5; stall = worst delay of a 10 ms UI timer while rendering',
    }
  },
}

/** Archive export of everything and its validated import (replace), timed in the page with the app's own code. */
const archive = {
  name: 'archive',
  keys: [
    'archiveExportS',
    'archiveImportS',
    'archiveMb',
    'archiveRowsFlatWriteS',
    'archiveRowsPerMeetingWriteS',
    'archiveRowsFlatToPerMeeting',
    'chainVerifyWebCryptoS',
    'chainVerifyHashWasmS',
    'chainWebCryptoToHashWasm',
    'archiveImportBeforeEstS',
    'archiveExportBeforeEstS',
  ],
  targets: { archiveImportS: 20, archiveExportS: 10 },
  async run({ launch, BASE, seedScript }) {
    const ctx = await launch({ bypassCSP: true })
    let r, p
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage())
      // A page of the same origin without the app: its startup audit and journal snapshot would
      // otherwise run beside the export and hold its read transaction back (18 s on a loaded machine).
      await page.goto(`${BASE}/bench-quiet`)
      await page.addScriptTag({ content: seedScript })
      r = await page.evaluate(() => globalThis.ShangliangBench.archiveRoundTrip())
      p = await page.evaluate(() => globalThis.ShangliangBench.archiveProbes())
    } finally {
      await ctx.close()
    }
    const ratio = (a, b) => Math.round((a / b) * 10) / 10
    // What the same run would have taken with schema 12's rows and WebCrypto: an import and an
    // export each write or read the rows once and verify the chain once.
    const saved = p.flatS - p.perMeetingS + (p.webCryptoS - p.wasmS)
    return {
      values: {
        archiveExportS: r.exportS,
        archiveImportS: r.importS,
        archiveMb: r.mb,
        archiveRowsFlatWriteS: p.flatS,
        archiveRowsPerMeetingWriteS: p.perMeetingS,
        archiveRowsFlatToPerMeeting: ratio(p.flatS, p.perMeetingS),
        chainVerifyWebCryptoS: p.webCryptoS,
        chainVerifyHashWasmS: p.wasmS,
        chainWebCryptoToHashWasm: ratio(p.webCryptoS, p.wasmS),
        archiveImportBeforeEstS: Math.round((r.importS + saved) * 10) / 10,
        archiveExportBeforeEstS: Math.round((r.exportS + p.webCryptoS - p.wasmS) * 10) / 10,
      },
      note: `whole community, unencrypted; import validates manifest, checksums, rows and the chain, then writes in one transaction; seconds per phase: export ${JSON.stringify(r.exportPhases)}, import ${JSON.stringify(r.importPhases)}; layout probe: ${p.rows} attendance rows and links as ${p.perMeetingRows} per-meeting rows; chain verified: ${p.verified}; *BeforeEstS = the same run with schema 12 rows and WebCrypto`,
    }
  },
}

/**
 * The same two documents from the app's renderer, the pdfkit floor probe,
 * Chromium printing HTML and (when installed) LibreOffice converting .docx;
 * the ratios to the floor of the same run (pdf-compare.mjs prints the table).
 */
const pdfFloor = {
  name: 'pdfFloor',
  keys: ['minutesWarmToFloor', 'dossierToFloor', 'minutesSizeToFloor'],
  targets: { minutesWarmToFloor: 1.2, dossierToFloor: 2, minutesSizeToFloor: 1.2 },
  async run({ launch }) {
    const { pdfComparison } = await import('./pdf-compare.mjs')
    // More runs than the defaults: on a shared machine a median of five swings by a third.
    const { rows, values } = await pdfComparison({ launch, warmRuns: 11, dossierRuns: 5 })
    const fig = (k) => `${k} ${rows[k].warmMs.toFixed(0)} ms/${rows[k].kb.toFixed(0)} KB`
    return {
      values,
      note: `warm CPU time and size over the pdfkit floor; ${Object.keys(rows).map(fig).join(', ')}`,
    }
  },
}

export const measurements = [coldStart, openMeeting, projector, ledger, stats, statsRead, pdf, pdfFloor, archive]

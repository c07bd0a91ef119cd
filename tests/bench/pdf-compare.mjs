// The PDF figures side by side, in one run: the standard minutes (8 topics,
// 40 attendees, 24 action items) and the 12-meeting annual dossier, made by
//   app        the app's renderer (toPdfmake + pdfmake, as in the worker)
//   floor      pdfkit drawing the same lines directly (pdf-floor.mjs)
//   chromium   Chromium printing an equivalent HTML page (page.pdf)
//   libreoffice  LibreOffice converting an equivalent .docx, when `soffice` is installed
// Times are the CPU time of this process for app and floor (both run here,
// interleaved, so a loaded machine slows both alike) and wall time for the
// two outside programs. Ratios are to the floor of the same run.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { floorPdf } from './pdf-floor.mjs'
import { jiti, ROOT } from './load-ts.mjs'

const require = createRequire(import.meta.url)
const FONT_DIR = join(ROOT, 'resources/public/fonts')

/** The benchmark's two documents as the builders make them. */
export async function benchDocs() {
  const { minutesToDocDef } = await jiti.import('@/pdf/docs/minutes.ts')
  const { benchmarkMeeting } = await jiti.import('@/pdf/samples.ts')
  const minutes = minutesToDocDef(benchmarkMeeting())
  // A year of monthly meetings' minutes bound into one dossier.
  const year = Array.from({ length: 12 }, (_, i) =>
    minutesToDocDef({
      ...benchmarkMeeting(),
      meeting: { ...benchmarkMeeting().meeting, title: `${i + 1}月党群议事日` },
    }),
  )
  const annual = {
    ...year[0],
    content: year.flatMap((d, i) => (i === 0 ? d.content : [{ text: '', pageBreak: 'before' }, ...d.content])),
  }
  return { minutes, annual }
}

export const pageCount = (bytes) =>
  (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length

const cpuMs = async (work) => {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const bytes = await work()
  const c = process.cpuUsage(c0)
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0, bytes }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const escape = (t) => String(t).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c])

/** An HTML page with the same content: paragraphs, headings, ruled tables, the same font and page. */
export function toHtml(doc, styles, fontUrl) {
  const css = (node) => {
    const s = {}
    for (const n of node.style === undefined ? [] : [node.style].flat()) Object.assign(s, styles[n])
    Object.assign(s, node)
    const out = []
    if (s.fontSize) out.push(`font-size:${s.fontSize}pt`)
    if (s.bold) out.push('font-weight:bold')
    if (s.alignment) out.push(`text-align:${s.alignment}`)
    if (s.fillColor) out.push(`background:${s.fillColor}`)
    if (s.margin) {
      const m = typeof s.margin === 'number' ? [s.margin, s.margin, s.margin, s.margin] : s.margin
      const [l, t, r, b] = m.length === 2 ? [m[0], m[1], m[0], m[1]] : m
      out.push(`margin:${t}pt ${r}pt ${b}pt ${l}pt`)
    }
    return out.join(';')
  }
  const inline = (t) =>
    Array.isArray(t)
      ? t.map(inline).join('')
      : typeof t === 'object' && t !== null
        ? `<span style="${css(t)}">${inline(t.text)}</span>`
        : escape(t ?? '')
  const html = (node) => {
    if (Array.isArray(node)) return node.map(html).join('')
    if (typeof node !== 'object' || node === null) return `<p>${escape(node)}</p>`
    const brk = node.pageBreak === 'before' ? 'break-before:page;' : ''
    if (node.text !== undefined) return `<p style="${brk}${css(node)}">${inline(node.text)}</p>`
    if (node.stack) return `<div style="${css(node)}">${html(node.stack)}</div>`
    if (node.columns)
      return `<div style="display:flex;gap:12pt;${css(node)}">${node.columns.map((c) => `<div style="flex:1">${html(c)}</div>`).join('')}</div>`
    if (node.table) {
      const cols = node.table.widths.map((w) => `<col${typeof w === 'number' ? ` style="width:${w}pt"` : ''}>`).join('')
      const rows = node.table.body.map((r, i) => {
        const tag = i < (node.table.headerRows ?? 0) ? 'th' : 'td'
        const cells = r.map((c) =>
          c && c._span
            ? ''
            : `<${tag}${c?.colSpan ? ` colspan=${c.colSpan}` : ''}>${html(typeof c === 'object' ? c : { text: c })}</${tag}>`,
        )
        return `<tr>${cells.join('')}</tr>`
      })
      return `<table style="${css(node)}"><colgroup>${cols}</colgroup>${rows.join('')}</table>`
    }
    return ''
  }
  return `<!doctype html><meta charset="utf-8"><title>${escape(doc.frame.title)}</title><style>
@font-face{font-family:NotoSansSC;src:url(${fontUrl}/NotoSansSC-Regular.ttf);font-weight:normal}
@font-face{font-family:NotoSansSC;src:url(${fontUrl}/NotoSansSC-Bold.ttf);font-weight:bold}
@page{size:A4;margin:56pt 50pt 50pt 50pt}
body{font-family:NotoSansSC,'Noto Sans CJK SC',sans-serif;font-size:11pt;line-height:1.35;margin:0}
p{margin:0 0 4pt}table{border-collapse:collapse;width:100%;table-layout:fixed;margin:2pt 0 8pt}
td,th{border:0.6pt solid #555;padding:4pt;font-size:10pt;line-height:1.2;vertical-align:top}th{background:#eee}
</style>${html(doc.content)}`
}

const hasSoffice = () => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Runs every engine on both documents; prints the table and returns the figures for bench-results.json. */
export async function pdfComparison({ launch, warmRuns = 5, dossierRuns = 3 }) {
  const { toPdfmake, STYLES, TABLE_LAYOUTS } = await jiti.import('@/pdf/layout.ts')
  const { faceMetrics } = await jiti.import('@/pdf/metrics.ts')
  const { tableColumns, edges } = await jiti.import('@/pdf/prebreak.ts')
  const { FONT_FILES, fontTable } = await jiti.import('@/pdf/fonts.ts')
  const docs = await benchDocs()
  const regular = readFileSync(join(FONT_DIR, FONT_FILES.normal))
  const bold = readFileSync(join(FONT_DIR, FONT_FILES.bold))

  const pdfmake = require('pdfmake')
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR))
  pdfmake.setTableLayouts(TABLE_LAYOUTS)
  // The worker reads the widths once per worker, as here once per run.
  const metrics = { normal: faceMetrics(regular), bold: faceMetrics(bold) }
  // As the worker does: the font bytes sit in pdfmake's virtual file system, read once.
  pdfmake.virtualfs.writeFileSync(FONT_FILES.normal, regular)
  pdfmake.virtualfs.writeFileSync(FONT_FILES.bold, bold)
  const app = (doc) => {
    pdfmake.setFonts(fontTable())
    return pdfmake.createPdf(toPdfmake(structuredClone(doc), metrics)).getBuffer()
  }
  const floor = (doc) =>
    floorPdf(toPdfmake(structuredClone(doc), metrics), {
      regular,
      bold,
      styles: STYLES,
      layouts: TABLE_LAYOUTS,
      tableColumns,
      edges,
    })

  const rows = {}
  const record = (engine, doc, runs) => {
    rows[`${engine}/${doc}`] = {
      coldMs: runs[0].ms,
      warmMs: runs.length > 1 ? median(runs.slice(1).map((r) => r.ms)) : runs[0].ms,
      pages: pageCount(runs[0].bytes),
      kb: runs[0].bytes.length / 1024,
    }
  }
  // App and floor alternate, so both see the same machine.
  for (const [name, doc, n] of [
    ['minutes', docs.minutes, warmRuns],
    ['dossier', docs.annual, dossierRuns],
  ]) {
    const a = []
    const f = []
    for (let i = 0; i <= n; i++) {
      const ra = await cpuMs(() => app(doc))
      a.push({ ms: ra.cpu, bytes: ra.bytes })
      const rf = await cpuMs(() => floor(doc))
      f.push({ ms: rf.cpu, bytes: rf.bytes })
    }
    record('app', name, a)
    record('floor', name, f)
  }

  const dir = mkdtempSync(join(tmpdir(), 'shangliang-pdf-'))
  for (const [name, doc] of [
    ['minutes', docs.minutes],
    ['dossier', docs.annual],
  ])
    writeFileSync(join(dir, `${name}.html`), toHtml(doc, STYLES, `file://${FONT_DIR}`))
  try {
    // Chromium printing the equivalent HTML page.
    if (launch) {
      const ctx = await launch()
      try {
        const page = await ctx.newPage()
        for (const name of ['minutes', 'dossier']) {
          const file = join(dir, `${name}.html`)
          const runs = []
          for (let i = 0; i <= (name === 'minutes' ? 3 : 1); i++) {
            const t0 = performance.now()
            if (i === 0) await page.goto(`file://${file}`, { waitUntil: 'load' })
            const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
            runs.push({ ms: performance.now() - t0, bytes })
          }
          record('chromium', name, runs)
        }
      } finally {
        await ctx.close()
      }
    }
    // LibreOffice converting an equivalent .docx (made from the same HTML, untimed).
    if (hasSoffice()) {
      const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`
      for (const name of ['minutes', 'dossier']) {
        execFileSync(
          'soffice',
          [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, `${name}.html`)],
          { stdio: 'ignore' },
        )
        const runs = []
        for (let i = 0; i < 2; i++) {
          const t0 = performance.now()
          execFileSync(
            'soffice',
            [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), join(dir, `${name}.docx`)],
            { stdio: 'ignore' },
          )
          runs.push({ ms: performance.now() - t0, bytes: readFileSync(join(dir, 'lo', `${name}.pdf`)) })
        }
        record('libreoffice', name, runs)
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  console.log('\nPDF engines (app and floor: CPU ms of this process; others: wall ms)')
  console.log('engine/document        cold ms   warm ms   pages      KB   warm/floor   size/floor')
  for (const [key, r] of Object.entries(rows)) {
    const floorRow = rows[`floor/${key.split('/')[1]}`]
    console.log(
      `${key.padEnd(22)}${r.coldMs.toFixed(0).padStart(8)}${r.warmMs.toFixed(0).padStart(10)}${String(r.pages).padStart(8)}${r.kb.toFixed(0).padStart(8)}${(r.warmMs / floorRow.warmMs).toFixed(2).padStart(13)}${(r.kb / floorRow.kb).toFixed(2).padStart(13)}`,
    )
  }
  if (!hasSoffice()) console.log('libreoffice: not installed (sudo apt-get install -y libreoffice-writer-nogui)')
  const ratio = (a, b) => Math.round((a / b) * 100) / 100
  return {
    rows,
    values: {
      minutesWarmToFloor: ratio(rows['app/minutes'].warmMs, rows['floor/minutes'].warmMs),
      dossierToFloor: ratio(rows['app/dossier'].warmMs, rows['floor/dossier'].warmMs),
      minutesSizeToFloor: ratio(rows['app/minutes'].kb, rows['floor/minutes'].kb),
    },
  }
}

// Alone: node tests/bench/pdf-compare.mjs (Chromium from CHROMIUM_PATH or /usr/bin/chromium)
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('@playwright/test')
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const out = await pdfComparison({ launch: () => browser.newContext() })
    console.log(JSON.stringify(out.values))
  } finally {
    await browser.close()
  }
}

// `npm run pdf:samples`: renders every document type from the sample
// community (src/pdf/samples.ts) into out/samples/ — PDFs and, when poppler
// is installed, a PNG of each page — for people to look at.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { jiti, ROOT } from './load-ts.mjs'

const require = createRequire(import.meta.url)
const FONT_DIR = join(ROOT, 'resources/public/fonts')
const OUT = join(ROOT, 'out/samples')

const { FONT_FAMILY, FONT_FILES } = await jiti.import('@/pdf/fonts.ts')
const { TABLE_LAYOUTS, toPdfmake } = await jiti.import('@/pdf/layout.ts')
const { buildMeetingDoc, MEETING_DOCS } = await jiti.import('@/pdf/catalog.ts')
const { ballotsToDocDef } = await jiti.import('@/pdf/docs/ballots.ts')
const { topicDossierToDocDef } = await jiti.import('@/pdf/docs/topicDossier.ts')
const { minutesToDocDef } = await jiti.import('@/pdf/docs/minutes.ts')
const { collectText, fontCodePoints, missingGlyphs } = await jiti.import('@/pdf/glyphs.ts')
const { faceMetrics } = await jiti.import('@/pdf/metrics.ts')
const { readFileSync } = await import('node:fs')
const { sampleDossier, sampleMeeting, stressMeeting } = await jiti.import('@/pdf/samples.ts')

const pdfmake = require('pdfmake')
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR))
pdfmake.setTableLayouts(TABLE_LAYOUTS)
const codePoints = fontCodePoints(new Uint8Array(readFileSync(join(FONT_DIR, FONT_FILES.normal))))
const metrics = {
  normal: faceMetrics(readFileSync(join(FONT_DIR, FONT_FILES.normal))),
  bold: faceMetrics(readFileSync(join(FONT_DIR, FONT_FILES.bold))),
}

async function render(doc) {
  // A fresh font table per document: pdfmake rewrites it in place.
  const file = (f) => join(FONT_DIR, f)
  pdfmake.setFonts({
    [FONT_FAMILY]: {
      normal: file(FONT_FILES.normal),
      bold: file(FONT_FILES.bold),
      italics: file(FONT_FILES.normal),
      bolditalics: file(FONT_FILES.bold),
    },
  })
  return pdfmake.createPdf(toPdfmake(doc, metrics)).getBuffer()
}

const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
const m = sampleMeeting()
const t = m.topics[1]
const docs = [
  ...MEETING_DOCS.map((kind, i) => [`${i + 1}-${kind}`, buildMeetingDoc(kind, m)]),
  [
    '6-ballots-secret',
    ballotsToDocDef({
      community: m.community,
      meeting: m.meeting,
      topics: [{ order: t.order, title: t.title, options: t.options }],
      secret: true,
      copies: 12,
      serialPrefix: String(t.order),
    }),
  ],
  [
    '7-ballots-options',
    ballotsToDocDef({
      community: m.community,
      meeting: m.meeting,
      topics: [{ order: 1, title: m.topics[0].title, options: m.topics[0].options }],
      secret: false,
      copies: 6,
      serialPrefix: '1',
    }),
  ],
  ['8-dossier', topicDossierToDocDef(sampleDossier())],
  ['9-dossier-public', topicDossierToDocDef(sampleDossier(), { public: true, hideNames: true })],
  ['10-stress-minutes', minutesToDocDef(stressMeeting())],
]
for (const [name, doc] of docs) {
  const started = performance.now()
  const bytes = await render(doc)
  const file = join(OUT, `${name}.pdf`)
  writeFileSync(file, bytes)
  if (hasPoppler) execFileSync('pdftoppm', ['-r', '60', '-png', file, join(OUT, name)])
  const missing = missingGlyphs(collectText(doc.content), codePoints)
  console.log(
    `${name}.pdf  ${(bytes.length / 1024).toFixed(0)} KB  ${(performance.now() - started).toFixed(0)} ms${missing.length ? `  cannot print: ${missing.join(' ')}` : ''}`,
  )
}
console.log(`written to ${OUT}${hasPoppler ? ' (with PNG pages)' : ''}`)

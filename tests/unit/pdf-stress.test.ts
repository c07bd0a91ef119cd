// The stress case: 3,000-character statements, 60 attendees, 40
// action items and rare characters in names. Every character must print,
// or the glyph check must name the ones that cannot.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { signInSheetToDocDef } from '@/pdf/docs/signInSheet'
import { collectText, fontCodePoints, missingGlyphs } from '@/pdf/glyphs'
import { stressMeeting } from '@/pdf/samples'
import { pdfFonts, pdfPageCount, pdfTextRaw, pdfToPngs, renderNode } from './support/pdf'

const codePoints = fontCodePoints(new Uint8Array(readFileSync('resources/public/fonts/NotoSansSC-Regular.ttf')))

describe('glyph check', () => {
  it('reads the font cmap: common, rare and extension-A characters; extension B is absent', () => {
    for (const ch of '商量议事堃喆昇赟珺玥镕䶮，。：；“”（）√')
      expect(codePoints.has(ch.codePointAt(0)!), ch).toBe(true)
    // Noto Sans SC (Google Fonts build) has no CJK extension B: 𠮷 must be reported.
    expect(codePoints.has(0x20bb7)).toBe(false)
    expect(codePoints.size).toBeGreaterThan(30000)
  })

  it('lists what the font cannot print, once each', () => {
    const missing = missingGlyphs(['王\u{F0000}明', '李\u{F0000}', 'A☃\u{1FAE8}'], codePoints)
    expect(missing).toContain('\u{F0000}')
    expect(missing.filter((c) => c === '\u{F0000}')).toHaveLength(1)
    expect(missingGlyphs(['新华路社区 2026年12月10日'], codePoints)).toEqual([])
  })

  it('collects every printed string of a document, tables and columns included', () => {
    const texts = collectText(signInSheetToDocDef(stressMeeting()).content).join('')
    expect(texts).toContain('龚䶮')
    expect(texts).toContain('签名')
  })
})

describe('stress minutes', () => {
  it('renders 3,000-character statements, 60 attendees and 40 action items with every rare name', async () => {
    const input = stressMeeting()
    expect(input.people).toHaveLength(60)
    expect(input.topics.flatMap((t) => t.actions)).toHaveLength(40)
    const doc = minutesToDocDef(input)
    const missing = missingGlyphs(collectText(doc.content), codePoints)
    const bytes = await renderNode(doc)
    pdfToPngs(bytes, 'stress-minutes', 50)
    const text = pdfTextRaw(bytes)
    const pages = pdfPageCount(bytes)
    expect(pages).toBeGreaterThan(8)
    expect(text).toContain(`第${pages}页共${pages}页`)
    expect(pdfFonts(bytes)).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/)
    // Each rare name either prints or is reported before printing.
    for (const name of ['龚䶮', '吉𠮷', '王堃', '李昇', '陈喆', '赵赟']) {
      const unprintable = [...name].filter((ch) => missing.includes(ch))
      if (unprintable.length === 0) expect(text).toContain(name)
    }
    expect(missing).toEqual(['𠮷'])
    // Chinese typesetting: no printed line starts with closing punctuation.
    const lines = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: bytes })
      .toString('utf8')
      .split('\n')
    expect(lines.length).toBeGreaterThan(300)
    expect(lines.filter((l) => /^\s*[，。、；：！？）》」』”]/.test(l))).toEqual([])
    expect(text).toContain('龚䶮')
    console.log(
      `stress minutes: ${pages} pages, ${(bytes.byteLength / 1024).toFixed(0)} KB, missing glyphs: ${missing.join(' ') || 'none'}`,
    )
  }, 60_000)
})

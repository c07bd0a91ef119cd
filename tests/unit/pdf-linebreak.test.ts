// Lines broken before pdfmake sees them: the Chinese rules (no closing
// punctuation at a line start, no opening punctuation at a line end, numbers
// and Latin words kept whole), widths from the font, and the printed result —
// one text object per line, the same text, still searchable.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { canBreakBefore, lineStarts } from '@/pdf/linebreak'
import { faceMetrics, textWidth } from '@/pdf/metrics'
import { benchmarkMeeting, stressMeeting } from '@/pdf/samples'
import { pdfPageCount, pdfTextCompact, renderNode } from './support/pdf'

const CLOSING = /^[，。、；：？！）》」』】”’…%]/
const OPENING = /[（《「『【“‘]$/

/** The lines of `text` when every character is 1 wide (Latin ½) and a line holds `max`. */
function lines(text: string, max: number): string[] {
  const chars = [...text]
  const starts = lineStarts(
    chars,
    chars.map((c) => (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1)),
    max,
  )
  return starts.map((s, i) =>
    chars
      .slice(s, starts[i + 1] ?? chars.length)
      .join('')
      .replace('\n', ''),
  )
}

describe('Chinese line breaking', () => {
  it.each([
    // [text, line width, expected lines]
    ['我们今天开会讨论北门', 5, ['我们今天开', '会讨论北门']],
    // 。would start the second line: 门 goes with it
    ['同意开通北门。每日开放', 6, ['同意开通北', '门。每日开放']],
    // two closing marks in a row move together with the character before them
    ['请投入意见箱）。谢谢', 6, ['请投入意见', '箱）。谢谢']],
    // （ would end the first line: it moves down to what it opens
    ['会议地点（二楼）', 5, ['会议地点', '（二楼）']],
    // “ likewise; ” may not start a line (quotes are half width here)
    ['他说“同意”了', 3, ['他说', '“同意”', '了']],
    ['他说“同意”了', 2.5, ['他说', '“同', '意”了']],
    // numbers, times and phone numbers are never split
    ['电话0931-8812345', 7, ['电话', '0931-8812345']],
    // a word wider than the whole line is the one thing cut
    ['电话0931-8812345', 4, ['电话', '0931-881', '2345']],
    ['2026年12月10日14:30开会', 3, ['2026年', '12月10', '日', '14:30', '开会']],
    // a line break in the text is kept
    ['第一行\n第二行', 10, ['第一行', '第二行']],
  ])('%s in %d', (text, max, expected) => {
    expect(lines(text, max)).toEqual(expected)
  })

  it('never breaks against the rules, loses no character and fills lines greedily (random text)', () => {
    const alphabet = [...'议事会北门同意开通电梯费用，。、；：？！）》」”（《「“ab12-: ']
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 4, max: 30 }),
        (chars, max) => {
          const text = chars.join('')
          const out = lines(text, max)
          expect(out.join('')).toBe(text)
          const starts = lineStarts(
            chars,
            chars.map((c) => (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1)),
            max,
          )
          for (let i = 1; i < starts.length; i++) {
            const at = starts[i]!
            // Either a permitted break, or a word wider than the whole line was cut.
            if (!canBreakBefore(chars, at)) {
              const widthBefore = chars
                .slice(starts[i - 1], at)
                .reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0)
              expect(widthBefore).toBeGreaterThan(max - 1)
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('font metrics', () => {
  const regular = faceMetrics(readFileSync('resources/public/fonts/NotoSansSC-Regular.ttf'))
  const bold = faceMetrics(readFileSync('resources/public/fonts/NotoSansSC-Bold.ttf'))
  it('reads advance widths: Chinese is one em, Latin narrower, bold Latin wider', () => {
    expect(textWidth(regular, '商量议事', 10)).toBeCloseTo(40, 5)
    expect(textWidth(regular, '，', 10)).toBeCloseTo(10, 5)
    const latin = textWidth(regular, '2026', 10)
    expect(latin).toBeGreaterThan(15)
    expect(latin).toBeLessThan(30)
    expect(textWidth(bold, 'Shangliang', 10)).toBeGreaterThan(textWidth(regular, 'Shangliang', 10))
  })
})

/** How many text objects (BT … ET) the PDF's page streams hold. */
function textObjects(pdf: Buffer): number {
  let count = 0
  const raw = pdf.toString('latin1')
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    try {
      const body = inflateSync(pdf.subarray(start, end)).toString('latin1')
      count += body.match(/\bBT\b/g)?.length ?? 0
    } catch {
      // not a deflated stream (none in pdfkit's output), or the font program
    }
  }
  return count
}

describe('printed lines', () => {
  it('writes one text object per line, not per character, with the same text', async () => {
    const doc = minutesToDocDef(benchmarkMeeting())
    const bytes = await renderNode(doc)
    const chars = pdfTextCompact(bytes).length
    const objects = textObjects(bytes)
    const pages = pdfPageCount(bytes)
    // pdfmake alone wrote 6,522 text objects here, one per Chinese character;
    // one per line and table cell line is about 1,000.
    expect(chars).toBeGreaterThan(7000)
    expect(objects).toBeLessThan(chars / 6)
    expect(objects).toBeGreaterThan(pages * 20)
    // Searchable: a sentence that the layout breaks over two lines reads whole.
    expect(pdfTextCompact(bytes)).toContain('到会人数符合规定，会议有效。')
  }, 60_000)

  it('starts no printed line with closing punctuation and ends none with opening punctuation', async () => {
    const bytes = await renderNode(minutesToDocDef(stressMeeting()))
    const printed = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes })
      .toString('utf8')
      .split('\n')
      // -layout keeps each table cell's line in its column: split the columns apart
      .flatMap((l) => l.split(/\s{2,}/))
      .map((l) => l.trim())
      .filter(Boolean)
    expect(printed.length).toBeGreaterThan(500)
    expect(printed.filter((l) => CLOSING.test(l))).toEqual([])
    expect(printed.filter((l) => OPENING.test(l))).toEqual([])
  }, 60_000)
})

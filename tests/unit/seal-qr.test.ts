// The QR printed on sealed minutes and notices: rendered to PDF, rasterised
// as a printer would, and read back with a QR decoder. It must give the full
// hash of the meeting's last sealing link, which the verification screen
// accepts in place of the typed code.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import jsQR from 'jsqr'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { sampleMeeting } from '@/pdf/samples'
import { appendToChain, codeMatches, headFromText, verificationCode } from '@/domain/seal'
import { meetingForCode } from '@/domain/chain-audit'
import { sha256Hex } from '@/platform/hash'
import type { DocDef } from '@/pdf/layout'
import { pdfPageCount, pdfTextCompact, renderNode } from './support/pdf'

/** The last page as RGBA pixels, rasterised by pdftoppm into a temporary PPM. */
function lastPagePixels(pdf: Uint8Array, dpi = 150) {
  const dir = mkdtempSync(join(tmpdir(), 'sl-qr-'))
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf)
    const page = String(pdfPageCount(pdf))
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', page, '-l', page, '-singlefile', 'doc.pdf', 'page'], {
      cwd: dir,
    })
    const ppm = readFileSync(join(dir, 'page.ppm'))
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!
    const [width, height] = [Number(header[1]), Number(header[2])]
    const rgb = ppm.subarray(header[0].length)
    const rgba = new Uint8ClampedArray(width * height * 4)
    for (let i = 0, j = 0; i < width * height; i++, j += 3) rgba.set([rgb[j]!, rgb[j + 1]!, rgb[j + 2]!, 255], i * 4)
    return { rgba, width, height }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function sealedSample() {
  const input = sampleMeeting()
  const links = await appendToChain(
    undefined,
    [{ kind: 'vote', record: { id: 'v1', meetingId: 'm1', for: 5, against: 1, result: 'passed' } }],
    { communityId: 'c1', meetingId: 'm1', at: '2026-12-10T09:30:00.000Z', newId: () => 's0', sha256: sha256Hex },
  )
  const head = links.at(-1)!.hash
  return { input: { ...input, seal: { code: verificationCode(head), head, sealedAt: links[0]!.at } }, links, head }
}

describe('the QR of the chain head on sealed documents', () => {
  it.each([
    ['minutes', minutesToDocDef],
    ['resolution notice', resolutionNoticeToDocDef],
  ] as [string, (i: ReturnType<typeof sampleMeeting>) => DocDef][])(
    'the %s print the 100-bit code in groups and a QR that reads back as the full head',
    async (_name, build) => {
      const { input, links, head } = await sealedSample()
      const pdf = await renderNode(build(input))
      expect(pdfTextCompact(pdf)).toContain(`核验码：${input.seal.code}`)
      expect(input.seal.code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/)
      const { rgba, width, height } = lastPagePixels(pdf)
      const qr = jsQR(rgba, width, height)
      expect(qr?.data).toBe(`shangliang:seal:${head}`)
      expect(headFromText(qr!.data)).toBe(head)
      expect(meetingForCode(qr!.data, links)).toBe('m1')
      expect(codeMatches(head, input.seal.code)).toBe(true)
    },
    60_000,
  )
})

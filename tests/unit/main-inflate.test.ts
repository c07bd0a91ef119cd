// The main process checks every backup it writes (BackupStore → checkArchiveFile).
// A crafted file that inflates to 1 GB must be refused with bounded memory:
// the limits count the bytes actually inflated, not the sizes the zip declares.
import { describe, expect, it } from 'vitest'
import { Zip, ZipDeflate, zipSync } from 'fflate'
import { checkArchiveFile, frame, unzipLimited } from '@/archive/frame'
import { ArchiveError } from '@/archive/errors'
import { concatBytes } from '@/archive/bytes'

/** A zip of one entry that inflates to `bytes` zeros, built in 1 MB pushes so the test itself stays small. */
function zeroBomb(bytes: number): Uint8Array {
  const parts: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    parts.push(chunk)
  })
  const entry = new ZipDeflate('tables/people.json', { level: 1 })
  zip.add(entry)
  const mb = new Uint8Array(1 << 20)
  for (let done = 0; done < bytes; done += mb.length) entry.push(mb, done + mb.length >= bytes)
  zip.end()
  return concatBytes(...parts)
}

/** The same bomb with its central directory lying: it declares 1 KB for an entry of 1 GB. */
function lyingBomb(zip: Uint8Array): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  for (let i = out.length - 22; i >= 0; i--)
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, 1024, true) // uncompressed size
      break
    }
  return out
}

describe('main-process inflation limits', () => {
  it('a crafted archive that inflates to 1 GB is refused with bounded memory', async () => {
    const bomb = zeroBomb(1024 ** 3)
    for (const [name, zip] of [
      ['honest sizes', bomb],
      ['lying sizes', lyingBomb(bomb)],
    ] as const) {
      const file = await frame(zip)
      global.gc?.()
      const before = process.memoryUsage().rss
      let peak = before
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
      const check = await checkArchiveFile(file)
      peak = Math.max(peak, process.memoryUsage().rss)
      clearInterval(timer)
      const growth = (peak - before) / 1024 ** 2
      console.info(
        `[inflate] ${name}: ${(file.length / 1024).toFixed(0)} KB file declaring 1 GB → ${JSON.stringify(check)}; peak RSS growth ${growth.toFixed(0)} MB`,
      )
      expect(check).toEqual({ ok: false, code: 'tooLarge' })
      // Up to the 256 MB entry limit is held legitimately; never anywhere near the 1 GB the file holds.
      expect(growth).toBeLessThan(512)
    }
  }, 400_000)

  it('limits count real bytes: a small limit stops an entry that inflates past it', () => {
    const zip = zipSync({ 'tables/a.json': new Uint8Array(5000), 'tables/b.json': new Uint8Array(0) })
    expect(Object.keys(unzipLimited(zip))).toEqual(['tables/a.json', 'tables/b.json'])
    expect(() => unzipLimited(zip, { files: 10, entryBytes: 4096, unpackedBytes: 1 << 20 })).toThrow(ArchiveError)
    expect(() => unzipLimited(zip, { files: 1, entryBytes: 1 << 20, unpackedBytes: 1 << 20 })).toThrow(ArchiveError)
  })
})

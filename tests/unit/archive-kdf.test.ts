// Encrypted archives: header version 2 (Argon2id) is written, version 1
// (PBKDF2, every backup made before) still opens, and a header asking for an
// absurd Argon2 cost is refused before any work.
import { describe, expect, it } from 'vitest'
import { decryptArchive, encryptArchive, encryptArchiveV1 } from '@/archive/crypto'
import { ArchiveError } from '@/archive/errors'
import { checkArchiveFile } from '@/archive/frame'

const plain = new TextEncoder().encode('新华路社区 备份 2026-12-01')
const PASS = '正确的口令 2026'

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'opened'
  } catch (e) {
    return e instanceof ArchiveError ? e.code : String(e)
  }
}

describe('archive encryption headers', () => {
  it('writes version 2 with Argon2id and reads versions 1 and 2', async () => {
    const v2 = await encryptArchive(plain, PASS)
    const v1 = await encryptArchiveV1(plain, PASS)
    expect([v2[4], v1[4]]).toEqual([2, 1])
    expect(new DataView(v2.buffer).getUint32(5)).toBe(46 * 1024)
    expect(await decryptArchive(v2, PASS)).toEqual(plain)
    expect(await decryptArchive(v1, PASS)).toEqual(plain)
    expect(await checkArchiveFile(v2)).toEqual({ ok: true, encrypted: true })
    expect(await checkArchiveFile(v2.slice(0, 50))).toMatchObject({ ok: false })
  })

  it.each([
    ['wrong passphrase', (b: Uint8Array) => b, '错误的口令'],
    ['flipped memory cost', (b: Uint8Array) => b.map((x, i) => (i === 7 ? x ^ 1 : x)), PASS],
    ['absurd memory cost', (b: Uint8Array) => b.map((x, i) => (i >= 5 && i < 9 ? 0xff : x)), PASS],
    ['absurd iterations', (b: Uint8Array) => b.map((x, i) => (i >= 9 && i < 13 ? 0xff : x)), PASS],
    ['unknown version', (b: Uint8Array) => b.map((x, i) => (i === 4 ? 3 : x)), PASS],
    ['cut-off end', (b: Uint8Array) => b.slice(0, b.length - 5), PASS],
  ])('refuses a version-2 file with %s', async (_label, change, pass) => {
    const file = change(await encryptArchive(plain, PASS))
    const t0 = performance.now()
    expect(await code(decryptArchive(file, pass))).toBe('wrongPassphrase')
    expect(performance.now() - t0).toBeLessThan(5_000)
  })
})

// The printed recovery key: 125 random bits in five groups, read back from
// paper whatever the case or spacing, and printed on one page.
import { describe, expect, it } from 'vitest'
import { normalizeRecoveryKey, recoveryKeyFrom } from '@/domain/lock'
import { recoveryKeyToDocDef } from '@/pdf/docs/recoveryKey'
import { pdfPageCount, pdfTextCompact, pdfToPngs, renderNode } from './support/pdf'

describe('recovery key', () => {
  const key = recoveryKeyFrom(new Uint8Array(25).map((_, i) => i * 37))

  it('is five groups of five letters without look-alikes, and typed back in any case or spacing', () => {
    expect(key).toMatch(/^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){4}$/)
    expect(normalizeRecoveryKey(key.toLowerCase().replace(/-/g, ' '))).toBe(key)
    expect(normalizeRecoveryKey(key.replace(/-/g, ''))).toBe(key)
    expect(normalizeRecoveryKey(key.slice(0, -1))).toBeUndefined()
    // 0, 1, O and I are not in the alphabet: a key with them was misread.
    expect(normalizeRecoveryKey(`${key.slice(0, -1)}0`)).toBeUndefined()
    expect(() => recoveryKeyFrom(new Uint8Array(10))).toThrow()
  })

  it('prints the key on one page with how to use and keep it', async () => {
    const pdf = await renderNode(recoveryKeyToDocDef({ name: '新华路社区', recoveryKey: key, date: '2026-12-01' }))
    const text = pdfTextCompact(pdf)
    expect(text).toContain('开机密码恢复密钥')
    expect(text).toContain(key)
    expect(text).toContain('不要和电脑放在一起')
    expect(pdfPageCount(pdf)).toBe(1)
    pdfToPngs(pdf, 'recovery-key')
  })
})

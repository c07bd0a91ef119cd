// The chain's SHA-256 (platform/hash.ts) moved from WebCrypto to hash-wasm for
// speed: every digest must stay what WebCrypto gives, or no sealed meeting
// would verify any more.
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '@/platform/hash'

async function webCrypto(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%j → the published digest', async (text, hex) => {
    expect(await sha256Hex(text)).toBe(hex)
  })

  it('equals WebCrypto for Chinese text, rare characters, emoji and long records, also when called concurrently', async () => {
    const texts = [
      '{"name":"梁堃","state":"present"}',
      '堃 喆 昇 赟 珺 玥 镕 𠀀',
      '同意开通北门，由物业负责。👍',
      'x'.repeat(100_000),
      ...Array.from({ length: 200 }, (_, i) => `{"id":"a-${i}","name":"王建国${i}"}`),
    ]
    const ours = await Promise.all(texts.map(sha256Hex))
    expect(ours).toEqual(await Promise.all(texts.map(webCrypto)))
  })
})

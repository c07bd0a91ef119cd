import { describe, expect, it } from 'vitest'
import { appendToChain, canonicalJson, normaliseCode, verificationCode, verifyChain } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'

let n = 0
const ctx = {
  communityId: 'c1',
  meetingId: 'm1',
  at: '2026-12-10T10:00:00.000Z',
  newId: () => `s${n++}`,
  sha256: sha256Hex,
}

describe('hash chain basics', () => {
  it('canonical JSON sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined], c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":[1,null]},"b":1}',
    )
  })
  it('a chain verifies, and a changed record or link is found', async () => {
    const vote = { id: 'v1', for: 20, against: 3 }
    const att = { id: 'a1', name: '王建国', state: 'present' }
    const chain = await appendToChain(
      undefined,
      [
        { kind: 'attendance', record: att },
        { kind: 'vote', record: vote },
      ],
      ctx,
    )
    const records = new Map<string, unknown>([
      ['v1', vote],
      ['a1', att],
    ])
    const ok = await verifyChain(chain, records, sha256Hex)
    expect(ok.ok).toBe(true)
    expect(await verifyChain(chain, new Map([...records, ['v1', { ...vote, for: 21 }]]), sha256Hex)).toMatchObject({
      ok: false,
      seq: 1,
      reason: 'payload',
    })
    expect(await verifyChain([chain[1]!], records, sha256Hex)).toMatchObject({ ok: false })
  })
  it('an action item may change status without breaking its seal', async () => {
    const item = {
      id: 'i1',
      title: '开通北门',
      owner: '物业',
      standard: '门禁可用',
      dueOn: '2027-01-31',
      supervisor: '监委会',
      status: 'notStarted',
    }
    const chain = await appendToChain(undefined, [{ kind: 'actionItem', record: item }], ctx)
    expect((await verifyChain(chain, new Map([['i1', { ...item, status: 'accepted' }]]), sha256Hex)).ok).toBe(true)
    expect((await verifyChain(chain, new Map([['i1', { ...item, owner: '居委会' }]]), sha256Hex)).ok).toBe(false)
  })
  it('verification codes are short, stable and forgiving when typed', () => {
    const code = verificationCode('a'.repeat(64))
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(normaliseCode(code.toLowerCase().replace('-', ' '))).toBe(code)
  })
})

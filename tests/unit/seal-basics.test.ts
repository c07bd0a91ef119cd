import { describe, expect, it } from 'vitest'
import {
  appendToChain,
  canonicalJson,
  codeMatches,
  normaliseCode,
  sealedRecords,
  verificationCode,
  verifyChain,
} from '@/domain/seal'
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
    const records = sealedRecords({ vote: [vote], attendance: [att] })
    const ok = await verifyChain(chain, records, sha256Hex)
    expect(ok.ok).toBe(true)
    const changed = sealedRecords({ vote: [{ ...vote, for: 21 }], attendance: [att] })
    expect(await verifyChain(chain, changed, sha256Hex)).toMatchObject({
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
    const as = (record: typeof item) => sealedRecords({ actionItem: [record] })
    expect((await verifyChain(chain, as({ ...item, status: 'accepted' }), sha256Hex)).ok).toBe(true)
    expect((await verifyChain(chain, as({ ...item, owner: '居委会' }), sha256Hex)).ok).toBe(false)
  })
  it('a sealed vote copied under its id into another sealed table is refused, not used', async () => {
    const vote = { id: 'v1', for: 5, against: 1, result: 'passed' }
    const chain = await appendToChain(undefined, [{ kind: 'vote', record: vote }], ctx)
    const decoy = { ...vote }
    const tampered = sealedRecords({ vote: [{ ...vote, for: 1, against: 5, result: 'rejected' }], amendment: [decoy] })
    expect(await verifyChain(chain, tampered, sha256Hex)).toMatchObject({
      ok: false,
      reason: 'duplicate',
      strayKind: 'amendment',
    })
    // The copy alone, with the vote deleted, does not stand in for it either.
    expect(await verifyChain(chain, sealedRecords({ amendment: [decoy] }), sha256Hex)).toMatchObject({ ok: false })
  })
  it('verification codes carry 100 bits in five groups and are forgiving when typed', () => {
    const code = verificationCode('a'.repeat(64))
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(code.replace(/-/g, '').length * 5).toBeGreaterThanOrEqual(80)
    expect(normaliseCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code)
    expect(codeMatches('a'.repeat(64), code.toLowerCase())).toBe(true)
    expect(codeMatches('b'.repeat(64), code)).toBe(false)
    // A code printed before the change (10 characters, 50 bits) still names its link.
    expect(codeMatches('a'.repeat(64), 'NANAN-ANANA')).toBe(true)
  })
})

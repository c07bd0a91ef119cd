import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { appendToChain, sealedRecords, verifyChain, type SealKind } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'

// Records shaped like sealed attendance rows, votes and resolutions.
const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean())
const record = fc.dictionary(fc.constantFrom('name', 'state', 'for', 'against', 'text', 'result', 'arrivedAt'), value, {
  minKeys: 1,
})
const kinds: SealKind[] = ['attendance', 'vote', 'resolution']

describe('sealed records (property)', () => {
  it('any change to any sealed record is detected when the chain is verified', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.constantFrom('name', 'state', 'for', 'against', 'text', 'result', 'extra'),
        value,
        async (recs, pick, key, newValue) => {
          const rows = recs.map((r, i) => ({ ...r, id: `r${i}` }))
          let n = 0
          const chain = await appendToChain(
            undefined,
            rows.map((r, i) => ({ kind: kinds[i % 3]!, record: r })),
            {
              communityId: 'c',
              meetingId: 'm',
              at: '2026-12-10T10:00:00.000Z',
              newId: () => `s${n++}`,
              sha256: sha256Hex,
            },
          )
          const group = (list: typeof rows) => ({
            attendance: list.filter((_, i) => i % 3 === 0),
            vote: list.filter((_, i) => i % 3 === 1),
            resolution: list.filter((_, i) => i % 3 === 2),
          })
          expect((await verifyChain(chain, sealedRecords(group(rows)), sha256Hex)).ok).toBe(true)
          const target = rows[pick % rows.length]!
          const changed = { ...target, [key]: newValue } as Record<string, unknown>
          fc.pre(JSON.stringify(Object.entries(changed).sort()) !== JSON.stringify(Object.entries(target).sort()))
          const after = rows.map((r) => (r.id === target.id ? (changed as typeof r) : r))
          const check = await verifyChain(chain, sealedRecords(group(after)), sha256Hex)
          expect(check).toMatchObject({ ok: false, seq: pick % rows.length, reason: 'payload' })
        },
      ),
      { numRuns: 150 },
    )
  })
})

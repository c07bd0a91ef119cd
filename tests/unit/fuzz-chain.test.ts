// 10,000 random edits, deletions, reorderings and truncations of a sealed
// chain of three meetings: every one must be detected by auditChain.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  appendToChain,
  sealedPayload,
  verificationCode,
  type SealEntry,
  type SealKind,
  type ToSeal,
} from '@/domain/seal'
import { auditChain, meetingForCode } from '@/domain/chain-audit'
import { sha256Hex } from '@/platform/hash'

const AT = '2026-11-20T08:00:00.000Z'
const chain: SealEntry[] = []
const records = new Map<string, Record<string, unknown>>()
const meetings: { id: string; verificationCode: string }[] = []

beforeAll(async () => {
  let n = 0
  for (let m = 0; m < 3; m++) {
    const meetingId = `m${m}`
    const meeting = {
      id: meetingId,
      communityId: 'c',
      title: `第${m + 1}次议事会`,
      type: 'redBench',
      date: `2026-0${m + 1}-10`,
      place: '会议室',
    }
    const toSeal: ToSeal[] = [{ kind: 'meeting', record: meeting }]
    for (let i = 0; i < 8; i++)
      toSeal.push({
        kind: 'attendance',
        record: { id: `a${m}-${i}`, meetingId, name: `居民${i}`, role: '居民代表', state: 'present' },
      })
    toSeal.push({ kind: 'vote', record: { id: `v${m}`, meetingId, for: 6, against: 1, abstain: 1, method: 'hands' } })
    toSeal.push({ kind: 'resolution', record: { id: `r${m}`, meetingId, text: '同意' } })
    toSeal.push({
      kind: 'actionItem',
      record: {
        id: `i${m}`,
        meetingId,
        title: '施工',
        owner: '物业',
        standard: '验收合格',
        dueOn: '2027-01-01',
        supervisor: '监委会',
        status: 'open',
      },
    })
    for (const t of toSeal) records.set(t.record.id, t.record)
    const links = await appendToChain(chain.at(-1), toSeal, {
      communityId: 'c',
      meetingId,
      at: AT,
      newId: () => `s${n++}`,
      sha256: sha256Hex,
    })
    chain.push(...links)
    meetings.push({ id: meetingId, verificationCode: verificationCode(links.at(-1)!.hash) })
  }
})

/** Fields each hash actually covers; the link's own id and timestamps are bookkeeping. */
const LINK_FIELDS = ['seq', 'kind', 'recordId', 'meetingId', 'payloadHash', 'prevHash', 'hash', 'at'] as const
const covered = (kind: SealKind, record: Record<string, unknown>) =>
  Object.keys(sealedPayload(kind, record)).filter((k) => record[k] !== undefined)

const tamper = fc.oneof(
  fc.record({
    kind: fc.constant('editRecord' as const),
    at: fc.nat(),
    field: fc.nat(),
    value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  }),
  fc.record({
    kind: fc.constant('editLink' as const),
    at: fc.nat(),
    field: fc.constantFrom(...LINK_FIELDS),
    value: fc.oneof(fc.string(), fc.integer()),
  }),
  fc.record({ kind: fc.constant('deleteLink' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deleteRecord' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('reorder' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
)

describe('sealed chain tampering', () => {
  it('the untouched chain verifies and a printed code finds its meeting', async () => {
    expect(await auditChain(chain, records, meetings, sha256Hex)).toMatchObject({ ok: true, length: chain.length })
    expect(meetingForCode(meetings[1]!.verificationCode.toLowerCase(), chain)).toBe('m1')
  })

  it('10,000 random tamperings: all detected', async () => {
    const byReason: Record<string, number> = {}
    let runs = 0
    await fc.assert(
      fc.asyncProperty(tamper, async (t) => {
        let entries = chain.map((e) => ({ ...e }))
        const recs = new Map(records)
        switch (t.kind) {
          case 'editRecord': {
            const e = entries[t.at % entries.length]!
            const rec = { ...recs.get(e.recordId)! }
            const keys = covered(e.kind, rec)
            const key = keys[t.field % keys.length]!
            rec[key] = JSON.stringify(rec[key]) === JSON.stringify(t.value) ? `${String(t.value)}改` : t.value
            recs.set(e.recordId, rec)
            break
          }
          case 'editLink': {
            const e = entries[t.at % entries.length]! as unknown as Record<string, unknown>
            e[t.field] = e[t.field] === t.value ? `${String(t.value)}x` : t.value
            break
          }
          case 'deleteLink':
            entries.splice(t.at % entries.length, 1)
            break
          case 'deleteRecord':
            recs.delete(entries[t.at % entries.length]!.recordId)
            break
          case 'reorder': {
            const i = t.a % entries.length
            const j = (i + 1 + (t.b % (entries.length - 1))) % entries.length
            ;[entries[i], entries[j]] = [entries[j]!, entries[i]!]
            // Renumber so the order check alone cannot catch it: the links must.
            entries = entries.map((e, k) => ({ ...e, seq: k }))
            break
          }
          case 'truncate':
            entries = entries.slice(0, t.keep % entries.length)
            break
        }
        const audit = await auditChain(entries, recs, meetings, sha256Hex)
        runs += 1
        const label = audit.ok ? 'UNDETECTED' : `${t.kind}:${audit.reason}`
        byReason[label] = (byReason[label] ?? 0) + 1
        return !audit.ok
      }),
      { numRuns: 10_000, seed: 7 },
    )
    console.info(`[chain] ${runs} tamperings, all detected; by kind and reason: ${JSON.stringify(byReason)}`)
    expect(runs).toBe(10_000)
  }, 600_000)
})

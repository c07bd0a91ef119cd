// 10,000 random edits, deletions, reorderings and truncations of a sealed
// chain of three meetings, decoy copies of sealed records in another sealed
// table, and chains recomputed from scratch with the stored codes rewritten
// to match: every one must be detected by auditChain (against the codes
// issued at sealing) or by the code printed on paper.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  appendToChain,
  sealedPayload,
  SEAL_KINDS,
  verificationCode,
  type SealEntry,
  type SealKind,
  type ToSeal,
} from '@/domain/seal'
import { auditChain, meetingForCode, type IssuedCode } from '@/domain/chain-audit'
import { sha256Hex } from '@/platform/hash'

const AT = '2026-11-20T08:00:00.000Z'
const chain: SealEntry[] = []
/** Per kind, as the tables hold them. */
const records = new Map<SealKind, Map<string, Record<string, unknown>>>(SEAL_KINDS.map((k) => [k, new Map()]))
const meetings: { id: string; verificationCode: string }[] = []
/** The codes issued at sealing, kept outside the database; also what is printed on the minutes. */
const issued: IssuedCode[] = []
const toSealAll: ToSeal[][] = []

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
    for (const t of toSeal) records.get(t.kind)!.set(t.record.id, t.record)
    toSealAll.push(toSeal)
    const links = await appendToChain(chain.at(-1), toSeal, {
      communityId: 'c',
      meetingId,
      at: AT,
      newId: () => `s${n++}`,
      sha256: sha256Hex,
    })
    chain.push(...links)
    const head = links.at(-1)!.hash
    meetings.push({ id: meetingId, verificationCode: verificationCode(head) })
    issued.push({ communityId: 'c', meetingId, code: verificationCode(head), head, at: AT })
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
  // The attack of issue 15: the real record changed, an untouched copy under its id in another sealed table.
  fc.record({ kind: fc.constant('decoy' as const), at: fc.nat(), into: fc.nat(), value: fc.integer() }),
  // A record changed and the whole chain recomputed from it, with every stored code rewritten to match.
  fc.record({ kind: fc.constant('recompute' as const), at: fc.nat(), field: fc.nat(), value: fc.string() }),
)

const copyRecords = () => new Map([...records].map(([k, m]) => [k, new Map(m)]))

async function recomputed(at: number, field: number, value: string) {
  const all = toSealAll.flat()
  const pick = all[at % all.length]!
  const keys = covered(pick.kind, pick.record).filter((k) => k !== 'id')
  const key = keys[field % keys.length]!
  const changed = { ...pick.record, [key]: pick.record[key] === value ? `${value}改` : value }
  const recs = copyRecords()
  recs.get(pick.kind)!.set(changed.id, changed)
  const entries: SealEntry[] = []
  const codes: { id: string; verificationCode: string }[] = []
  let n = 0
  for (const [m, group] of toSealAll.entries()) {
    const links = await appendToChain(
      entries.at(-1),
      group.map((t) => (t.record.id === changed.id ? { ...t, record: changed } : t)),
      { communityId: 'c', meetingId: `m${m}`, at: AT, newId: () => `x${n++}`, sha256: sha256Hex },
    )
    entries.push(...links)
    codes.push({ id: `m${m}`, verificationCode: verificationCode(links.at(-1)!.hash) })
  }
  return { entries, recs, codes, meetingId: String(pick.record.meetingId ?? pick.record.id) }
}

describe('sealed chain tampering', () => {
  it('the untouched chain verifies and a printed code finds its meeting', async () => {
    expect(await auditChain(chain, records, meetings, sha256Hex, issued)).toMatchObject({
      ok: true,
      length: chain.length,
    })
    expect(meetingForCode(meetings[1]!.verificationCode.toLowerCase(), chain)).toBe('m1')
    expect(meetingForCode(`shangliang:seal:${issued[2]!.head}`, chain)).toBe('m2')
  })

  it('10,000 random tamperings: all detected', async () => {
    const byReason: Record<string, number> = {}
    let runs = 0
    await fc.assert(
      fc.asyncProperty(tamper, async (t) => {
        let entries = chain.map((e) => ({ ...e }))
        let recs = copyRecords()
        let stored = meetings
        /** Whether the code printed on the paper minutes still finds its meeting in the changed chain. */
        let printedStillMatches = true
        switch (t.kind) {
          case 'editRecord': {
            const e = entries[t.at % entries.length]!
            const rec = { ...recs.get(e.kind)!.get(e.recordId)! }
            const keys = covered(e.kind, rec)
            const key = keys[t.field % keys.length]!
            rec[key] = JSON.stringify(rec[key]) === JSON.stringify(t.value) ? `${String(t.value)}改` : t.value
            recs.get(e.kind)!.set(e.recordId, rec)
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
          case 'deleteRecord': {
            const e = entries[t.at % entries.length]!
            recs.get(e.kind)!.delete(e.recordId)
            break
          }
          case 'decoy': {
            const e = entries[t.at % entries.length]!
            const original = recs.get(e.kind)!.get(e.recordId)!
            const others = SEAL_KINDS.filter((k) => k !== e.kind)
            recs.get(others[t.into % others.length]!)!.set(e.recordId, { ...original })
            const keys = covered(e.kind, original)
            const key = keys[t.value % keys.length]!
            recs.get(e.kind)!.set(e.recordId, { ...original, [key]: `${String(original[key])}改` })
            break
          }
          case 'recompute': {
            const r = await recomputed(t.at, t.field, t.value)
            entries = r.entries
            recs = r.recs
            stored = r.codes
            const paper = issued.find((c) => c.meetingId === r.meetingId)!.code
            printedStillMatches = meetingForCode(paper, entries) === r.meetingId
            break
          }
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
        const audit = await auditChain(entries, recs, stored, sha256Hex, issued)
        runs += 1
        const label = audit.ok ? 'UNDETECTED' : `${t.kind}:${audit.reason}`
        byReason[label] = (byReason[label] ?? 0) + 1
        if (t.kind === 'recompute' && !printedStillMatches)
          byReason['recompute:printed'] = (byReason['recompute:printed'] ?? 0) + 1
        // A recomputed chain must be caught twice over: by the issued-code log and by the paper.
        return !audit.ok && (t.kind !== 'recompute' || !printedStillMatches)
      }),
      { numRuns: 10_000, seed: 7 },
    )
    console.info(`[chain] ${runs} tamperings, all detected; by kind and reason: ${JSON.stringify(byReason)}`)
    expect(runs).toBe(10_000)
  }, 600_000)
})

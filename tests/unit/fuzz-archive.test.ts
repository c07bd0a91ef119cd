// 1,000+ corrupted or forged archives against a live database: every one must
// be refused with an ArchiveError (a message key), none may crash the import
// or write anything (the database's canonical hash stays the same).
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { unzipSync, zipSync } from 'fflate'
import { databaseHash, exportArchive, importArchive } from '@/db/archive.repo'
import { ArchiveError } from '@/archive/errors'
import { concatBytes, sha256Bytes } from '@/archive/bytes'
import { seedCommunity, wipe } from './support/archive-fixture'

const enc = new TextEncoder()
const dec = new TextDecoder()
let original: Uint8Array
let files: Record<string, Uint8Array>
let hashBefore: string

/** Re-packs edited files the way a forger would: checksums and frame recomputed, so only the deeper checks can catch it. */
async function forge(edit: (f: Record<string, Uint8Array>) => void, fixSums = true): Promise<Uint8Array> {
  const f = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.slice()]))
  edit(f)
  if (fixSums) {
    const manifest = JSON.parse(dec.decode(f['manifest.json']!))
    for (const path of Object.keys(manifest.files)) if (f[path]) manifest.files[path] = await sha256Bytes(f[path]!)
    f['manifest.json'] = enc.encode(JSON.stringify(manifest))
  }
  const zip = zipSync(f)
  const sum = Uint8Array.from((await sha256Bytes(zip)).match(/../g)!, (h) => parseInt(h, 16))
  return concatBytes(original.subarray(0, 5), sum, zip)
}

const TARGET_TABLES = ['votes', 'attendance', 'resolutions', 'seals'] as const
type Json = Record<string, unknown>
const rowsOf = (f: Record<string, Uint8Array>, t: string) => JSON.parse(dec.decode(f[`tables/${t}.json`]!)) as Json[]
const setRows = (f: Record<string, Uint8Array>, t: string, rows: unknown) =>
  (f[`tables/${t}.json`] = enc.encode(JSON.stringify(rows)))

const table = fc.constantFrom(...TARGET_TABLES)
const pick = fc.nat({ max: 1000 })

const mutations = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    positions: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 8 }),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('dropField' as const), table, row: pick, field: pick }),
  fc.record({
    kind: fc.constant('wrongType' as const),
    table,
    row: pick,
    field: pick,
    value: fc.constantFrom<unknown>(null, 42, true, [], {}, 'x', -1.5),
  }),
  fc.record({
    kind: fc.constant('hugeString' as const),
    table: fc.constantFrom('people', 'topics', 'votes', 'communities'),
    size: fc.integer({ min: 200_001, max: 600_000 }),
  }),
  fc.record({
    kind: fc.constant('proto' as const),
    table: fc.constantFrom('people', 'topics', 'votes', 'contacts', 'communities'),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    table: fc.constantFrom('people', 'topics', 'attachments'),
    depth: fc.integer({ min: 30, max: 200_000 }),
  }),
  fc.record({ kind: fc.constant('badSum' as const), which: fc.constantFrom('file', 'manifest') }),
  fc.record({
    kind: fc.constant('manifest' as const),
    change: fc.constantFrom(
      'version',
      'format',
      'extraFile',
      'missingFile',
      'count',
      'unknownTable',
      'notJson',
      'badPath',
    ),
  }),
  fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
)
type Mutation = typeof mutations extends fc.Arbitrary<infer T> ? T : never

async function corrupt(m: Mutation): Promise<Uint8Array> {
  switch (m.kind) {
    case 'truncate':
      return original.slice(0, m.at % original.length)
    case 'flip': {
      const b = original.slice()
      // Distinct positions, so two flips never cancel out into the original file.
      for (const p of new Set(m.positions.map((x) => x % b.length))) b[p]! ^= m.mask
      return b
    }
    case 'dropField':
      return forge((f) => {
        const rows = rowsOf(f, m.table)
        const row = rows[m.row % rows.length]!
        const keys = Object.keys(row)
        delete row[keys[m.field % keys.length]!]
        setRows(f, m.table, rows)
      })
    case 'wrongType':
      return forge((f) => {
        const rows = rowsOf(f, m.table)
        const row = rows[m.row % rows.length]!
        const keys = Object.keys(row)
        const key = keys[m.field % keys.length]!
        // A value of a different JSON type than the one there (a string for a number, an object for a string…).
        const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)
        row[key] = typeOf(row[key]) === typeOf(m.value) ? [m.value] : m.value
        setRows(f, m.table, rows)
      })
    case 'hugeString':
      return forge((f) => {
        const rows = rowsOf(f, m.table)
        rows[0]!.note = '议'.repeat(m.size)
        setRows(f, m.table, rows)
      })
    case 'proto':
      // Written as raw JSON text: a JS literal would set the prototype instead of a key.
      return forge((f) => {
        const text = dec.decode(f[`tables/${m.table}.json`]!)
        f[`tables/${m.table}.json`] = enc.encode(text.replace('[{', `[{"${m.key}":{"isAdmin":true},`))
      })
    case 'deep':
      return forge((f) => {
        const text = dec.decode(f[`tables/${m.table}.json`]!)
        f[`tables/${m.table}.json`] = enc.encode(
          text.replace('[{', `[{"nest":${'['.repeat(m.depth)}${']'.repeat(m.depth)},`),
        )
      })
    case 'badSum':
      return forge((f) => {
        if (m.which === 'file')
          f['tables/people.json'] = enc.encode(dec.decode(f['tables/people.json']!).replace('王建国', '王建军'))
        else {
          const manifest = JSON.parse(dec.decode(f['manifest.json']!))
          manifest.files['tables/votes.json'] = '0'.repeat(64)
          f['manifest.json'] = enc.encode(JSON.stringify(manifest))
        }
      }, false)
    case 'manifest':
      return forge((f) => {
        const manifest = JSON.parse(dec.decode(f['manifest.json']!))
        if (m.change === 'version') manifest.version = 99
        if (m.change === 'format') manifest.format = 'other-app'
        if (m.change === 'extraFile') f['tables/evil.json'] = enc.encode('[]')
        if (m.change === 'missingFile') delete f['tables/contacts.json']
        if (m.change === 'count') manifest.tables.people += 1
        if (m.change === 'unknownTable') {
          manifest.tables.evil = 0
          f['tables/evil.json'] = enc.encode('[]')
          manifest.files['tables/evil.json'] = '0'.repeat(64)
        }
        if (m.change === 'badPath') manifest.files['../../etc/passwd'] = '0'.repeat(64)
        f['manifest.json'] = m.change === 'notJson' ? enc.encode('{"format":') : enc.encode(JSON.stringify(manifest))
      }, m.change === 'unknownTable')
    case 'reorder':
      // Seals out of order, or a link of the chain moved to another place.
      return forge((f) => {
        const rows = rowsOf(f, 'seals')
        const i = m.seed % rows.length
        const j = (i + 1 + (m.seed % (rows.length - 1))) % rows.length
        ;[rows[i]!.seq, rows[j]!.seq] = [rows[j]!.seq, rows[i]!.seq]
        setRows(f, 'seals', rows)
      })
  }
}

describe('fuzzed archives', () => {
  beforeAll(async () => {
    await wipe()
    await seedCommunity()
    original = await exportArchive()
    files = unzipSync(original.subarray(37))
    hashBefore = await databaseHash()
  })

  it('1,200 corrupted archives: 0 crashes, 0 partial writes, 100% refused with a message', async () => {
    const tally = { runs: 0, refused: 0, crashes: 0, accepted: 0, changedDb: 0 }
    const byCode: Record<string, number> = {}
    await fc.assert(
      fc.asyncProperty(mutations, fc.boolean(), async (m, merge) => {
        const bytes = await corrupt(m)
        tally.runs += 1
        try {
          await importArchive(bytes, merge ? 'merge' : 'replace')
          tally.accepted += 1
          if (tally.accepted < 6) console.error('accepted', JSON.stringify(m).slice(0, 300), merge)
        } catch (e) {
          if (e instanceof ArchiveError) {
            tally.refused += 1
            byCode[e.code] = (byCode[e.code] ?? 0) + 1
          } else {
            tally.crashes += 1
            console.error('crash', m.kind, e)
          }
        }
        if ((await databaseHash()) !== hashBefore) {
          tally.changedDb += 1
          if (tally.changedDb < 4) console.error('changed', JSON.stringify(m).slice(0, 300), merge)
        }
        return true
      }),
      { numRuns: 1200, seed: 20261123 },
    )
    console.info(
      `[fuzz] ${tally.runs} archives: refused ${tally.refused}, accepted ${tally.accepted}, crashes ${tally.crashes}, database changed ${tally.changedDb}`,
    )
    console.info(`[fuzz] refusals by reason: ${JSON.stringify(byCode)}`)
    expect(tally.crashes).toBe(0)
    expect(tally.changedDb).toBe(0)
    expect(tally.accepted).toBe(0)
    expect(tally.refused).toBe(1200)
  }, 600_000)
})

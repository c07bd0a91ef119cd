// Importing an existing ledger: all rows or none, each bad row named, new
// channels and categories offered, original dates kept, and the figures.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { importLedger } from '@/db/ledger-import.repo'
import { listRequests, requestEvents } from '@/db/requests.repo'
import { statsFor } from '@/db/stats.repo'
import { requestFiguresFor } from '@/db/request-stats.repo'
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS } from '@/domain/community'
import { LEDGER_VOCABULARY, normalizeDay, validateLedgerRows } from '@/domain/ledger-import'
import { parseXlsx } from '@/io/sheet'
import { badLedgerRows, LEDGER_HEADERS, ledgerRows, ledgerXlsx } from '../e2e/fixtures/ledger'

const C = 'c1'
const settings = {
  channels: DEFAULT_CHANNELS,
  categories: DEFAULT_CATEGORIES,
  handlingDays: {},
  holidays: [],
  today: '2026-12-01',
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  await db.communities.add({ id: C, name: '幸福社区', partyOrg: '中共幸福社区委员会', superior: '新华路街道' } as never)
})

describe('ledger import', () => {
  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025/3/5', '2025-03-05'],
    ['2025.3.5', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['2025-02-30', undefined],
    ['3月5日', undefined],
  ])('reads the day %s as %s', (text, day) => expect(normalizeDay(text)).toBe(day))

  it('refuses a file with three bad rows, naming each, and writes nothing', async () => {
    const result = validateLedgerRows(LEDGER_HEADERS, badLedgerRows(), LEDGER_VOCABULARY, settings)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.rows.map((r) => [r.row, r.column, r.problem.key])).toEqual([
      [6, '受理日期', 'intake.import.badDate'],
      [13, '理由/上报去向', 'intake.errors.rejectReason'],
      [28, '办理类型', 'intake.import.unknownType'],
    ])
    expect(await db.requests.count()).toBe(0)
  })

  it('imports 1,240 rows from xlsx in one write, keeping dates, marking the trail, adding new channels', async () => {
    const sheet = await parseXlsx(new Uint8Array(await ledgerXlsx(ledgerRows())).buffer)
    const result = validateLedgerRows(sheet.headers, sheet.rows, LEDGER_VOCABULARY, settings)
    if (!result.ok) throw new Error(JSON.stringify(result.rows.slice(0, 3)))
    // Channels the settings do not list yet are offered to be added; known ones are not.
    expect(result.newChannels).toEqual(['12345热线'])
    const shares: number[] = []
    const started = performance.now()
    const n = await importLedger(
      C,
      {
        fileName: '2025年民情台账.xlsx',
        by: '刘海燕',
        addChannels: result.newChannels,
        addCategories: result.newCategories,
        requests: result.requests,
      },
      (s) => shares.push(s),
    )
    expect(performance.now() - started).toBeLessThan(5000)
    expect(n).toBe(1240)
    expect(shares.at(-1)).toBe(1)
    expect(shares.length).toBeGreaterThan(3)
    const all = await listRequests(C)
    const first = all.find((r) => r.description === '楼道灯不亮（第1件）')!
    expect(first).toMatchObject({
      receivedOn: '2025-01-01',
      status: 'resolved',
      resolvedOn: '2025-01-01',
      satisfaction: 'fair',
    })
    expect((await requestEvents(first.id)).map((e) => [e.kind, e.note ?? e.feedback?.content])).toEqual([
      ['imported', '导入自“2025年民情台账.xlsx”第 2 行，原受理日期 2025-01-01'],
      ['feedback', '电话告知办理结果'],
    ])
    const rejected = all.filter((r) => r.status === 'rejected')
    expect(rejected).toHaveLength(37)
    expect(rejected.every((r) => r.triage?.reason === '属业主私人财产纠纷，已告知诉讼途径')).toBe(true)
    expect(all.filter((r) => r.assignments?.[0]?.handler === '网格员小周')).toHaveLength(5)
    const community = await db.communities.get(C)
    expect(community?.channels).toEqual([...DEFAULT_CHANNELS, '12345热线'])

    const year = { from: '2025-01-01', to: '2025-12-31' }
    const s = await statsFor(C, year)
    expect(s).toMatchObject({ collected: 1240, resolved: 1198 })
    expect((s.resolutionRate! * 100).toFixed(1)).toBe('96.6')
    const f = await requestFiguresFor(C, year)
    expect(f).toMatchObject({ reached: 1198, satisfied: 1174, fair: 24, dissatisfied: 0 })
  })
})

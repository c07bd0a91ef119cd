// Handling types renamed in settings (Kenli: 即办件、待办件、上报件): the five
// meanings and deadlines stay, the names change on the ledger export, the
// statistics sheet and workbook, the dossier, and the import reads them.
import { describe, expect, it } from 'vitest'
import { communitySettingsSchema } from '@/domain/community'
import { DEFAULT_HANDLING_NAMES, dueDateFor, handlingNames } from '@/domain/handling'
import { LEDGER_VOCABULARY, validateLedgerRows } from '@/domain/ledger-import'
import { parseForm } from '@/domain/validate'
import { periodStats } from '@/domain/stats'
import { statisticsToDocDef } from '@/pdf/docs/statistics'
import { statsSheets } from '@/views/stats/statsWorkbook'
import { LEDGER_HEADERS } from '../e2e/fixtures/ledger'
import { pdfTextCompact, renderNode } from './support/pdf'

// Kenli keeps 即办件 and 上报件, and calls the committed-date type 待办件.
const KENLI = { committed: '待办件', supplement: '', suggestion: '  ' }

const settings = (handlingNames: unknown) => ({
  name: '胜利社区',
  kind: 'community',
  partyOrg: '中共胜利社区委员会',
  superior: '胜利街道',
  rolePresetId: 'preset-kenli',
  noticePeriodDays: 7,
  deliberationDay: 10,
  handlingNames,
})

describe('handling type names', () => {
  it('keeps the standard name where none is given, and the local one where it is', () => {
    expect(handlingNames(undefined)).toEqual(DEFAULT_HANDLING_NAMES)
    expect(handlingNames(KENLI)).toEqual({
      immediate: '即办件',
      supplement: '补办件',
      committed: '待办件',
      suggestion: '建议件',
      escalate: '上报件',
    })
  })

  it.each([
    { names: KENLI, problems: {} },
    { names: { committed: '待办件待办件待办件' }, problems: { 'handlingNames.committed': 'validation.handlingName' } },
    // 上报件 is already the escalation type's name: a second type under it could not be told apart.
    { names: { committed: '上报件' }, problems: { 'handlingNames.committed': 'validation.handlingNameTwice' } },
    {
      names: { committed: '待办件', supplement: '待办件' },
      problems: {
        'handlingNames.supplement': 'validation.handlingNameTwice',
        'handlingNames.committed': 'validation.handlingNameTwice',
      },
    },
  ])('checks $names in the settings form', ({ names, problems }) => {
    const parsed = parseForm(communitySettingsSchema, settings(names))
    const got = parsed.ok ? {} : Object.fromEntries(Object.entries(parsed.fields).map(([k, p]) => [k, p.key]))
    expect(got).toEqual(problems)
  })

  it('changes the name only: a 待办件 is still due 15 working days on', () => {
    expect(dueDateFor('committed', '2026-12-01')).toBe('2026-12-22')
  })

  it('prints the local names on the statistics sheet and workbook', async () => {
    const stats = periodStats(
      {
        requests: (['committed', 'committed', 'immediate', 'escalate'] as const).map((handlingType, i) => ({
          receivedOn: '2026-03-01',
          status: i < 3 ? 'resolved' : 'open',
          channel: '居民说事厅',
          handlingType,
          category: '环境卫生',
          resolvedOn: '2026-03-05',
        })),
        items: [],
        evaluations: [],
      },
      { from: '2026-03-01', to: '2026-03-31' },
      '2026-04-01',
    )
    const names = handlingNames(KENLI)
    const text = pdfTextCompact(
      await renderNode(
        statisticsToDocDef({
          communityName: '胜利社区',
          superior: '胜利街道',
          date: '2026-04-01',
          stats,
          handlingNames: names,
        }),
      ),
    )
    expect(text).toContain('待办件')
    expect(text).not.toContain('承诺件')
    const sheet = statsSheets(stats, undefined, names).find((s) => s.name === '按办理类型')!
    expect(sheet.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['待办件', '即办件', '上报件']))
    expect(sheet.rows.find((r) => r[0] === '待办件')?.slice(1, 3)).toEqual([2, 2])
  })

  it('reads a ledger that uses the local name, and one written before the rename', () => {
    const row = (type: string) =>
      Object.fromEntries(
        LEDGER_HEADERS.map((h) => [
          h,
          { 受理日期: '2026-03-02', 诉求内容: '楼道灯不亮', 办理类型: type, 办理状态: '办理中' }[h as string] ?? '',
        ]),
      )
    const vocab = { ...LEDGER_VOCABULARY, handlingTypes: handlingNames(KENLI) }
    const opts = { channels: ['其他'], categories: ['其他'], handlingDays: {}, holidays: [], today: '2026-12-01' }
    const result = validateLedgerRows(LEDGER_HEADERS, [row('待办件'), row('承诺件'), row('上报件')], vocab, opts)
    if (!result.ok) throw new Error(JSON.stringify(result.rows))
    expect(result.requests.map((r) => r.handlingType)).toEqual(['committed', 'committed', 'escalate'])
    const bad = validateLedgerRows(LEDGER_HEADERS, [row('急办件')], vocab, opts)
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.rows[0]!.problem.params?.known).toBe('即办件、补办件、待办件、建议件、上报件')
  })
})

// 文号: a pattern from the settings, a sequence per year and kind, issued once
// per meeting and kind and stored, so a reprint carries the same number.
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setClock } from '@/domain/calendar'
import { formatDocNumber, nextSeq } from '@/domain/doc-number'
import { communitySettingsSchema } from '@/domain/community'
import { db, ShangliangDb } from '@/db/schema'
import { docNumber } from '@/db/doc-numbers.repo'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { sampleMeeting } from '@/pdf/samples'
import { pdfTextRaw, renderNode } from './support/pdf'

const C = 'c1'
const AT = '2026-11-01T00:00:00.000Z'
const meeting = (id: string, sealedAt?: string) => ({
  id,
  communityId: C,
  title: `议事会${id}`,
  status: sealedAt ? 'closed' : 'planned',
  date: '2026-12-10',
  createdAt: AT,
  updatedAt: AT,
  ...(sealedAt ? { sealedAt } : {}),
})

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  await db.communities.add({ id: C, communityId: C, name: '新华路社区', partyOrg: '中共新华路社区委员会' } as never)
  await db.meetings.bulkAdd([meeting('m1'), meeting('m2'), meeting('m3', '2026-12-10T09:00:00Z')] as never)
  setClock({ now: () => new Date('2026-12-01T09:00:00+08:00') })
})
afterEach(() => setClock())

describe('formatting', () => {
  it.each([
    ['{prefix}{kind}〔{year}〕{seq}号', '新华路社区', 'minutes', 2026, 3, '新华路社区纪〔2026〕3号'],
    ['{prefix}议〔{year}〕{seq}号', '某某社区', 'agendaNotice', 2026, 12, '某某社区议〔2026〕12号'],
    ['〔{year}〕{seq}号', '', 'resolutionNotice', 2027, 1, '〔2027〕1号'],
  ] as const)('%s → %s', (pattern, prefix, kind, year, seq, printed) => {
    expect(formatDocNumber(pattern, prefix, kind, year, seq)).toBe(printed)
  })

  it('counts per year and kind, never reusing a number', () => {
    const issued = [
      { kind: 'minutes', year: 2026, seq: 1 },
      { kind: 'minutes', year: 2026, seq: 4 },
      { kind: 'agendaNotice', year: 2026, seq: 9 },
      { kind: 'minutes', year: 2025, seq: 30 },
    ] as const
    expect(nextSeq(issued, 'minutes', 2026)).toBe(5)
    expect(nextSeq(issued, 'agendaNotice', 2026)).toBe(10)
    expect(nextSeq(issued, 'minutes', 2027)).toBe(1)
  })

  it('refuses a pattern without a sequence', () => {
    const base = { name: '新华路社区', kind: 'community', partyOrg: '中共', superior: '街道', rolePresetId: 'p' }
    const bad = communitySettingsSchema.safeParse({
      ...base,
      noticePeriodDays: 7,
      deliberationDay: 10,
      docNumberPattern: '〔{year}〕号',
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('validation.docNumberSeq')
  })
})

describe('issuing', () => {
  it('gives a reprint the same number and the next meeting the next one', async () => {
    expect(await docNumber('m1', 'agendaNotice')).toBe('新华路社区议〔2026〕1号')
    expect(await docNumber('m1', 'agendaNotice')).toBe('新华路社区议〔2026〕1号')
    expect(await docNumber('m2', 'agendaNotice')).toBe('新华路社区议〔2026〕2号')
    // Another kind has its own sequence.
    expect(await docNumber('m2', 'signInSheet')).toBe('新华路社区签〔2026〕1号')
    expect(await db.docNumbers.count()).toBe(3)
  })

  it('gives a draft before the seal no number, and the sealed minutes one', async () => {
    expect(await docNumber('m1', 'minutes')).toBeUndefined()
    expect(await db.docNumbers.count()).toBe(0)
    expect(await docNumber('m3', 'minutes')).toBe('新华路社区纪〔2026〕1号')
  })

  it('keeps issued numbers when the pattern changes; a new year starts again at 1', async () => {
    expect(await docNumber('m3', 'resolutionNotice')).toBe('新华路社区决〔2026〕1号')
    await db.communities.update(C, { docNumberPrefix: '新社', docNumberPattern: '{prefix}{kind}字〔{year}〕第{seq}号' })
    expect(await docNumber('m3', 'resolutionNotice')).toBe('新华路社区决〔2026〕1号')
    setClock({ now: () => new Date('2027-01-05T09:00:00+08:00') })
    expect(await docNumber('m1', 'agendaNotice')).toBe('新社议字〔2027〕第1号')
  })

  it('numbers each results notice of a meeting apart', async () => {
    expect(await docNumber('m3', 'resultsNotice', 'n1')).toBe('新华路社区果〔2026〕1号')
    expect(await docNumber('m3', 'resultsNotice', 'n2')).toBe('新华路社区果〔2026〕2号')
    expect(await docNumber('m3', 'resultsNotice', 'n1')).toBe('新华路社区果〔2026〕1号')
  })

  it('prints the number under the title', async () => {
    const text = pdfTextRaw(
      await renderNode({ ...minutesToDocDef(sampleMeeting()), number: '新华路社区纪〔2026〕3号' }),
    )
    expect(text).toMatch(/会议纪要新华路社区纪〔2026〕3号/)
  })
})

it('a database made before version 11 opens with an empty table of numbers', async () => {
  const old = new Dexie('docnum-v1')
  old.version(1).stores({ communities: 'id', meetings: 'id, communityId, [communityId+date], status', settings: 'key' })
  await old.open()
  await old.table('meetings').add(meeting('m9'))
  old.close()
  const current = new ShangliangDb('docnum-v1')
  await current.open()
  expect(await current.docNumbers.count()).toBe(0)
  expect(await current.meetings.get('m9')).toMatchObject({ title: '议事会m9' })
  current.close()
})

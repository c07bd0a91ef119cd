// Version 13 stores attendance and seal links per meeting (db/per-meeting.ts).
// A database made by version 12, with two sealed meetings on one community's
// chain, an amendment appended to the first after the second was sealed and a
// live meeting mid sign-in, opens under it with every record as it was: the
// chain, the printed codes and the issued-code log verify exactly as before.
import { beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { db, DB_NAME } from '@/db/schema'
import { auditAll, checkCode } from '@/db/verify.repo'
import { communityChain } from '@/db/chain-links'
import { listAttendance, markAttendance } from '@/db/attendance.repo'
import { appendToChain, verificationCode, type SealEntry, type ToSeal } from '@/domain/seal'
import { SealedRecordError } from '@/domain/chain-audit'
import { sha256Hex } from '@/platform/hash'
import { issueCode } from '@/platform'

/** The tables this test fills, with their indexes as version 1 shipped them (unchanged up to 12). */
const V12 = {
  communities: 'id',
  meetings: 'id, communityId, [communityId+date], status',
  attendance: 'id, meetingId, personId',
  votes: 'id, meetingId, topicId, status',
  resolutions: 'id, meetingId, topicId',
  amendments: 'id, targetId, meetingId',
  seals: 'id, communityId, meetingId, [meetingId+seq], [communityId+seq]',
  settings: 'key',
}
const C = 'c-xinhua'
const stamp = (at: string) => ({ communityId: C, createdAt: at, updatedAt: at })
const NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵德明', '梁堃']

function sealedMeeting(n: number, date: string) {
  const at = `${date}T08:00:00.000Z`
  const id = `m-${n}`
  const meeting = {
    ...stamp(at),
    id,
    title: `第${n}次居民代表会议`,
    type: 'majorMatter',
    date,
    startTime: '14:30',
    place: '社区议事厅',
    status: 'closed',
    sealedAt: at,
  }
  const attendance = NAMES.map((name, i) => ({
    ...stamp(at),
    id: `${id}-a${i}`,
    meetingId: id,
    personId: `p${i}`,
    name,
    meetingRole: i === 0 ? 'chair' : i === 1 ? 'recorder' : 'voting',
    state: i === 7 ? 'leave' : 'present',
    arrivedAt: '14:2' + String(i),
    walkIn: false,
    sealedAt: at,
  }))
  const vote = { ...stamp(at), id: `${id}-v`, meetingId: id, topicId: `${id}-t`, method: 'hands', status: 'closed' }
  const resolution = { ...stamp(at), id: `${id}-r`, meetingId: id, topicId: `${id}-t`, text: '同意。', sealedAt: at }
  return { meeting, attendance, vote, resolution, at }
}

let seq = 0
const newId = () => `s-${String(seq++).padStart(4, '0')}`

async function buildV12() {
  const first = sealedMeeting(1, '2026-03-10')
  const second = sealedMeeting(2, '2026-06-12')
  const chain: SealEntry[] = []
  const append = async (meetingId: string, at: string, records: ToSeal[]) => {
    const links = await appendToChain(chain.at(-1), records, {
      communityId: C,
      meetingId,
      at,
      newId,
      sha256: sha256Hex,
    })
    chain.push(...links)
    return links.at(-1)!.hash
  }
  const recordsOf = (m: ReturnType<typeof sealedMeeting>): ToSeal[] =>
    [
      { kind: 'meeting' as const, record: m.meeting },
      ...m.attendance.map((record) => ({ kind: 'attendance' as const, record })),
      { kind: 'vote' as const, record: m.vote },
      { kind: 'resolution' as const, record: m.resolution },
    ] as ToSeal[]
  const heads = [await append('m-1', first.at, recordsOf(first)), await append('m-2', second.at, recordsOf(second))]
  const amendment = {
    ...stamp('2026-07-01T02:00:00.000Z'),
    id: 'am-1',
    meetingId: 'm-1',
    targetId: 'm-1-r',
    targetKind: 'resolution',
    reason: '笔误',
    changes: { text: '同意开通北门。' },
    at: '2026-07-01T02:00:00.000Z',
  }
  await append('m-1', amendment.at, [{ kind: 'amendment', record: amendment } as ToSeal])
  const live = {
    ...stamp('2026-09-01T06:00:00.000Z'),
    id: 'm-3',
    title: '第3次居民代表会议',
    type: 'majorMatter',
    date: '2026-09-01',
    status: 'live',
  }
  const liveRows = NAMES.slice(0, 3).map((name, i) => ({
    ...stamp(live.createdAt),
    id: `m-3-a${i}`,
    meetingId: 'm-3',
    name,
    meetingRole: 'voting',
    state: 'pending',
    walkIn: false,
  }))
  const meetings = [first, second].map((m, i) => ({ ...m.meeting, verificationCode: verificationCode(heads[i]!) }))
  const old = new Dexie(DB_NAME)
  old.version(12).stores(V12)
  await old.open()
  await old.table('communities').put({ ...stamp(first.at), id: C, name: '新华路社区' })
  await old.table('attendance').bulkAdd([...first.attendance, ...second.attendance, ...liveRows])
  await old.table('votes').bulkAdd([first.vote, second.vote])
  await old.table('resolutions').bulkAdd([first.resolution, second.resolution])
  await old.table('amendments').add(amendment)
  await old.table('seals').bulkAdd(chain)
  await old.table('meetings').bulkAdd([...meetings, live])
  const before = {
    attendance: await old.table('attendance').orderBy('id').toArray(),
    seals: await old.table('seals').orderBy('id').toArray(),
  }
  old.close()
  for (const [i, m] of meetings.entries())
    await issueCode({ communityId: C, meetingId: m.id, code: m.verificationCode, head: heads[i]!, at: m.sealedAt })
  return { before, codes: meetings.map((m) => m.verificationCode) }
}

describe('schema version 13 (attendance and seal links per meeting)', () => {
  beforeEach(async () => {
    db.close()
    await Dexie.delete(DB_NAME)
    localStorage.clear()
    seq = 0
  })

  it('opens a version 12 database with sealed meetings: every record kept, the chain and the printed codes verify', async () => {
    const { before, codes } = await buildV12()
    await db.open()
    expect(db.verno).toBe(13)
    expect(db.tables.map((t) => t.name)).not.toContain('attendance')
    expect(db.tables.map((t) => t.name)).not.toContain('seals')
    // 3 sheets (two sealed meetings and the live one), 3 batches (m-1, m-2, then m-1's amendment).
    expect(await db.signInSheets.count()).toBe(3)
    expect((await db.sealBatches.toArray()).map((b) => [b.meetingId, b.firstSeq, b.lastSeq])).toEqual([
      ['m-1', 0, 10],
      ['m-2', 11, 21],
      ['m-1', 22, 22],
    ])
    const rows = (await db.signInSheets.toArray()).flatMap((s) => s.rows).sort((a, b) => (a.id < b.id ? -1 : 1))
    expect(rows).toEqual(before.attendance)
    expect(await communityChain(C)).toEqual([...before.seals].sort((a, b) => a.seq - b.seq))
    expect(await auditAll()).toEqual([])
    for (const code of codes)
      expect(await checkCode(C, code)).toMatchObject({
        found: true,
        chainOk: true,
        meeting: { sealedAt: expect.any(String) },
      })
  })

  it('after the upgrade a live meeting signs in on its sheet; a sealed sheet refuses any change', async () => {
    await buildV12()
    await db.open()
    const [row] = await listAttendance('m-3')
    await markAttendance(row!, 'present', '14:05')
    expect((await listAttendance('m-3'))[0]).toMatchObject({ state: 'present', arrivedAt: '14:05' })
    const sealed = (await db.signInSheets.get('m-1'))!
    const changed = sealed.rows.map((r, i) => (i === 7 ? { ...r, state: 'present' as const } : r))
    await expect(db.signInSheets.put({ ...sealed, rows: changed })).rejects.toThrow(SealedRecordError)
    await expect(db.sealBatches.delete((await db.sealBatches.toArray())[0]!.id)).rejects.toThrow(SealedRecordError)
    expect(await auditAll()).toEqual([])
  })

  it('a sealed row changed on its sheet behind the app’s back fails the audit (the check reads the moved rows)', async () => {
    await buildV12()
    await db.open()
    const sheet = (await db.signInSheets.get('m-2'))!
    db.close()
    const raw = new Dexie(DB_NAME)
    raw.version(13).stores({ signInSheets: 'id, communityId' })
    await raw.open()
    await raw
      .table('signInSheets')
      .put({ ...sheet, rows: sheet.rows.map((r, i) => (i === 7 ? { ...r, state: 'present' } : r)) })
    raw.close()
    await db.open()
    expect(await auditAll()).toMatchObject([
      { communityId: C, audit: { ok: false, reason: 'payload', kind: 'attendance' } },
    ])
  })
})

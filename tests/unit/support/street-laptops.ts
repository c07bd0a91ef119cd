// Several laptops in one test: each gets its own IndexedDB (a fresh
// fake-indexeddb factory) and its own copy of the app's modules, so a
// community's database and the street office's never share a row.
import { vi } from 'vitest'
import Dexie from 'dexie'
import { IDBFactory } from 'fake-indexeddb'
import { appendToChain, verificationCode, type ToSeal } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { putFlat } from '@/db/per-meeting'

export async function laptop() {
  Dexie.dependencies.indexedDB = new IDBFactory()
  vi.resetModules()
  return {
    schema: await import('@/db/schema'),
    keys: await import('@/db/keys.repo'),
    report: await import('@/db/report.repo'),
    street: await import('@/db/street.repo'),
    inbox: await import('@/db/street-inbox.repo'),
  }
}
export type Laptop = Awaited<ReturnType<typeof laptop>>

const AT = '2026-11-20T08:00:00.000Z'

/**
 * A community with one sealed meeting (a real chain: meeting, six present,
 * a 5:1 vote, its resolution), a filing of it, and two requests — one
 * escalated (上报件) with a resident's name and phone in it.
 */
export async function seedCommunity(l: Laptop, opts: { id: string; name: string; voteFor?: number }) {
  const { db } = l.schema
  const base = (id: string) => ({ id, communityId: opts.id, createdAt: AT, updatedAt: AT })
  const meetingId = `${opts.id}-m1`
  const meeting = {
    ...base(meetingId),
    title: '北门开通议事会',
    type: 'redBench',
    procedureId: 'jinchang',
    stepIndex: 4,
    date: '2026-11-20',
    status: 'closed',
  }
  const names = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆']
  const attendance = names.map((name, i) => ({
    ...base(`${opts.id}-a${i}`),
    meetingId,
    name,
    meetingRole: 'voting',
    state: 'present',
    walkIn: false,
  }))
  const vote = {
    ...base(`${opts.id}-v1`),
    meetingId,
    topicId: `${opts.id}-t1`,
    method: 'hands',
    for: opts.voteFor ?? 5,
    against: 1,
    abstain: 0,
    status: 'final',
  }
  const resolution = {
    ...base(`${opts.id}-r1`),
    meetingId,
    topicId: `${opts.id}-t1`,
    text: '同意开通北门，由物业负责。',
  }
  let n = 0
  const seals = await appendToChain(
    undefined,
    [
      { kind: 'meeting', record: meeting },
      ...attendance.map((a) => ({ kind: 'attendance' as const, record: a })),
      { kind: 'vote', record: vote },
      { kind: 'resolution', record: resolution },
    ] as ToSeal[],
    { communityId: opts.id, meetingId, at: AT, newId: () => `${opts.id}-s${n++}`, sha256: sha256Hex },
  )
  const code = verificationCode(seals.at(-1)!.hash)
  await db.transaction('rw', db.tables, async () => {
    await db.communities.put({
      ...base(opts.id),
      name: opts.name,
      kind: 'community',
      partyOrg: `中共${opts.name}委员会`,
      superior: '新华路街道',
      rolePresetId: 'jinchang',
      noticePeriodDays: 7,
      deliberationDay: 10,
    })
    await db.settings.put({ key: 'currentCommunityId', value: opts.id })
    await db.contacts.put({ id: `${opts.id}-p1`, communityId: opts.id, phone: '13812345678', updatedAt: AT })
    await putFlat(db, 'attendance', attendance)
    await db.votes.put(vote as never)
    await db.resolutions.put(resolution as never)
    await db.topics.put({ ...base(`${opts.id}-t1`), meetingId, title: '开通小区北门', status: 'closed' } as never)
    await db.filings.put({
      ...base(`${opts.id}-f1`),
      meetingId,
      to: '新华路街道党工委',
      sentOn: '2026-11-22',
      by: '李秀英',
    })
    await db.requests.bulkPut([
      {
        ...base(`${opts.id}-q1`),
        channel: '居民说事厅',
        receivedOn: '2026-11-02',
        raisedBy: { kind: 'text', name: '赵德明' },
        category: '道路交通',
        description: '北门外道路积水，联系电话13812345678',
        handlingType: 'escalate',
        dueOn: '2026-11-16',
        status: 'escalated',
      },
      {
        ...base(`${opts.id}-q2`),
        channel: '网格微信群',
        receivedOn: '2026-11-05',
        raisedBy: { kind: 'anonymous' },
        category: '环境卫生',
        description: '垃圾清运不及时',
        handlingType: 'immediate',
        dueOn: '2026-11-05',
        status: 'resolved',
      },
    ] as never)
    await db.meetings.put({ ...meeting, sealedAt: AT, verificationCode: code } as never)
    await putFlat(db, 'seals', seals)
  })
  return { meetingId, seals, code }
}

/** Row counts of every table: "nothing changed" is asserted on these. */
export async function rowCounts(l: Laptop): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of l.schema.db.tables) out[t.name] = await t.count()
  return out
}

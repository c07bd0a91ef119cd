// A small but complete community for archive, backup and privacy tests: a
// roster with contact details, one closed meeting sealed into the chain, and
// an attachment with bytes.
import { appendToChain, type SealEntry } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { db } from '@/db/schema'
import { putFlat } from '@/db/per-meeting'

export const COMMUNITY = 'c-0001'
export const MEETING = 'm-0001'
export const PHONE = '13812345678'
export const ID_NUMBER = '11010519491231002X'
const AT = '2026-11-20T08:00:00.000Z'
const base = (id: string) => ({ id, communityId: COMMUNITY, createdAt: AT, updatedAt: AT })

/** `voteFor` stores a vote that differs from the one sealed (a tampered database). */
export async function seedCommunity(opts: { voteFor?: number } = {}): Promise<{ seals: SealEntry[] }> {
  const people = Array.from({ length: 6 }, (_, i) => ({
    ...base(`p-${i}`),
    name: ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆'][i]!,
    roleIds: [],
    active: true,
  }))
  const contacts = people.map((p, i) => ({
    id: p.id,
    communityId: COMMUNITY,
    phone: `1381234567${i}`,
    address: `幸福小区${i + 1}号楼`,
    idNumber: i === 0 ? ID_NUMBER : undefined,
    updatedAt: AT,
  }))
  contacts[0]!.phone = PHONE
  const meeting = {
    ...base(MEETING),
    title: '北门开通议事会',
    type: 'redBench',
    procedureId: 'jinchang',
    stepIndex: 4,
    date: '2026-11-20',
    status: 'closed',
    sealedAt: AT,
  }
  const attendance = people.map((p, i) => ({
    ...base(`a-${i}`),
    meetingId: MEETING,
    personId: p.id,
    name: p.name,
    role: '居民代表',
    state: 'present',
  }))
  const vote = {
    ...base('v-1'),
    meetingId: MEETING,
    topicId: 't-1',
    method: 'hands',
    for: 5,
    against: 1,
    abstain: 0,
    status: 'final',
  }
  const resolution = { ...base('r-1'), meetingId: MEETING, topicId: 't-1', text: '同意开通北门，由物业负责。' }
  const seals = await appendToChain(
    undefined,
    [
      { kind: 'meeting', record: meeting },
      ...attendance.map((a) => ({ kind: 'attendance' as const, record: a })),
      { kind: 'vote', record: vote },
      { kind: 'resolution', record: resolution },
    ],
    {
      communityId: COMMUNITY,
      meetingId: MEETING,
      at: AT,
      newId: (() => {
        let n = 0
        return () => `s-${String(n++).padStart(4, '0')}`
      })(),
      sha256: sha256Hex,
    },
  )
  await db.transaction('rw', db.tables, async () => {
    await db.communities.put({
      ...base(COMMUNITY),
      name: '新华路社区',
      kind: 'community',
      partyOrg: '中共新华路社区委员会',
      superior: '新华路街道',
      rolePresetId: 'jinchang',
      noticePeriodDays: 7,
      deliberationDay: 10,
    })
    await db.people.bulkPut(people)
    await db.contacts.bulkPut(contacts)
    // Records first, the sealed meeting last: once it is sealed they cannot be written.
    await putFlat(db, 'attendance', attendance)
    await db.votes.put({ ...vote, for: opts.voteFor ?? vote.for } as never)
    await db.resolutions.put(resolution as never)
    await db.meetings.put(meeting as never)
    await db.topics.put({ ...base('t-1'), meetingId: MEETING, title: '开通小区北门', status: 'decided' } as never)
    await db.attachments.put({
      ...base('f-1'),
      ownerId: 't-1',
      name: '现场照片.jpg',
      mime: 'image/jpeg',
      bytes: new Uint8Array([255, 216, 255, 0, 1, 2, 3]),
    } as never)
    await putFlat(db, 'seals', seals)
    await db.settings.put({ key: 'lock', value: { local: true } })
  })
  return { seals }
}

/** A fresh, empty database (sealed rows cannot be cleared row by row, by design). */
export async function wipe(): Promise<void> {
  localStorage.clear()
  await db.delete()
  await db.open()
}

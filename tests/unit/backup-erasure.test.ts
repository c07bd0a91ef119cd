// Erasure reaching the backups: a backup made before an erasure is found to
// still hold the person, and rewritten without them — contact row gone,
// numbers masked in free text, the erasure record inside — encrypted as it
// was, its chain still verifying; a sealed meeting's row keeps its text and
// is counted as kept.
import { beforeEach, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { containsBytes } from '@/archive/bytes'
import { isEncryptedFile, FRAME_BYTES } from '@/archive/frame'
import { db } from '@/db/schema'
import { exportArchive, importArchive, inspectArchive } from '@/db/archive.repo'
import { rewriteBackup, scanBackup } from '@/db/backup-erasure'
import { eraseContact } from '@/db/privacy.repo'
import { COMMUNITY, ID_NUMBER, MEETING, PHONE, seedCommunity, wipe } from './support/archive-fixture'

const PASS = '新华路备份口令2026'
const AT = '2026-11-21T08:00:00.000Z'
const text = (s: string) => new TextEncoder().encode(s)
/** Every entry of a plain file inflated: compression must not hide a match. */
const plainHolds = (file: Uint8Array, s: string) =>
  Object.values(unzipSync(file.subarray(FRAME_BYTES))).some((b) => containsBytes(b, text(s)))

async function seedFreeText() {
  await db.requests.put({
    id: 'q-1',
    communityId: COMMUNITY,
    title: '北门晚上不开',
    description: '王建国反映北门晚上锁门，电话 138 1234 5678，身份证 11010519491231002x。',
    createdAt: AT,
    updatedAt: AT,
  } as never)
  // A topic of the sealed meeting that quotes the phone: never edited, only counted.
  await db.topics.put({
    id: 't-1',
    communityId: COMMUNITY,
    meetingId: MEETING,
    title: '开通小区北门',
    status: 'decided',
    description: `联系人王建国 ${PHONE}`,
    createdAt: AT,
    updatedAt: AT,
  } as never)
}

describe('backups after an erasure', () => {
  beforeEach(async () => {
    await wipe()
    await seedCommunity()
    await seedFreeText()
  })

  it('says which backups still hold the person, and rewrites them without', async () => {
    const plain = await exportArchive()
    const sealed = await exportArchive({ passphrase: PASS })
    await eraseContact('p-0', '书记 王建国')
    const after = await exportArchive()

    expect(await scanBackup(plain, undefined)).toEqual({ state: 'holds', people: [{ id: 'p-0', name: '王建国' }] })
    expect(await scanBackup(sealed, PASS)).toEqual({ state: 'holds', people: [{ id: 'p-0', name: '王建国' }] })
    expect(await scanBackup(sealed, '另一个密码1234')).toEqual({ state: 'unreadable', code: 'wrongPassphrase' })
    expect(await scanBackup(after, undefined)).toEqual({ state: 'clean' })

    const r = await rewriteBackup(sealed, PASS)
    expect(r.removed).toEqual([{ id: 'p-0', name: '王建国' }])
    expect(r.masked).toBe(1)
    expect(r.sealedKept).toBe(1)
    expect(isEncryptedFile(r.bytes)).toBe(true)
    expect(await scanBackup(r.bytes, PASS)).toEqual({ state: 'clean' })

    const before = await inspectArchive(sealed, PASS)
    const now = await inspectArchive(r.bytes, PASS)
    expect(now.manifest.createdAt).toBe(before.manifest.createdAt)
    expect(now.tables.contacts!.map((c) => c.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5'])
    expect(now.tables.contacts).toEqual(before.tables.contacts!.filter((c) => c.id !== 'p-0'))
    const request = now.tables.requests!.find((q) => q.id === 'q-1')!
    expect(request.description).toBe('王建国反映北门晚上锁门，电话 138****5678，身份证 110105********002X。')
    expect(now.tables.topics!.find((t) => t.id === 't-1')!.description).toBe(`联系人王建国 ${PHONE}`)
    expect(now.tables.seals).toEqual(before.tables.seals)
    expect(now.tables.auditLog!.filter((a) => a.action === 'contact.erased').map((a) => a.subjectId)).toEqual(['p-0'])

    // The plain copy, searched as bytes: the address and ID number are gone; the phone only in the sealed topic.
    const rewrittenPlain = (await rewriteBackup(plain, undefined)).bytes
    expect(isEncryptedFile(rewrittenPlain)).toBe(false)
    expect(plainHolds(plain, '幸福小区1号楼')).toBe(true)
    expect(plainHolds(rewrittenPlain, '幸福小区1号楼')).toBe(false)
    expect(plainHolds(rewrittenPlain, ID_NUMBER)).toBe(false)
    const content = await inspectArchive(rewrittenPlain)
    expect(JSON.stringify(content.tables.contacts)).not.toContain(PHONE)
    expect(JSON.stringify(content.tables.requests)).not.toContain('1234 5678')
  })

  it('a rewritten backup restored on a fresh profile brings the erasure with it', async () => {
    const backup = await exportArchive()
    await eraseContact('p-0', '书记 王建国')
    const { bytes } = await rewriteBackup(backup, undefined)
    await wipe()
    await importArchive(bytes, 'replace')
    expect(await db.contacts.get('p-0')).toBeUndefined()
    expect((await db.contacts.get('p-1'))?.phone).toBe('13812345671')
    // The erasure record came in the file: an older copy merged later still cannot bring the details back.
    await importArchive(backup, 'merge')
    expect(await db.contacts.get('p-0')).toBeUndefined()
  })

  it('details given again after the erasure are the resident’s new ones: not reported, not removed', async () => {
    await eraseContact('p-0', '书记 王建国')
    await db.contacts.put({
      id: 'p-0',
      communityId: COMMUNITY,
      phone: '13900009999',
      updatedAt: new Date().toISOString(),
    })
    const backup = await exportArchive()
    expect(await scanBackup(backup, undefined)).toEqual({ state: 'clean' })
    const { bytes, removed } = await rewriteBackup(backup, undefined)
    expect(removed).toEqual([])
    expect((await inspectArchive(bytes)).tables.contacts!.find((c) => c.id === 'p-0')?.phone).toBe('13900009999')
  })
})

// Merges that never go backwards: row by row by updatedAt, erasures made here
// stay made, the preview tells exactly what the import then does, and a
// sealed meeting from another laptop merges and verifies.
import { beforeEach, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { exportArchive, importArchive, previewImport } from '@/db/archive.repo'
import { eraseContact, listErasures } from '@/db/privacy.repo'
import { auditCommunity } from '@/db/verify.repo'
import { db } from '@/db/schema'
import { containsBytes } from '@/archive/bytes'
import { ArchiveError } from '@/archive/errors'
import { SealedRecordError } from '@/domain/chain-audit'
import { verificationCode } from '@/domain/seal'
import { issueCode, issuedCodes } from '@/platform'
import { COMMUNITY, MEETING, PHONE, ID_NUMBER, seedCommunity, wipe } from './support/archive-fixture'
import { meetingLinks } from '@/db/chain-links'

const LATER = '2026-12-01T09:00:00.000Z'
const holds = (file: Uint8Array, text: string) =>
  [file, ...Object.values(unzipSync(file.subarray(37)))].some((b) => containsBytes(b, new TextEncoder().encode(text)))

beforeEach(async () => {
  await wipe()
  await seedCommunity()
})

describe('merging never goes backwards', () => {
  it('erase a person, then merge or restore an archive made before: the details stay erased', async () => {
    const before = await exportArchive()
    expect(holds(before, PHONE)).toBe(true)
    await eraseContact('p-0', '书记')
    const plan = await previewImport(before, 'merge')
    expect(plan.plan.contacts).toEqual({ adds: 0, updates: 0, keeps: 6, refuses: 0 })
    await importArchive(before, 'merge')
    expect(await db.contacts.get('p-0')).toBeUndefined()
    // A restore of the older copy replaces every table, yet neither the details nor the erasure log come back wrong.
    await importArchive(before, 'replace')
    expect(await db.contacts.get('p-0')).toBeUndefined()
    expect((await listErasures(COMMUNITY)).map((e) => e.subjectId)).toEqual(['p-0'])
    const after = await exportArchive()
    expect(holds(after, PHONE)).toBe(false)
    expect(holds(after, ID_NUMBER)).toBe(false)
  })

  it('edit a row, then merge an older archive: the edit stays', async () => {
    const older = await exportArchive()
    await db.people.update('p-1', { name: '李秀英（改名）', updatedAt: LATER })
    expect((await previewImport(older, 'merge')).plan.people).toEqual({ adds: 0, updates: 0, keeps: 6, refuses: 0 })
    await importArchive(older, 'merge')
    expect((await db.people.get('p-1'))?.name).toBe('李秀英（改名）')
  })

  it('the preview counts match what the merge then does', async () => {
    // The other laptop: one new resident, one renamed later than anything here.
    await db.people.add({
      id: 'p-new',
      communityId: COMMUNITY,
      name: '赵敏',
      roleIds: [],
      active: true,
      createdAt: LATER,
      updatedAt: LATER,
    } as never)
    await db.people.update('p-2', { name: '张伟（新）', updatedAt: LATER })
    const theirs = await exportArchive()
    await wipe()
    await seedCommunity()
    // Here, meanwhile: a later rename of another resident.
    await db.people.update('p-3', { name: '刘洋（本机）', updatedAt: '2026-12-02T09:00:00.000Z' })
    const { plan, refusal } = await previewImport(theirs, 'merge')
    expect(refusal).toBeUndefined()
    expect(plan.people).toEqual({ adds: 1, updates: 1, keeps: 5, refuses: 0 })
    expect(plan.votes).toEqual({ adds: 0, updates: 0, keeps: 1, refuses: 0 })
    const r = await importArchive(theirs, 'merge')
    expect(r.tables.people).toBe(plan.people!.adds + plan.people!.updates)
    expect(await db.people.count()).toBe(7)
    expect((await db.people.get('p-2'))?.name).toBe('张伟（新）')
    expect((await db.people.get('p-3'))?.name).toBe('刘洋（本机）')
  })

  it('a sealed row that differs is counted as refused and the whole file refused', async () => {
    const file = await exportArchive()
    await wipe()
    await seedCommunity({ voteFor: 6 })
    const { plan, refusal } = await previewImport(file, 'merge')
    expect(plan.votes?.refuses).toBe(1)
    expect(refusal?.key).toBe('backup.errors.conflict')
    await expect(importArchive(file, 'merge')).rejects.toBeInstanceOf(ArchiveError)
  })
})

describe('a sealed meeting from a second profile', () => {
  it('merges into a laptop that does not have it, and its chain (with its issued code) verifies there', async () => {
    // Profile two sealed the meeting and logged its code.
    const seals = await meetingLinks(MEETING)
    const head = seals.at(-1)!.hash
    await db.meetings.update(MEETING, { verificationCode: verificationCode(head) })
    await issueCode({ communityId: COMMUNITY, meetingId: MEETING, code: verificationCode(head), head, at: LATER })
    const file = await exportArchive()
    // Profile one: the same community, its roster only, and a fresh issued-code log.
    await wipe()
    await db.communities.put({ id: COMMUNITY, name: '新华路社区', createdAt: LATER, updatedAt: LATER } as never)
    const plan = await previewImport(file, 'merge')
    expect(plan.plan.votes).toEqual({ adds: 1, updates: 0, keeps: 0, refuses: 0 })
    await importArchive(file, 'merge')
    const audit = await auditCommunity(COMMUNITY)
    expect(audit.audit).toMatchObject({ ok: true, length: seals.length })
    expect((await issuedCodes()).map((c) => c.head)).toEqual([head])
    // It arrived sealed: the seal guard protects it here too.
    await expect(db.votes.update('v-1', { for: 1 } as never)).rejects.toThrow(SealedRecordError)
  })
})

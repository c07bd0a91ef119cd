import { beforeEach, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { auditChain } from '@/domain/chain-audit'
import { sealedRecords } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { containsBytes } from '@/archive/bytes'
import { db } from '@/db/schema'
import { exportArchive } from '@/db/archive.repo'
import { eraseContact, listErasures, removeLock, setLockPassword, tryUnlock } from '@/db/privacy.repo'
import { failureDelayMs } from '@/domain/lock'
import { COMMUNITY, ID_NUMBER, PHONE, seedCommunity, wipe } from './support/archive-fixture'
import { communityChain } from '@/db/chain-links'

const bytesOf = (s: string) => new TextEncoder().encode(s)
/** The file itself and every entry inflated: compression must not hide a match. */
const found = (file: Uint8Array, text: string) =>
  [file, ...Object.values(unzipSync(file.subarray(37)))].some((b) => containsBytes(b, bytesOf(text)))

async function chainVerifies(): Promise<boolean> {
  const seals = await communityChain(COMMUNITY)
  const records = sealedRecords({
    meeting: await db.meetings.toArray(),
    attendance: (await db.signInSheets.toArray()).flatMap((s) => s.rows),
    vote: await db.votes.toArray(),
    resolution: await db.resolutions.toArray(),
  })
  return (await auditChain(seals, records, [], sha256Hex)).ok
}

describe('erasure of contact details', () => {
  beforeEach(async () => {
    await wipe()
    await seedCommunity()
  })

  it('removes the details everywhere, keeps the sealed meeting verifiable, and records who and when', async () => {
    expect(found(await exportArchive(), PHONE)).toBe(true)
    const record = await eraseContact('p-0', '书记 王建国')
    expect(record).toMatchObject({
      subjectId: 'p-0',
      subjectName: '王建国',
      fields: ['phone', 'address', 'idNumber'],
      actor: '书记 王建国',
    })
    expect(await db.contacts.get('p-0')).toBeUndefined()
    expect(await chainVerifies()).toBe(true)
    // Made afterwards: a plain archive and a backup-style archive; searched as bytes.
    const plain = await exportArchive()
    const community = await exportArchive({ communityId: COMMUNITY })
    for (const file of [plain, community]) {
      expect(found(file, PHONE)).toBe(false)
      expect(found(file, ID_NUMBER)).toBe(false)
      expect(found(file, '幸福小区1号楼')).toBe(false)
      expect(found(file, '13812345671')).toBe(true)
    }
    // The audit record names the kinds of detail, never the values.
    const audit = await listErasures(COMMUNITY)
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(PHONE)
    expect(await eraseContact('p-0', 'x')).toBeNull()
  })
})

describe('app lock password', () => {
  beforeEach(wipe)

  it('stores only keys sealed under Argon2id; a wrong password is refused and the fifth wrong try adds a delay', async () => {
    await setLockPassword('议事会2026', 10)
    const stored = JSON.stringify(await db.settings.toArray())
    expect(stored).not.toContain('议事会2026')
    expect(stored).toContain('Argon2id')
    expect(await tryUnlock('议事会2026')).toEqual({ ok: true })
    const t0 = Date.parse('2026-11-23T10:00:00Z')
    for (let i = 1; i <= 4; i++) expect(await tryUnlock('wrong', t0)).toEqual({ ok: false, waitMs: 0, failures: i })
    expect(await tryUnlock('wrong', t0)).toEqual({ ok: false, waitMs: 30_000, failures: 5 })
    // Even the right password waits out the delay; afterwards it works and resets the count.
    expect(await tryUnlock('议事会2026', t0 + 10_000)).toMatchObject({ ok: false })
    expect(await tryUnlock('议事会2026', t0 + 31_000)).toEqual({ ok: true })
    expect(failureDelayMs(7)).toBe(120_000)
    expect(failureDelayMs(30)).toBe(15 * 60_000)
    await removeLock()
    expect(await tryUnlock('anything')).toEqual({ ok: true })
  })
})

// A code typed in from the paper: found, mismatched, or issued here but no
// longer matching the records (the chain was recomputed after a change).
import { beforeEach, describe, expect, it } from 'vitest'
import { auditCommunity, checkCode } from '@/db/verify.repo'
import { db, DB_NAME } from '@/db/schema'
import { SEAL_TABLES } from '@/archive/format'
import { appendToChain, verificationCode } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { issueCode } from '@/platform'
import { COMMUNITY, MEETING, seedCommunity, wipe } from './support/archive-fixture'
import { meetingLinks } from '@/db/chain-links'
import { batchesOf, flatGet } from '@/db/per-meeting'

let code = ''
beforeEach(async () => {
  await wipe()
  await seedCommunity()
  const seals = await meetingLinks(MEETING)
  const head = seals.at(-1)!.hash
  code = verificationCode(head)
  await db.meetings.update(MEETING, { verificationCode: code })
  await issueCode({ communityId: COMMUNITY, meetingId: MEETING, code, head, at: seals[0]!.at, title: '北门开通议事会' })
})

describe('checking a printed code', () => {
  it('finds the meeting from the code, typed loosely, or from the QR text', async () => {
    expect(await checkCode(COMMUNITY, code.toLowerCase().replace(/-/g, ' '))).toMatchObject({
      found: true,
      chainOk: true,
    })
    const head = (await meetingLinks(MEETING)).at(-1)!.hash
    expect(await checkCode(COMMUNITY, `shangliang:seal:${head}`)).toMatchObject({ found: true, chainOk: true })
  })

  it('a code that matches nothing lists the codes issued here', async () => {
    const r = await checkCode(COMMUNITY, 'ABCD-EFGH-JKMN-PQRS-TVWX')
    expect(r).toMatchObject({ found: false, issued: [{ meetingId: MEETING, code }] })
    expect(r.found === false && r.issuedMatch).toBeUndefined()
  })

  it('after a recomputed chain with the stored code rewritten, the paper code is named as issued here and changed', async () => {
    // The forger's route: the vote changed, every link recomputed, the stored code rewritten (raw writes, no guard).
    const seals = await meetingLinks(MEETING)
    const vote = { ...(await db.votes.get('v-1'))!, for: 1, against: 5 }
    const records = await Promise.all(
      seals.map(async (s) => ({
        kind: s.kind,
        record: (s.recordId === 'v-1' ? vote : (await flatGet(db, SEAL_TABLES[s.kind], [s.recordId]))[0]) as never,
      })),
    )
    let n = 0
    const forged = await appendToChain(undefined, records, {
      communityId: COMMUNITY,
      meetingId: MEETING,
      at: seals[0]!.at,
      newId: () => `f-${n++}`,
      sha256: sha256Hex,
    })
    db.close()
    const raw = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open(DB_NAME)
      r.onsuccess = () => ok(r.result)
    })
    await new Promise<void>((ok) => {
      const tx = raw.transaction(['sealBatches', 'votes', 'meetings'], 'readwrite')
      tx.objectStore('sealBatches').clear()
      for (const b of batchesOf(forged)) tx.objectStore('sealBatches').put(b)
      tx.objectStore('votes').put(vote)
      const m = tx.objectStore('meetings').get(MEETING)
      m.onsuccess = () =>
        tx.objectStore('meetings').put({ ...m.result, verificationCode: verificationCode(forged.at(-1)!.hash) })
      tx.oncomplete = () => ok()
    })
    raw.close()
    await db.open()
    expect((await auditCommunity(COMMUNITY)).audit).toMatchObject({ ok: false, reason: 'issued' })
    const r = await checkCode(COMMUNITY, code)
    expect(r).toMatchObject({ found: false, issuedMatch: { meetingId: MEETING, title: '北门开通议事会' } })
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { db, DB_NAME } from '@/db/schema'
import { addWalkIn, listAttendance, markAttendance, startSignIn } from '@/db/attendance.repo'
import { saveBody } from '@/db/bodies.repo'
import { createMeeting, updateMeeting } from '@/db/meetings.repo'
import { addTopicToMeeting } from '@/db/meeting-topics.repo'
import { saveResolution } from '@/db/resolutions.repo'
import { NOT_ADOPTED } from '@/domain/resolution'
import { amendSealed, closeAndSeal, verifyCommunityChain } from '@/db/seal.repo'
import { addRecusal } from '@/db/speakers.repo'
import {
  closeVote,
  correctVote,
  openVote,
  previewClose,
  recordCounts,
  recordRollCall,
  recordTellerCount,
} from '@/db/votes.repo'
import { project } from '@/db/projection.repo'
import { projectorScene } from '@/db/projector.repo'
import { DomainError } from '@/domain/problem'
import { defaultRules } from '@/domain/rules'

const C = 'community-1'
const keysOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (e instanceof DomainError) return e.problems.map((x) => x.key)
    throw e
  }
  return []
}
const item = (over: Record<string, string> = {}) => ({
  title: '加装门禁',
  owner: '物业服务中心',
  standard: '门禁运行正常',
  dueOn: '2027-01-31',
  supervisor: '业委会',
  ...over,
})

/** A meeting of a 30-member villagers' representatives' body with `present` signed in. */
async function liveMeeting(present: number) {
  const members = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, name: `成员${i}`, roleIds: [] }))
  const body = await saveBody(C, {
    name: '村民代表会议',
    kind: 'villagerReps',
    memberIds: members.map((m) => m.id),
    ...defaultRules('villagerReps'),
    writtenCountsAsPresent: false,
  })
  const m = await createMeeting(C, { title: '村民代表会议', type: 'majorMatter' })
  const basics = { date: '2026-12-10', startTime: '14:30', place: '社区议事厅', chairId: 'p0', recorderId: 'p1' }
  await updateMeeting(m.id, { bodyId: body.id, ...basics })
  await startSignIn(
    m.id,
    members.map((p) => ({ personId: p.id, name: p.name, meetingRole: 'voting' as const })),
  )
  const rows = await listAttendance(m.id)
  const byPerson = new Map(rows.map((r) => [r.personId!, r]))
  for (let i = 0; i < present; i++) await markAttendance(byPerson.get(`p${i}`)!, 'present')
  const topic = await addTopicToMeeting(m.id, { title: '北门开通', description: '' }, '记录人')
  return { meetingId: m.id, topicId: topic.id, byPerson }
}

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
  await db.open()
})

describe('votes refuse bad input and save nothing', () => {
  it('closing without quorum is refused; the vote stays open without a result', async () => {
    const { meetingId, topicId } = await liveMeeting(19)
    const v = await openVote(meetingId, topicId, 'hands')
    await recordCounts(v.id, { for: 15, against: 2, abstain: 2, invalid: 0 })
    expect(await keysOf(closeVote(v.id))).toEqual(['deliberation.error.noQuorum'])
    const stored = await db.votes.get(v.id)
    expect(stored!.status).toBe('open')
    expect(stored!.result).toBeUndefined()
  })
  it('counts that exceed those present are refused', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    const v = await openVote(meetingId, topicId, 'hands')
    await recordCounts(v.id, { for: 24, against: 3, abstain: 0, invalid: 0 })
    expect(await keysOf(closeVote(v.id))).toEqual(['deliberation.error.countsExceedPresent'])
    expect((await db.votes.get(v.id))!.status).toBe('open')
  })
  it('a second open vote on the same topic is refused', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    await openVote(meetingId, topicId, 'hands')
    expect(await keysOf(openVote(meetingId, topicId, 'paper'))).toEqual(['deliberation.error.voteAlreadyOpen'])
    expect(await db.votes.count()).toBe(1)
  })
  it('paper ballots: differing teller counts are caught before any result, then settled', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    const v = await openVote(meetingId, topicId, 'paper')
    await recordTellerCount(v.id, '甲', { for: 15, against: 6, abstain: 3, invalid: 1 })
    expect(await keysOf(closeVote(v.id))).toEqual(['deliberation.error.needTwoTellers'])
    await recordTellerCount(v.id, '乙', { for: 14, against: 7, abstain: 3, invalid: 1 })
    expect(await keysOf(closeVote(v.id))).toEqual(['deliberation.error.tellerMismatch'])
    expect((await db.votes.get(v.id))!.result).toBeUndefined()
    await recordTellerCount(v.id, '乙', { for: 15, against: 6, abstain: 3, invalid: 1 })
    expect(await closeVote(v.id)).toMatchObject({
      status: 'closed',
      result: 'passed',
      present: 25,
      counts: { for: 15 },
    })
  })
  it('the close preview shows what closing would record and writes nothing', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    const v = await openVote(meetingId, topicId, 'hands')
    await recordCounts(v.id, { for: 12, against: 10, abstain: 3, invalid: 0 })
    // 12 of 25 present is not more than half: the preview says 未通过 before anything is final.
    const preview = await previewClose(v.id)
    expect(preview).toMatchObject({ status: 'closed', result: 'failed', expected: 30, present: 25 })
    const stored = await db.votes.get(v.id)
    expect([stored!.status, stored!.result, stored!.closedAt]).toEqual(['open', undefined, undefined])
    await recordCounts(v.id, { for: 13, against: 9, abstain: 3, invalid: 0 })
    expect(await previewClose(v.id)).toMatchObject({ result: 'passed' })
    const closed = await closeVote(v.id)
    expect(closed).toMatchObject({ result: 'passed', expected: 30, present: 25, counts: { for: 13 } })
    expect(await keysOf(previewClose(v.id))).toEqual(['deliberation.error.voteClosed'])
    // Refusals are the close's own: without quorum the preview refuses too.
    const other = await liveMeeting(19)
    const w = await openVote(other.meetingId, other.topicId, 'hands')
    await recordCounts(w.id, { for: 15, against: 2, abstain: 2, invalid: 0 })
    expect(await keysOf(previewClose(w.id))).toEqual(['deliberation.error.noQuorum'])
  })
  it('a recused member leaves the passing base only: 12 of 24 is a tie and fails', async () => {
    const { meetingId, topicId, byPerson } = await liveMeeting(25)
    await addRecusal(meetingId, topicId, { attendanceId: byPerson.get('p3')!.id, reason: '利害关系' })
    const v = await openVote(meetingId, topicId, 'hands')
    await recordCounts(v.id, { for: 12, against: 10, abstain: 2, invalid: 0 })
    // The quorum still counts 25 of 30; the passing base is 25 − 1 = 24, and 12 of 24 is a tie.
    expect(await closeVote(v.id)).toMatchObject({ result: 'failed', present: 25, members: 30, recused: 1 })
  })
  it('a closed vote is corrected by a new linked record; the original is untouched', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    const v = await openVote(meetingId, topicId, 'hands')
    await recordCounts(v.id, { for: 12, against: 10, abstain: 3, invalid: 0 })
    await closeVote(v.id)
    expect(await keysOf(recordCounts(v.id, { for: 20, against: 2, abstain: 3, invalid: 0 }))).toEqual([
      'deliberation.error.voteClosed',
    ])
    expect(await keysOf(correctVote(v.id, { for: 14, against: 8, abstain: 3, invalid: 0 }, ''))).toEqual([
      'deliberation.error.reason',
    ])
    const fixed = await correctVote(v.id, { for: 14, against: 8, abstain: 3, invalid: 0 }, '计票员漏计两张同意票')
    expect(fixed).toMatchObject({ correctsVoteId: v.id, result: 'passed', status: 'closed' })
    expect((await db.votes.get(v.id))!.result).toBe('failed')
  })
})

describe('roll-call and the projector', () => {
  it('a roll-call records each person’s choice and counts them', async () => {
    const { meetingId, topicId } = await liveMeeting(21)
    const v = await openVote(meetingId, topicId, 'rollCall')
    expect(await keysOf(closeVote(v.id))).toEqual(['deliberation.error.rollCallEmpty'])
    const choices = Array.from({ length: 21 }, (_, i) => ({
      name: `成员${i}`,
      choice: (i < 11 ? 'for' : i < 20 ? 'against' : 'abstain') as 'for' | 'against' | 'abstain',
    }))
    await recordRollCall(v.id, choices)
    expect(await closeVote(v.id)).toMatchObject({
      result: 'passed',
      counts: { for: 11, against: 9, abstain: 1, invalid: 0 },
    })
  })
  it('the result slide shows nothing while the vote is open, and never contact details', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    await db.contacts.put({ id: 'p0', communityId: C, phone: '13912345678', address: '北门 3 号楼', updatedAt: '' })
    const v = await openVote(meetingId, topicId, 'hands')
    await recordCounts(v.id, { for: 20, against: 3, abstain: 2, invalid: 0 })
    await project({ meetingId, slide: 'result', topicId, voteId: v.id })
    expect((await projectorScene()).result).toBeUndefined()
    await closeVote(v.id)
    const scene = await projectorScene()
    expect(scene.result).toMatchObject({ result: 'passed', counts: { for: 20 } })
    await project({ slide: 'quorum' })
    const quorumScene = await projectorScene()
    expect(quorumScene.quorum).toMatchObject({ present: 25, met: true, need: 20 })
    expect(JSON.stringify([scene, quorumScene])).not.toMatch(/13912345678|3 号楼/)
  })
})

describe('a resolution rests on a closed vote and never contradicts it', () => {
  async function voted(present: number, c: [number, number, number]) {
    const ctx = await liveMeeting(present)
    const v = await openVote(ctx.meetingId, ctx.topicId, 'hands')
    await recordCounts(v.id, { for: c[0], against: c[1], abstain: c[2], invalid: 0 })
    return { ...ctx, voteId: v.id }
  }
  it('is refused while the vote is still open', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    const v = await openVote(meetingId, topicId, 'hands')
    const keys = await keysOf(saveResolution(meetingId, topicId, { text: '同意开通北门', voteId: v.id, items: [] }))
    expect(keys).toEqual(['deliberation.error.needClosedVote'])
    expect(await db.resolutions.count()).toBe(0)
  })
  it('after 未通过 says not adopted and takes no action items', async () => {
    const { meetingId, topicId, voteId } = await voted(25, [12, 8, 5])
    await closeVote(voteId)
    expect((await db.votes.get(voteId))!.result).toBe('failed')
    expect(await keysOf(saveResolution(meetingId, topicId, { text: '同意更换门禁', voteId, items: [item()] }))).toEqual(
      ['deliberation.error.notAdoptedText', 'deliberation.error.notAdoptedItems'],
    )
    expect(await db.actionItems.count()).toBe(0)
    const r = await saveResolution(meetingId, topicId, {
      text: `${NOT_ADOPTED.failed}建议修改方案后再议。`,
      voteId,
      items: [],
    })
    expect(r.text).toBe('经表决，本议题未获通过，不予实施。建议修改方案后再议。')
  })
  it('a body that decides may not skip the vote; no item is due before the meeting', async () => {
    const { meetingId, topicId, voteId } = await voted(25, [20, 3, 2])
    expect(
      await keysOf(saveResolution(meetingId, topicId, { text: '同意开通北门', withoutVote: true, items: [] })),
    ).toEqual(['deliberation.error.voteRequired'])
    await closeVote(voteId)
    expect(
      await keysOf(
        saveResolution(meetingId, topicId, { text: '同意', voteId, items: [item({ dueOn: '2026-12-09' })] }),
      ),
    ).toEqual(['deliberation.error.dueBeforeMeeting'])
    expect(
      await keysOf(
        saveResolution(meetingId, topicId, { text: '同意', voteId, items: [item({ dueOn: '2027-02-30' })] }),
      ),
    ).toEqual(['deliberation.error.dueOn'])
  })
})

describe('resolutions need all four answers', () => {
  it.each(['owner', 'standard', 'dueOn', 'supervisor'])('an item without %s saves nothing', async (missing) => {
    const { meetingId, topicId } = await liveMeeting(25)
    const keys = await keysOf(
      saveResolution(meetingId, topicId, { text: '同意开通北门', items: [item(), item({ [missing]: '' })] }),
    )
    expect(keys).toEqual([`deliberation.error.missing.${missing}`])
    expect(await db.resolutions.count()).toBe(0)
    expect(await db.actionItems.count()).toBe(0)
  })
})

describe('sealing', () => {
  async function sealedMeeting() {
    const ctx = await liveMeeting(25)
    await addWalkIn(ctx.meetingId, { name: '林晓', meetingRole: 'recorder' })
    const v = await openVote(ctx.meetingId, ctx.topicId, 'hands')
    await recordCounts(v.id, { for: 20, against: 3, abstain: 2, invalid: 0 })
    await closeVote(v.id)
    await saveResolution(ctx.meetingId, ctx.topicId, {
      text: '同意开通北门',
      voteId: v.id,
      items: [item(), item({ title: '拆除围挡' }), item({ title: '制定办法' })],
    })
    const code = await closeAndSeal(ctx.meetingId)
    return { ...ctx, voteId: v.id, code }
  }

  it('refuses while a vote is open', async () => {
    const { meetingId, topicId } = await liveMeeting(25)
    await openVote(meetingId, topicId, 'hands')
    expect(await keysOf(closeAndSeal(meetingId))).toEqual(['deliberation.error.openVotes'])
    expect(await db.sealBatches.count()).toBe(0)
  })
  it.each([
    [{ chairId: undefined }, ['guard.noChair']],
    [{ recorderId: undefined, place: ' ' }, ['guard.noPlace', 'guard.noRecorder']],
    [{ date: undefined, startTime: undefined }, ['guard.noDate', 'guard.noTime']],
  ])('refuses without the minutes header (%o) and seals nothing', async (gap, keys) => {
    const { meetingId } = await liveMeeting(25)
    await updateMeeting(meetingId, gap)
    expect(await keysOf(closeAndSeal(meetingId))).toEqual(keys)
    expect(await db.sealBatches.count()).toBe(0)
    expect((await db.meetings.get(meetingId))!.sealedAt).toBeUndefined()
  })
  it('refuses when nobody signed in as present', async () => {
    const { meetingId } = await liveMeeting(0)
    expect(await keysOf(closeAndSeal(meetingId))).toEqual(['guard.noSignIn'])
  })
  it('closes the meeting with a code, and the chain verifies', async () => {
    const { meetingId, code } = await sealedMeeting()
    const m = await db.meetings.get(meetingId)
    expect(m).toMatchObject({ status: 'closed', verificationCode: code })
    expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/)
    // meeting + 31 attendance + 1 vote + 1 resolution + 3 items
    expect(await verifyCommunityChain(C)).toMatchObject({ ok: true, length: 37 })
  })
  it('sealed records refuse changes in the data layer; action items may only change status', async () => {
    const { meetingId, topicId, voteId, byPerson } = await sealedMeeting()
    const row = byPerson.get('p0')!
    const sheet = (await db.signInSheets.get(meetingId))!
    const absent = sheet.rows.map((r) => (r.id === row.id ? { ...r, state: 'absent' as const } : r))
    await expect(db.signInSheets.put({ ...sheet, rows: absent })).rejects.toThrow(/sealed/)
    await expect(db.votes.delete(voteId)).rejects.toThrow(/sealed/)
    expect(await keysOf(markAttendance(row, 'absent'))).toEqual(['deliberation.error.sealed'])
    expect(await keysOf(openVote(meetingId, topicId, 'hands'))).toEqual(['deliberation.error.sealed'])
    const [ai] = await db.actionItems.where('meetingId').equals(meetingId).toArray()
    await db.actionItems.update(ai!.id, { status: 'inProgress', updatedAt: new Date().toISOString() })
    await expect(db.actionItems.update(ai!.id, { owner: '别人' })).rejects.toThrow(/sealed/)
    expect((await verifyCommunityChain(C)).ok).toBe(true)
    // No new row joins a sealed meeting, even written past the repositories.
    const extra = { ...row, id: 'late-walk-in', name: '迟到者', sealedAt: undefined }
    const joined = { ...sheet, rows: [...sheet.rows, extra] }
    await expect(db.transaction('rw', db.meetings, db.signInSheets, () => db.signInSheets.put(joined))).rejects.toThrow(
      /sealed/,
    )
    expect((await listAttendance(meetingId)).map((r) => r.id)).not.toContain('late-walk-in')
  })
  it('a change made behind the app’s back is found by verification', async () => {
    const { voteId } = await sealedMeeting()
    // Another program editing IndexedDB directly, without the app's hooks.
    const raw = new Dexie(DB_NAME)
    raw.version(1).stores({ votes: 'id' })
    await raw.open()
    await raw.table('votes').update(voteId, { 'counts.for': 21 })
    raw.close()
    expect(await verifyCommunityChain(C)).toMatchObject({
      ok: false,
      reason: 'payload',
      kind: 'vote',
      recordId: voteId,
    })
  })
  it('an amendment after closing is appended and sealed; the original stays', async () => {
    const { meetingId, voteId } = await sealedMeeting()
    await amendSealed(meetingId, {
      targetId: voteId,
      targetKind: 'vote',
      reason: '更正笔误',
      changes: { counts: { for: 21, against: 2, abstain: 2, invalid: 0 } },
    })
    expect(await verifyCommunityChain(C)).toMatchObject({ ok: true, length: 38 })
    expect((await db.votes.get(voteId))!.counts!.for).toBe(20)
  })
})

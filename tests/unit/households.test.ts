// A 村民会议 counted by households (村委会组织法 第二十二条: ⅔ of the households
// send a representative). The secretary confirms 本村户数 and 实到户数 from the
// household sign-in book; the quorum, the closed vote and the minutes use them.
import { beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { db, DB_NAME } from '@/db/schema'
import { listAttendance, markAttendance, startSignIn } from '@/db/attendance.repo'
import { saveBody } from '@/db/bodies.repo'
import { createMeeting, setHouseholds, updateMeeting } from '@/db/meetings.repo'
import { addTopicToMeeting } from '@/db/meeting-topics.repo'
import { closeVote, openVote, recordCounts } from '@/db/votes.repo'
import { meetingDocsInput } from '@/db/documents.repo'
import { projectorScene } from '@/db/projector.repo'
import { project } from '@/db/projection.repo'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { DomainError } from '@/domain/problem'
import { renderNode, pdfTextRaw } from './support/pdf'

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

/** A 村民会议 with `people` villagers signed in, counted by ⅔ of households. */
async function villagersMeeting(people: number) {
  const body = await saveBody(C, {
    name: '河西村村民会议',
    kind: 'villagers',
    memberIds: [],
    quorumRule: { base: 'households', threshold: { kind: 'twoThirds' } },
    passingRule: { base: 'present', threshold: { kind: 'half' } },
    decides: true,
    writtenCountsAsPresent: false,
  })
  const m = await createMeeting(C, { title: '河西村村民会议', type: 'majorMatter' })
  const basics = { date: '2026-12-10', startTime: '09:00', place: '村委会大院', chairId: 'v0', recorderId: 'v1' }
  await updateMeeting(m.id, { bodyId: body.id, ...basics })
  await startSignIn(
    m.id,
    Array.from({ length: people }, (_, i) => ({ personId: `v${i}`, name: `村民${i}`, meetingRole: 'voting' as const })),
  )
  for (const r of await listAttendance(m.id)) await markAttendance(r, 'present')
  const topic = await addTopicToMeeting(m.id, { title: '村道硬化', description: '' }, '记录人')
  return { meetingId: m.id, topicId: topic.id }
}

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
  await db.open()
})

describe('a 村民会议 counted by households decides on the households represented', () => {
  it.each([
    // households, represented, people signed in, for, against → result or refusal
    [31, 21, 25, 13, 10, 'passed'],
    [31, 21, 25, 12, 13, 'failed'],
    [31, 20, 40, 30, 5, 'deliberation.error.noQuorum'], // 40 people, but only 20 of 31 households
    [300, 200, 180, 91, 80, 'passed'],
    [300, 200, 180, 90, 80, 'failed'], // 90 is not more than half of 180 present
    [300, 199, 220, 200, 10, 'deliberation.error.noQuorum'],
    [undefined, undefined, 30, 20, 5, 'deliberation.error.noQuorum'], // not confirmed: never quorate
  ] as const)(
    '%s households, %s represented, %i people, %i for, %i against → %s',
    async (total, present, people, yes, no, want) => {
      const { meetingId, topicId } = await villagersMeeting(people)
      if (total !== undefined) await setHouseholds(meetingId, { total, present })
      const v = await openVote(meetingId, topicId, 'hands')
      await recordCounts(v.id, { for: yes, against: no, abstain: 0, invalid: 0 })
      if (want.startsWith('deliberation.')) {
        expect(await keysOf(closeVote(v.id))).toEqual([want])
        expect((await db.votes.get(v.id))!.status).toBe('open')
      } else {
        expect(await closeVote(v.id)).toMatchObject({
          result: want,
          households: total,
          householdsPresent: present,
          present: people,
        })
      }
    },
  )

  it.each([
    [{ total: 31, present: 32 }, 'deliberation.households.error.exceeds'],
    [{ total: 0, present: 0 }, 'deliberation.households.error.noTotal'],
    [{ total: 31, present: 20.5 }, 'validation.integer'],
    [{ total: undefined, present: 20 }, 'validation.integer'],
  ])('%o is refused with %s and saves nothing', async (input, key) => {
    const { meetingId } = await villagersMeeting(5)
    expect(await keysOf(setHouseholds(meetingId, input))).toEqual([key])
    expect((await db.meetings.get(meetingId))!.households).toBeUndefined()
  })

  it('the minutes print 应到 31 户，实到 21 户 and the households rule', async () => {
    const { meetingId } = await villagersMeeting(25)
    await setHouseholds(meetingId, { total: 31, present: 21 })
    const input = await meetingDocsInput(meetingId)
    expect(input.quorum).toMatchObject({ present: 25, households: { total: 31, present: 21 }, reached: true })
    const text = pdfTextRaw(await renderNode(minutesToDocDef(input)))
    expect(text).toContain('应到31户，实到21户')
    expect(text).toContain('法定人数：本村三分之二以上的户派代表参加')
    expect(text).toContain('到会户数符合规定，会议有效')
  })

  it('the console and the projector show households, not people', async () => {
    const { meetingId } = await villagersMeeting(40)
    await setHouseholds(meetingId, { total: 31, present: 20 })
    await project({ meetingId, slide: 'quorum' })
    const scene = await projectorScene()
    expect(scene.quorum).toMatchObject({ byHouseholds: true, expected: 31, present: 20, need: 21, met: false })
  })
})

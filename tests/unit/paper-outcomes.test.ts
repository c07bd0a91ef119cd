// The paper never contradicts itself (issue 16, item 3): the minutes and the
// notice state a vote correction, a deferral's reason, and a council's decision
// without a vote; the corrected record is read from the tables as it was kept.
import { beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { db, DB_NAME } from '@/db/schema'
import { listAttendance, markAttendance, startSignIn } from '@/db/attendance.repo'
import { saveBody } from '@/db/bodies.repo'
import { createMeeting, updateMeeting } from '@/db/meetings.repo'
import { addTopicToMeeting } from '@/db/meeting-topics.repo'
import { closeVote, correctVote, deferTopic, openVote, recordCounts } from '@/db/votes.repo'
import { meetingDocsInput } from '@/db/documents.repo'
import { defaultRules } from '@/domain/rules'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { resolutionNoticeToDocDef } from '@/pdf/docs/resolutionNotice'
import { sampleMeeting } from '@/pdf/samples'
import { pdfBodyText, renderNode } from './support/pdf'

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
  await db.open()
})

describe('corrections and deferrals reach the minutes and the notice', () => {
  it('a corrected vote says what it replaced and why; a deferred topic gives its reason', async () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, name: `成员${i}` }))
    const body = await saveBody('c', {
      name: '村民代表会议',
      kind: 'villagerReps',
      memberIds: members.map((m) => m.id),
      ...defaultRules('villagerReps'),
      writtenCountsAsPresent: false,
    })
    const m = await createMeeting('c', { title: '村民代表会议', type: 'majorMatter' })
    await updateMeeting(m.id, { bodyId: body.id, date: '2026-12-10', startTime: '14:30', place: '议事厅' })
    await startSignIn(
      m.id,
      members.map((p) => ({ personId: p.id, name: p.name, meetingRole: 'voting' as const })),
    )
    const rows = await listAttendance(m.id)
    for (const r of rows.slice(0, 25)) await markAttendance(r, 'present')
    const gate = await addTopicToMeeting(m.id, { title: '北门开通', description: '' }, '记录人')
    const parking = await addTopicToMeeting(m.id, { title: '停车收费调整', description: '' }, '记录人')
    const v = await openVote(m.id, gate.id, 'hands')
    await recordCounts(v.id, { for: 12, against: 10, abstain: 3, invalid: 0 })
    await closeVote(v.id)
    await correctVote(v.id, { for: 15, against: 7, abstain: 3, invalid: 0 }, '计票员漏计第三排三票')
    await deferTopic(m.id, parking.id, '费用测算未完成')

    const input = await meetingDocsInput(m.id)
    expect(input.topics[0]!.votes).toHaveLength(1)
    expect(input.topics[0]!.votes[0]).toMatchObject({
      result: 'passed',
      correction: { previous: { for: 12, against: 10, abstain: 3, invalid: 0 }, reason: '计票员漏计第三排三票' },
    })
    const minutes = pdfBodyText(await renderNode(minutesToDocDef(input)))
    expect(minutes).toContain('表决结果：通过。（本表决结果系更正：原记录同意12票')
    expect(minutes).toContain('更正原因：计票员漏计第三排三票。）')
    expect(minutes).toContain('本议题暂缓表决。原因：费用测算未完成。')
    const notice = pdfBodyText(await renderNode(resolutionNoticeToDocDef(input)))
    expect(notice).toContain('北门开通（通过：同意15票')
    expect(notice).toContain('，经更正）')
    expect(notice).toContain('停车收费调整（暂缓表决，原因：费用测算未完成）')
  }, 60_000)

  it("a council's decision without a vote is stated on the minutes and the notice", async () => {
    const base = sampleMeeting()
    const topic = { ...base.topics[0]!, votes: [], withoutVote: true, resolution: '建议物业先行维修北门门禁。' }
    const input = { ...base, meeting: { ...base.meeting, decides: false }, topics: [topic] }
    const minutes = pdfBodyText(await renderNode(minutesToDocDef(input)))
    expect(minutes).toContain('本议题经协商一致形成意见，未经表决。')
    const notice = pdfBodyText(await renderNode(resolutionNoticeToDocDef(input)))
    expect(notice).toContain(`${topic.title}（经协商一致，未经表决）`)
  }, 60_000)
})

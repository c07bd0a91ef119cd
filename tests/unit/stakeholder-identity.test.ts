// A stakeholder's own identity (物业项目负责人) stays on the paper beside the
// meeting role, instead of the generic 利益相关方: on the participant row, the
// sign-in sheet and the minutes, before and after sign-in (read back with pdftotext).
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { saveCommunity } from '@/db/community.repo'
import { inviteForTopic } from '@/db/agenda.repo'
import { listAttendance, markAttendance, startSignIn } from '@/db/attendance.repo'
import { meetingDocsInput } from '@/db/documents.repo'
import { createMeeting, listParticipants } from '@/db/meetings.repo'
import { addTopicToMeeting } from '@/db/meeting-topics.repo'
import { expectedList } from '@/domain/attendance'
import { DomainError } from '@/domain/problem'
import { PRESET_KENLI } from '@/domain/roles'
import { minutesToDocDef } from '@/pdf/docs/minutes'
import { signInSheetToDocDef } from '@/pdf/docs/signInSheet'
import { pdfBodyText, renderNode } from './support/pdf'

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
})

async function meetingWithParties() {
  const c = await saveCommunity({
    name: '新华路社区',
    kind: 'community',
    partyOrg: '新华路社区党委',
    superior: '城关街道',
    rolePresetId: PRESET_KENLI.id,
    noticePeriodDays: 7,
    deliberationDay: 15,
    satisfactionThreshold: 0.8,
    evaluationScale: 'three',
    minEvaluators: 5,
  })
  const m = await createMeeting(c.id, { title: '12月居民议事会', type: 'majorMatter' })
  const topic = await addTopicToMeeting(m.id, { title: '小区停车位收费调整' }, '记录人')
  await inviteForTopic(m.id, {
    topicId: topic.id,
    name: '王海',
    partyRoleId: 'stakeholder',
    identity: '物业项目负责人',
  })
  // Without an identity the role's own name is printed, as before.
  await inviteForTopic(m.id, { topicId: topic.id, name: '赵敏', partyRoleId: 'stakeholder' })
  return m.id
}

const roleName = (id: string | undefined) => PRESET_KENLI.roles.find((r) => r.id === id)?.name

describe('a stakeholder’s own identity', () => {
  it('is stored on the invitation and refused when too long', async () => {
    const meetingId = await meetingWithParties()
    const rows = await listParticipants(meetingId)
    expect(rows.map((p) => [p.name, p.identity, p.meetingRole])).toEqual(
      expect.arrayContaining([
        ['王海', '物业项目负责人', 'stakeholder'],
        ['赵敏', undefined, 'stakeholder'],
      ]),
    )
    const topicId = rows[0]!.topicIds[0]!
    const long = inviteForTopic(meetingId, {
      topicId,
      name: '钱某',
      partyRoleId: 'stakeholder',
      identity: '长'.repeat(41),
    })
    await expect(long).rejects.toBeInstanceOf(DomainError)
    expect(await listParticipants(meetingId)).toHaveLength(2)
  })

  it('is printed on the minutes and the sign-in sheet before sign-in', async () => {
    const input = await meetingDocsInput(await meetingWithParties())
    const minutes = pdfBodyText(await renderNode(minutesToDocDef(input)))
    expect(minutes).toContain('利益相关方王海（物业项目负责人）、赵敏（利益相关方）')
    const sheet = pdfBodyText(await renderNode(signInSheetToDocDef(input)))
    expect(sheet).toContain('王海')
    expect(sheet).toContain('物业项目负责人')
  })

  it('travels onto the sign-in rows and so onto the minutes after sign-in', async () => {
    const meetingId = await meetingWithParties()
    const expected = expectedList({}, await listParticipants(meetingId), [], roleName)
    expect(expected.map((e) => [e.name, e.partyRole])).toEqual(
      expect.arrayContaining([
        ['王海', '物业项目负责人'],
        ['赵敏', '利益相关方'],
      ]),
    )
    await startSignIn(meetingId, expected)
    const rows = await listAttendance(meetingId)
    for (const r of rows) await markAttendance(r, 'present')
    const minutes = pdfBodyText(await renderNode(minutesToDocDef(await meetingDocsInput(meetingId))))
    expect(minutes).toContain('王海（物业项目负责人）')
    expect(minutes).not.toContain('王海（利益相关方）')
  })
})

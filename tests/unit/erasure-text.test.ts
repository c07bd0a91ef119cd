// After an erasure: the erased phone and ID number are found in free text,
// also when typed with spaces, and masked where the row may change; a
// statement of a sealed meeting is reported and left exactly as it was.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/schema'
import { markRestoring } from '@/db/seal-guard'
import { eraseContact } from '@/db/privacy.repo'
import { erasedNeedles, findInFreeText, maskInFreeText } from '@/db/erasure-text.repo'
import { COMMUNITY, MEETING, seedCommunity, wipe } from './support/archive-fixture'

const AT = '2026-11-21T08:00:00.000Z'

describe('erased numbers in free text', () => {
  beforeEach(async () => {
    await wipe()
    await seedCommunity()
    await db.requests.bulkPut([
      {
        id: 'q-1',
        communityId: COMMUNITY,
        description: '王建国（电话 138 1234 5678）反映3号楼路灯不亮',
        feedback: {
          method: 'phone',
          on: '2026-11-22',
          content: '已电话答复 13812345678，身份证 11010519491231002x 已核对',
        },
        createdAt: AT,
        updatedAt: AT,
      },
      { id: 'q-2', communityId: COMMUNITY, description: '李秀英 13812345671 反映停车难', createdAt: AT, updatedAt: AT },
    ] as never)
    // A statement recorded in the meeting that is now sealed: written as a verified restore would.
    await db.transaction('rw', db.statements, async () => {
      markRestoring()
      await db.statements.put({
        id: 'st-1',
        meetingId: MEETING,
        topicId: 't-1',
        text: '王建国发言：有事打我电话13812345678',
        createdAt: AT,
        updatedAt: AT,
      } as never)
    })
  })

  it('finds both numbers, masks the unsealed rows only, and leaves the other person alone', async () => {
    const needles = await erasedNeedles('p-0')
    expect(needles).toHaveLength(2)
    const hits = await findInFreeText(needles)
    expect(hits).toEqual([
      { table: 'requests', id: 'q-1', sealed: false },
      { table: 'statements', id: 'st-1', sealed: true },
    ])
    const sealedBefore = JSON.stringify(await db.statements.get('st-1'))
    expect(await maskInFreeText(hits, needles)).toBe(1)
    const q1 = (await db.requests.get('q-1')) as unknown as {
      description: string
      feedback: { content: string }
      updatedAt: string
    }
    expect(q1.description).toBe('王建国（电话 138****5678）反映3号楼路灯不亮')
    expect(q1.feedback.content).toBe('已电话答复 138****5678，身份证 110105********002X 已核对')
    expect(q1.updatedAt > AT).toBe(true)
    expect(JSON.stringify(await db.statements.get('st-1'))).toBe(sealedBefore)
    expect(((await db.requests.get('q-2')) as unknown as { description: string }).description).toContain('13812345671')
    // After masking, only the sealed row is still found; the erasure then removes the contact itself.
    expect(await findInFreeText(needles)).toEqual([{ table: 'statements', id: 'st-1', sealed: true }])
    await eraseContact('p-0', '书记 王建国')
    expect(await erasedNeedles('p-0')).toEqual([])
  })
})

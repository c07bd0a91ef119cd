import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Dexie from 'dexie'
import { db, DB_NAME } from '@/db/schema'
import { createMeeting } from '@/db/meetings.repo'
import { addTopicToMeeting } from '@/db/meeting-topics.repo'
import { addSpeaker, extendSpeaker, pauseSpeaker, resumeSpeaker, startSpeaker, stopSpeaker } from '@/db/speakers.repo'
import { clock, timeLeft } from '@/domain/speakers'

// The chair's clock for one speaker: pause for a point of order, one more minute, stop.

const at = (hms: string) => Date.parse(`2026-12-10T${hms}.000+08:00`)

beforeEach(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
  await db.open()
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => vi.useRealTimers())

async function speaker(minutes: number) {
  vi.setSystemTime(at('14:30:00'))
  const m = await createMeeting('community-1', { title: '居民议事会', type: 'residentsTalk' })
  const topic = await addTopicToMeeting(m.id, { title: '北门开通', description: '' }, '记录人')
  const s = await addSpeaker(m.id, topic.id, { name: '王秀英', role: '居民代表', minutes })
  return s.id
}
const left = async (id: string) => timeLeft((await db.speakers.get(id))!, Date.now())

describe('a speaker’s clock', () => {
  it.each([
    // minutes, spoke before pause (s), paused for (s), spoke after (s), +1 min?, shown left, total spoken
    [3, 70, 120, 20, 0, '01:30', 90],
    [3, 70, 120, 20, 1, '02:30', 90],
    [2, 150, 30, 0, 0, '−00:30', 150],
    [5, 0, 600, 299, 0, '00:01', 299],
  ])('%i min, %is, pause %is, %is more, +%i min: %s left, %is spoken', async (min, a, pause, b, plus, shown, spoke) => {
    const id = await speaker(min)
    await startSpeaker(id)
    vi.setSystemTime(at('14:30:00') + a * 1000)
    await pauseSpeaker(id)
    const frozen = await left(id)
    vi.setSystemTime(Date.now() + pause * 1000)
    expect(await left(id)).toBe(frozen) // nothing runs while paused
    if (plus) await extendSpeaker(id)
    await resumeSpeaker(id)
    vi.setSystemTime(Date.now() + b * 1000)
    expect(clock((await left(id))!)).toBe(shown)
    await stopSpeaker(id)
    const done = (await db.speakers.get(id))!
    expect(done).toMatchObject({ status: 'done', spokeSeconds: spoke, minutes: min + plus })
    expect(done.pausedLeft).toBeUndefined()
  })

  it('+1 minute on a running clock moves its end a minute later', async () => {
    const id = await speaker(3)
    await startSpeaker(id)
    vi.setSystemTime(at('14:32:00'))
    expect(clock((await left(id))!)).toBe('01:00')
    await extendSpeaker(id)
    expect(clock((await left(id))!)).toBe('02:00')
    expect((await db.speakers.get(id))!.minutes).toBe(4)
  })

  it('a waiting speaker cannot be paused or given time', async () => {
    const id = await speaker(3)
    await pauseSpeaker(id)
    await extendSpeaker(id)
    expect(await db.speakers.get(id)).toMatchObject({ status: 'waiting', minutes: 3 })
    expect((await db.speakers.get(id))!.pausedLeft).toBeUndefined()
  })
})

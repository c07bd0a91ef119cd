// Each store against a fresh createPinia(): state that outlives a view lives
// here, so a second window or a second test never sees the first one's state.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { db } from '@/db/schema'
import { saveCommunity } from '@/db/community.repo'
import { importPeople } from '@/db/people.repo'
import { removeLock, setLockPassword } from '@/db/privacy.repo'
import type { CommunitySettings } from '@/domain/community'
import { useOperatorStore } from '@/stores/operator'
import { useAppLockStore } from '@/stores/appLock'
import { useCommunityStore } from '@/stores/community'
import { usePeopleStore } from '@/stores/people'

const settings = (name: string): CommunitySettings => ({
  name,
  kind: 'community',
  partyOrg: `${name}党委`,
  superior: '城关街道',
  rolePresetId: 'jinchang',
  noticePeriodDays: 7,
  deliberationDay: 15,
  satisfactionThreshold: 0.8,
  evaluationScale: 'three',
  minEvaluators: 5,
})

/** Waits until `check` holds (live queries answer a few ticks later). */
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check()).toBe(true)
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()))
  setActivePinia(createPinia())
})

describe('operator store', () => {
  it('keeps the name typed in one form for the next session', async () => {
    const saved = new Map<string, string>()
    globalThis.localStorage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
    } as Storage
    try {
      const first = useOperatorStore()
      expect(first.name).toBe('')
      first.name = '王建国'
      await nextTick()
      setActivePinia(createPinia())
      expect(useOperatorStore().name).toBe('王建国')
    } finally {
      delete (globalThis as { localStorage?: Storage }).localStorage
    }
  })
})

describe('app lock store', () => {
  it('is open without a password and locked at start with one', async () => {
    await removeLock()
    const open = useAppLockStore()
    await open.refresh(true)
    expect(open.ready).toBe(true)
    expect(open.locked).toBe(false)

    await setLockPassword('会议室密码2026', 10)
    setActivePinia(createPinia())
    const lock = useAppLockStore()
    expect(lock.ready).toBe(false)
    await lock.refresh(true)
    expect(lock.locked).toBe(true)
    expect(lock.sessionSecret()).toBeUndefined()
  })

  it('unlocks only with the right password and keeps it for encrypted backups', async () => {
    await setLockPassword('会议室密码2026', 10)
    const lock = useAppLockStore()
    await lock.refresh(true)
    expect((await lock.unlock('wrong')).ok).toBe(false)
    expect(lock.locked).toBe(true)
    expect((await lock.unlock('会议室密码2026')).ok).toBe(true)
    expect(lock.locked).toBe(false)
    expect(lock.sessionSecret()).toBe('会议室密码2026')
    lock.lockNow()
    expect(lock.locked).toBe(true)
  })
})

describe('people store', () => {
  it('follows the current community without any view asking it to', async () => {
    const a = await saveCommunity(settings('金川社区'))
    await importPeople(a.id, [
      { name: '张秀英', roleIds: [] },
      { name: '李明', roleIds: [] },
    ])
    const community = useCommunityStore()
    const people = usePeopleStore()
    expect(people.all).toEqual([])
    await community.load()
    await until(() => people.all.length === 2)
    expect(people.nameOf(people.all[0]!.id)).toBe(people.all[0]!.name)
    expect(people.nameOf('unknown', '—')).toBe('—')
  })

  it('drops the old roster when another community becomes current', async () => {
    const a = await saveCommunity(settings('金川社区'))
    await importPeople(a.id, [{ name: '张秀英', roleIds: [] }])
    const b = await saveCommunity(settings('新华村'))
    await importPeople(b.id, [
      { name: '赵德胜', roleIds: [] },
      { name: '孙丽', roleIds: [] },
      { name: '周强', roleIds: [] },
    ])
    const community = useCommunityStore()
    const people = usePeopleStore()
    community.current = a
    await until(() => people.all.length === 1)
    community.current = b
    await until(() => people.all.length === 3)
    expect(people.all.map((p) => p.name)).not.toContain('张秀英')
  })
})

describe('community store', () => {
  it('offers every built-in role preset on the first-run page, before a community exists', async () => {
    const community = useCommunityStore()
    await community.load()
    expect(community.current).toBeUndefined()
    expect(community.presets.map((p) => p.name)).toEqual(['金昌“1+7+X”', '垦利“6+N”'])
  })
})

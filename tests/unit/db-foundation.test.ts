import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { ShangliangDb } from '@/db/schema'

let db: ShangliangDb
beforeEach(async () => {
  db = new ShangliangDb(`test-${Math.random()}`)
  await db.open()
})
afterEach(async () => {
  await db.delete()
})

describe('database', () => {
  it('opens every transaction with strict durability', async () => {
    let durability: string | undefined
    await db.transaction('rw', db.settings, async () => {
      durability = (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans.durability
      await db.settings.put({ key: 'k', value: 1 })
    })
    expect(durability).toBe('strict')
  })
  it('uses string ids, never auto-increment keys', () => {
    for (const table of db.tables) {
      expect(table.schema.primKey.auto, table.name).toBe(false)
    }
  })
  it('a failed transaction writes nothing', async () => {
    await expect(
      db.transaction('rw', db.people, async () => {
        await db.people.add({
          id: 'a',
          communityId: 'c',
          name: '甲',
          roleIds: [],
          active: true,
          createdAt: '',
          updatedAt: '',
        })
        await db.people.add({
          id: 'a',
          communityId: 'c',
          name: '乙',
          roleIds: [],
          active: true,
          createdAt: '',
          updatedAt: '',
        })
      }),
    ).rejects.toThrow()
    expect(await db.people.count()).toBe(0)
  })
})

import { db } from './schema'
import { write } from './write'

export async function getSetting<T>(key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await write([db.settings], () => db.settings.put({ key, value }))
}

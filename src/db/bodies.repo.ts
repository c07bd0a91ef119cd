import { bodyFormSchema } from '@/domain/body'
import { nowIso } from '@/domain/ids'
import type { Body } from '@/domain/vote'
import { base } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'

export async function listBodies(communityId: string): Promise<Body[]> {
  const all = await db.bodies.where('communityId').equals(communityId).toArray()
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export async function getBody(id: string): Promise<Body | undefined> {
  return db.bodies.get(id)
}

/**
 * Saves a body after checking it (a quorum may never count those present).
 * Votes copy the rules they were decided under, so editing a body later
 * never changes a recorded result.
 */
export async function saveBody(communityId: string, input: unknown, existing?: Body): Promise<Body> {
  const form = parseInput(bodyFormSchema, input)
  const body: Body = existing ? { ...existing, ...form, updatedAt: nowIso() } : { ...base(communityId), ...form }
  await write([db.bodies], () => db.bodies.put(body))
  return body
}

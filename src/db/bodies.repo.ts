import type { BodyForm } from '@/domain/body'
import type { Body } from '@/domain/vote'
import { base } from './live-meeting'
import { db } from './schema'

export async function listBodies(communityId: string): Promise<Body[]> {
  const all = await db.bodies.where('communityId').equals(communityId).toArray()
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export async function getBody(id: string): Promise<Body | undefined> {
  return db.bodies.get(id)
}

/**
 * Saves a validated body. Votes copy the rules they were decided under, so
 * editing a body later never changes a recorded result.
 */
export async function saveBody(communityId: string, form: BodyForm, existing?: Body): Promise<Body> {
  const body: Body = existing
    ? { ...existing, ...form, updatedAt: new Date().toISOString() }
    : { ...base(communityId), ...form }
  await db.bodies.put(body)
  return body
}

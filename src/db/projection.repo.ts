import { PROJECTION_ID, projectionChangeSchema, standby, type Projection } from '@/domain/projection'
import { db } from './schema'
import { parseInput, write } from './write'

export async function readProjection(): Promise<Projection> {
  return (await db.projection.get(PROJECTION_ID)) ?? standby(null)
}

/** The console's one write to drive the projector (projectionChangeSchema). */
export async function project(input: unknown): Promise<Projection> {
  const change = parseInput(projectionChangeSchema, input)
  return write([db.projection], async () => {
    const current = (await db.projection.get(PROJECTION_ID)) ?? standby(null)
    const next: Projection = {
      ...current,
      ...change,
      // Another slide starts on its first page.
      page: change.page ?? 0,
      id: PROJECTION_ID,
      seq: current.seq + 1,
      updatedAt: new Date().toISOString(),
    }
    await db.projection.put(next)
    return next
  })
}

import { PROJECTION_ID, standby, type Projection } from '@/domain/projection'
import { db } from './schema'
import { write } from './write'

export async function readProjection(): Promise<Projection> {
  return (await db.projection.get(PROJECTION_ID)) ?? standby(null)
}

/** The console's one write to drive the projector. */
export async function project(change: Partial<Omit<Projection, 'id' | 'seq' | 'updatedAt'>>): Promise<Projection> {
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

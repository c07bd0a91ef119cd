// The departments the secretary calls in on an escalation, with their contact
// person: one list per community, kept on the community record so it travels
// with the community's archive.
import { z } from 'zod'
import { DomainError, problem } from '@/domain/problem'
import { db } from './schema'
import { parseInput, write } from './write'

export interface Department {
  name: string
  contact?: string
}

const listSchema = z
  .array(
    z.object({
      name: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
      contact: z
        .string()
        .trim()
        .max(40, 'validation.tooLong')
        .optional()
        .transform((v) => v || undefined),
    }),
  )
  .max(200, 'validation.tooLong')
  .refine((l) => new Set(l.map((d) => d.name)).size === l.length, { message: 'intake.errors.duplicateUnit' })

export async function listDepartments(communityId: string): Promise<Department[]> {
  return (await db.communities.get(communityId))?.departments ?? []
}

export async function saveDepartments(communityId: string, input: unknown): Promise<void> {
  const list = parseInput(listSchema, input)
  await write([db.communities], async () => {
    const updated = await db.communities.update(communityId, { departments: list, updatedAt: new Date().toISOString() })
    if (!updated) throw new DomainError([problem('intake.errors.notFound')])
  })
}

// The body form (议事主体): members and the two rules, validated before saving.
import { z } from 'zod'
import { BODY_KINDS } from './vote'

const threshold = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('half') }),
  z.object({ kind: z.literal('twoThirds') }),
  z
    .object({
      kind: z.literal('fraction'),
      num: z.number().int('validation.integer').min(1, 'bodies.error.fraction'),
      den: z.number().int('validation.integer').min(1, 'bodies.error.fraction'),
      strict: z.boolean(),
    })
    .refine((f) => f.num <= f.den, 'bodies.error.fraction'),
])

const rule = z.object({ base: z.enum(['present', 'expected', 'members']), threshold })

export const bodyFormSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  kind: z.enum(BODY_KINDS),
  memberIds: z.array(z.string()),
  quorumRule: rule,
  passingRule: rule,
  decides: z.boolean(),
  writtenCountsAsPresent: z.boolean(),
})
export type BodyForm = z.infer<typeof bodyFormSchema>

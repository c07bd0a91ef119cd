// The body form (议事主体): members and the two rules, validated before saving.
import { z } from 'zod'
import { passingRuleSchema, quorumRuleSchema } from './rules/rule'
import { BODY_KINDS } from './vote'

export const bodyFormSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  kind: z.enum(BODY_KINDS),
  memberIds: z.array(z.string()),
  quorumRule: quorumRuleSchema,
  passingRule: passingRuleSchema,
  decides: z.boolean(),
  writtenCountsAsPresent: z.boolean(),
})
export type BodyForm = z.infer<typeof bodyFormSchema>

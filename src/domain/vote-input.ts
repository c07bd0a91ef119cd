// What a person types while a vote is open, checked before anything is stored.
import { z } from 'zod'
import { VOTE_METHODS } from './vote'

const count = z
  .number({ message: 'deliberation.error.countsNotWhole' })
  .int('deliberation.error.countsNotWhole')
  .min(0, 'deliberation.error.countsNotWhole')

export const voteMethodSchema = z.enum(VOTE_METHODS, { message: 'validation.required' })

export const countsSchema = z.object({ for: count, against: count, abstain: count, invalid: count })

/** 发出 N 张，收回 M 张 */
export const ballotsSchema = z
  .object({ issued: count, returned: count })
  .refine((b) => b.returned <= b.issued, { message: 'deliberation.error.returnedExceedIssued', path: ['returned'] })

export const tellerCountSchema = z.object({
  teller: z.string().trim().min(1, 'deliberation.error.tellerName').max(20, 'validation.tooLong'),
  counts: countsSchema,
})

/** A reason is required to defer a topic or to correct a vote. */
export const deferSchema = z.object({
  reason: z.string().trim().min(1, 'deliberation.error.reason').max(200, 'validation.tooLong'),
})

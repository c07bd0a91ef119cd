// 群众评议: residents' representatives rate the finished work; below the
// threshold the item goes back for rework and is evaluated again.
import { z } from 'zod'
import { DomainError, problem, type Problem } from './problem'
import type { Evaluation } from './resolution'

export type Scale = Evaluation['scale']
export const EVALUATION_METHODS = ['meeting', 'ballot', 'doorToDoor'] as const

/** Default: satisfied + fairly satisfied under 80% sends the item back. */
export const DEFAULT_THRESHOLD = 0.8
/** Default: no verdict from fewer than five evaluators (one 满意 must not close an item). */
export const DEFAULT_MIN_EVALUATORS = 5

/** The community settings a verdict is judged by; the repository reads them, never the view. */
export interface EvaluationSettings {
  threshold: number
  minEvaluators: number
}

export function evaluationSettings(
  c: { satisfactionThreshold?: number; minEvaluators?: number } | undefined,
): EvaluationSettings {
  return {
    threshold: c?.satisfactionThreshold ?? DEFAULT_THRESHOLD,
    minEvaluators: c?.minEvaluators ?? DEFAULT_MIN_EVALUATORS,
  }
}

/**
 * The answers of each scale, best first, and how many of them count as
 * satisfied (满意 + 基本满意; on five points the top three).
 */
/** The answers' names as printed (paper is Chinese whatever the screen language), in the scale's order. */
export const ANSWER_LABELS: Record<string, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  fairlySatisfied: '基本满意',
  unsatisfied: '不满意',
  veryUnsatisfied: '非常不满意',
}

export const SCALE_ANSWERS: Record<Scale, { keys: string[]; positive: number }> = {
  three: { keys: ['satisfied', 'fairlySatisfied', 'unsatisfied'], positive: 2 },
  five: { keys: ['verySatisfied', 'satisfied', 'fairlySatisfied', 'unsatisfied', 'veryUnsatisfied'], positive: 3 },
}

const count = z
  .number({ error: 'evaluation.errors.count' })
  .int('evaluation.errors.count')
  .min(0, 'evaluation.errors.count')
  .max(100_000, 'evaluation.errors.count')

export const evaluationSchema = z.object({
  method: z.enum(EVALUATION_METHODS, { error: 'evaluation.errors.method' }),
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  scale: z.enum(['three', 'five']),
  counts: z.array(count),
  /** Ballots left blank or ticked more than once */
  invalid: count.default(0),
  /** When the rework is due again (a failed round sets a new due date) */
  reworkDueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
    .optional(),
  reworkReason: z.string().trim().max(500, 'validation.tooLong').default(''),
  by: z.string().trim().min(1, 'followup.errors.byRequired').max(40, 'validation.tooLong'),
})
export type EvaluationInput = z.infer<typeof evaluationSchema>

/** Satisfied answers over all answers, 0..1; throws when nobody answered. */
export function satisfactionRate(scale: Scale, counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0)
  if (counts.length !== SCALE_ANSWERS[scale].keys.length || total <= 0)
    throw new DomainError([problem('evaluation.errors.zeroCounts')])
  const positive = counts.slice(0, SCALE_ANSWERS[scale].positive).reduce((a, b) => a + b, 0)
  return positive / total
}

/**
 * Whether a rate reaches the threshold. Rates are ratios of counts, so allow
 * for float noise: 8/10 must pass a threshold of 0.8.
 */
export function reachesThreshold(rate: number, threshold: number): boolean {
  return rate + 1e-9 >= threshold
}

/** Rate as a percentage with one decimal, e.g. 0.7993 → "79.9%". */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

export interface Judged {
  rate: number
  passed: boolean
}

/**
 * Judges one round. A failed round needs the reason for the rework so the
 * owner knows what to fix; a passed round needs none.
 */
export function judge(input: EvaluationInput, settings: EvaluationSettings): Judged {
  const rate = satisfactionRate(input.scale, input.counts)
  const valid = input.counts.reduce((a, b) => a + b, 0)
  if (valid < settings.minEvaluators)
    throw new DomainError([problem('evaluation.errors.tooFew', { n: valid, min: settings.minEvaluators })])
  const passed = reachesThreshold(rate, settings.threshold)
  const problems: Problem[] = []
  if (!passed && !input.reworkReason)
    problems.push(problem('evaluation.errors.reasonRequired', { rate: percent(rate) }))
  if (!passed && input.reworkDueOn !== undefined && input.reworkDueOn < input.on)
    problems.push(problem('evaluation.errors.reworkDueBefore', { date: input.on }))
  if (problems.length) throw new DomainError(problems)
  return { rate, passed }
}

/** The next round number: rounds count from 1, one more for each rework. */
export function nextRound(previous: Pick<Evaluation, 'round'>[]): number {
  return previous.reduce((max, e) => Math.max(max, e.round), 0) + 1
}

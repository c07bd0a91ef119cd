// Door-to-door canvass tallies (入户征求意见): each building's counts must add
// up, or the figure the chair quotes ("1,760 of 1,800 agreed") is wrong.
import { z } from 'zod'
import type { CanvassRow } from './research'
import { problem, type Problem } from './problem'

const count = z.number({ message: 'validation.integer' }).int('validation.integer').min(0, 'research.errors.negative')

export const canvassSchema = z.object({
  question: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  rows: z
    .array(
      z.object({
        group: z.string().trim().min(1, 'research.errors.groupName').max(40, 'validation.tooLong'),
        asked: count,
        agree: count,
        disagree: count,
        noAnswer: count,
        notReached: count,
      }),
    )
    .min(1, 'research.errors.noRows'),
})

/** One problem per row whose answers do not add up to the households asked. */
export function tallyProblems(rows: readonly CanvassRow[]): Problem[] {
  return rows.flatMap((r) => {
    const sum = r.agree + r.disagree + r.noAnswer + r.notReached
    return sum === r.asked ? [] : [problem('research.errors.tally', { group: r.group, asked: r.asked, sum })]
  })
}

export interface CanvassTotals {
  asked: number
  agree: number
  disagree: number
  noAnswer: number
  notReached: number
  /** Share of those asked who agreed, 0–100, one decimal */
  agreePercent: number
}

export function canvassTotals(rows: readonly CanvassRow[]): CanvassTotals {
  const sum = (k: keyof Omit<CanvassRow, 'group'>) => rows.reduce((n, r) => n + r[k], 0)
  const asked = sum('asked')
  const agree = sum('agree')
  return {
    asked,
    agree,
    disagree: sum('disagree'),
    noAnswer: sum('noAnswer'),
    notReached: sum('notReached'),
    agreePercent: asked === 0 ? 0 : Math.round((agree / asked) * 1000) / 10,
  }
}

export const optionSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  description: z.string().trim().max(1000, 'validation.tooLong').default(''),
  cost: z.number().min(0, 'research.errors.negative').optional(),
  funding: z.string().trim().max(60, 'validation.tooLong').optional(),
  pros: z.string().trim().max(500, 'validation.tooLong').optional(),
  cons: z.string().trim().max(500, 'validation.tooLong').optional(),
  recommended: z.boolean().default(false),
})

export const activitySchema = z.object({
  kind: z.enum(['siteVisit', 'canvass', 'survey', 'forum', 'department', 'expert']),
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  who: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  findings: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
})

import type { z } from 'zod'
import { problem, type Problem } from './problem'

export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: Record<string, Problem> }

/**
 * Validates form input with a schema whose messages are i18n keys; returns
 * one problem per field so a form can mark each one.
 */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, data: result.data }
  const fields: Record<string, Problem> = {}
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '_'
    if (!fields[path]) fields[path] = problem(issue.message.includes('.') ? issue.message : 'validation.required')
  }
  return { ok: false, fields }
}

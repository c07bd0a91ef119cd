// 文号 (document numbers): 新华路社区纪〔2026〕3号. The community sets a prefix
// and a pattern; the sequence runs per year and per kind of document. A number
// is issued once per meeting and kind and then stored, so a reprint gives the
// same number (and a changed pattern never renumbers what was issued).
import { z } from 'zod'
import type { RecordBase } from './ids'

/** The documents that carry a 文号, each with the one-character 代字 that tells them apart. */
export const DOC_NUMBER_KINDS = {
  agendaNotice: '议',
  signInSheet: '签',
  minutes: '纪',
  resolutionNotice: '决',
  filingForm: '备',
  resultsNotice: '果',
} as const
export type DocNumberKind = keyof typeof DOC_NUMBER_KINDS

/** Printed after the meeting: a draft before the seal gets no number (it would waste one). */
export const AFTER_SEAL: readonly DocNumberKind[] = ['minutes', 'resolutionNotice', 'filingForm', 'resultsNotice']

export const DEFAULT_DOC_NUMBER_PATTERN = '{prefix}{kind}〔{year}〕{seq}号'

export interface IssuedNumber extends RecordBase {
  meetingId: string
  kind: DocNumberKind
  /** The record numbered when a meeting has several of a kind (a results notice's id) */
  ownerId?: string
  year: number
  seq: number
  /** As printed, e.g. 新华路社区纪〔2026〕3号 */
  number: string
}

export const docNumberPatternSchema = z
  .string()
  .trim()
  .max(40, 'validation.tooLong')
  .refine((p) => p.includes('{seq}'), 'validation.docNumberSeq')

/** The pattern filled in: {prefix}, {kind} (代字), {year} and {seq} (no leading zeros, as GB/T 9704 asks). */
export function formatDocNumber(
  pattern: string,
  prefix: string,
  kind: DocNumberKind,
  year: number,
  seq: number,
): string {
  return pattern
    .replaceAll('{prefix}', prefix)
    .replaceAll('{kind}', DOC_NUMBER_KINDS[kind])
    .replaceAll('{year}', String(year))
    .replaceAll('{seq}', String(seq))
}

/** The next number of a kind in a year: one more than the highest issued (numbers are never reused). */
export function nextSeq(
  issued: readonly Pick<IssuedNumber, 'kind' | 'year' | 'seq'>[],
  kind: DocNumberKind,
  year: number,
) {
  return issued.filter((n) => n.kind === kind && n.year === year).reduce((max, n) => Math.max(max, n.seq), 0) + 1
}

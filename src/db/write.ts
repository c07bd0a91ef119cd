// The one write path. Every repository write runs through `write`, so a
// resolved save means two copies: committed in IndexedDB and flushed to the
// journal (journal/journal.ts), whatever the view does with the promise.
import Dexie, { type Table } from 'dexie'
import type { z } from 'zod'
import { DomainError, type Problem } from '@/domain/problem'
import { parseForm } from '@/domain/validate'
import { journalSettled } from './journal/journal'
import { db } from './schema'

/**
 * Runs `work` in one read-write transaction over `tables` and resolves after
 * the journal has it. Inside another transaction it joins that one and leaves
 * the journal wait to the outermost write (awaiting anything but IndexedDB
 * inside a transaction would let it commit early).
 */
export async function write<T>(tables: Table[], work: () => Promise<T>): Promise<T> {
  if (Dexie.currentTransaction) return db.transaction('rw', tables, work)
  const result = await db.transaction('rw', tables, work)
  await journalSettled()
  return result
}

/** Parses untrusted input with a domain schema; refuses it with one problem per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = parseForm(schema, input)
  if (parsed.ok) return parsed.data
  const problems: Problem[] = Object.values(parsed.fields)
  throw new DomainError(problems)
}

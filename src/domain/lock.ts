// App lock rules. The password itself is only ever stored as a slow salted
// hash (PBKDF2-SHA256, see src/db/privacy.repo.ts); these are the pure parts.
import { z } from 'zod'

export const LOCK_ITERATIONS = 600_000
export const DEFAULT_IDLE_MINUTES = 10
/** Wrong tries allowed before each further try has to wait. */
export const FREE_TRIES = 5
/** A passphrase for anything written to removable media (an exported archive, a USB backup) has at least this many characters. */
export const MEDIA_PASSPHRASE_MIN = 10

export interface LockRecord {
  algo: 'PBKDF2-SHA256'
  iterations: number
  /** base64 */
  salt: string
  /** hex */
  hash: string
  idleMinutes: number
  setAt: string
  /** The password is long enough to encrypt backups on removable media (MEDIA_PASSPHRASE_MIN); its length is not kept */
  mediaReady?: boolean
}

export interface LockFailures {
  count: number
  /** ISO time before which no try is accepted */
  until?: string
}

export const lockFormSchema = z
  .object({
    password: z.string().min(6, 'privacy.lock.tooShort').max(64, 'validation.tooLong'),
    confirm: z.string(),
    idleMinutes: z
      .number()
      .int('validation.integer')
      .min(1, 'privacy.lock.idleRange')
      .max(240, 'privacy.lock.idleRange'),
  })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'privacy.lock.mismatch' })

/** After the fifth wrong try: 30 s, then doubling, at most 15 minutes. */
export function failureDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0
  return Math.min(30_000 * 2 ** (failures - FREE_TRIES), 15 * 60_000)
}

/** Compares two hex digests without stopping at the first difference. */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

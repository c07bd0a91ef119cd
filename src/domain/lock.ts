// App lock rules; these are the pure parts (src/db/privacy.repo.ts stores the
// record). The password is never stored: a version-2 record keeps only the
// contact-field keys encrypted under a key Argon2id derives from it (and,
// separately, under the printed recovery key); a record written before that
// kept a slow salted PBKDF2 hash and encrypts nothing.
import { z } from 'zod'

export const DEFAULT_IDLE_MINUTES = 10
/** Wrong tries allowed before each further try has to wait. */
export const FREE_TRIES = 5
/** A passphrase for anything written to removable media (an exported archive, a USB backup) has at least this many characters. */
export const MEDIA_PASSPHRASE_MIN = 10

/** Written before contact fields were encrypted: a lock only. Still accepted until the password is set again. */
export interface LegacyLockRecord {
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

/** Argon2id cost, stored with the record so a later default never locks anyone out. */
export interface LockKdf {
  memoryKiB: number
  iterations: number
  parallelism: number
}

/** The contact-field keys sealed with AES-256-GCM under a key derived from a secret. */
export interface WrappedKeys {
  /** base64 */
  salt: string
  /** base64 of iv (12 bytes) + ciphertext */
  sealed: string
}

export interface EncryptingLockRecord {
  algo: 'Argon2id'
  kdf: LockKdf
  /** The keys under the app password; opening them is the password check (the GCM tag) */
  keys: WrappedKeys
  /** The same keys under the printed recovery key */
  recovery: WrappedKeys
  idleMinutes: number
  setAt: string
  mediaReady?: boolean
}

export type LockRecord = LegacyLockRecord | EncryptingLockRecord

/** Whether the lock also encrypts the contact details (a record set before version 2 does not). */
export const encryptsContacts = (lock: LockRecord | undefined): lock is EncryptingLockRecord =>
  lock?.algo === 'Argon2id'

/** The contact-field keys: every key ever used on this laptop stays, so older backups still open. */
export interface ContactKeyring {
  current: string
  /** key id → base64 of 32 raw bytes */
  keys: Record<string, string>
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** 25 characters of a 32-letter alphabet without look-alikes (0/O, 1/I): 125 bits, read aloud or typed in groups of five. */
export function recoveryKeyFrom(random: Uint8Array): string {
  if (random.length < 25) throw new Error('recovery key: 25 random bytes needed')
  const chars = Array.from(random.slice(0, 25), (b) => RECOVERY_ALPHABET[b % 32]!)
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join('')).join('-')
}

/** What the user typed, as the key: case, spaces and dashes do not matter. */
export function normalizeRecoveryKey(typed: string): string | undefined {
  const s = typed.toUpperCase().replace(/[\s-]/g, '')
  if (s.length !== 25 || ![...s].every((c) => RECOVERY_ALPHABET.includes(c))) return undefined
  return [0, 5, 10, 15, 20].map((i) => s.slice(i, i + 5)).join('-')
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

// Moves the stored private keys (keys.repo.ts) to a new app password. The
// keys are wrapped under a password, so re-wrapping needs one that opens
// them: the secrets that opened the app or the keys in this window are held
// here, in memory only, until the app locks. privacy.repo.ts writes the
// re-wrapped rows in the same transaction as the contact re-encryption.
import { nowIso } from '@/domain/ids'
import { unwrapJwk, wrapPrivate } from '@/archive/keys'
import { db } from './schema'
import { openEscrow } from './key-escrow'
import type { OfficeKeyRow } from './street.types'

const secrets = new Set<string>()

/** Remembers a secret that opened the app or the keys in this window. */
export function holdKeySecret(secret: string): void {
  secrets.add(secret)
}

/** The app locked: no secret stays in memory. */
export function forgetKeySecrets(): void {
  secrets.clear()
}

export interface KeyRewrap {
  /** The rows as they will be stored: re-wrapped under the new password, or as they were when no held secret opens them */
  after: OfficeKeyRow[]
  /** Inside the transaction: true while the stored rows are still the ones re-wrapped here */
  unchanged: () => Promise<boolean>
}

/**
 * Re-wraps every stored private key under `to`. Runs before the transaction
 * (PBKDF2 and AES in WebCrypto would let IndexedDB commit early); a row no
 * held secret nor its escrow (key-escrow.ts) opens stays as it is and still
 * opens with its own password.
 */
export async function rewrapKeys(to: string): Promise<KeyRewrap> {
  const before = await db.officeKeys.toArray()
  const after: OfficeKeyRow[] = []
  for (const row of before) {
    let jwk: Awaited<ReturnType<typeof unwrapJwk>> = undefined
    for (const s of secrets) if ((jwk = await unwrapJwk(row.wrapped, s))) break
    // After a recovery-key reset no held secret opens it: the escrow under the keyring does.
    jwk ??= await openEscrow(row.id)
    after.push(jwk ? { ...row, wrapped: await wrapPrivate(jwk, to), updatedAt: nowIso() } : row)
  }
  const unchanged = async () => JSON.stringify(await db.officeKeys.toArray()) === JSON.stringify(before)
  return { after, unchanged }
}

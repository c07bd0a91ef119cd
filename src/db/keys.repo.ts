// This laptop's key pair and the public keys it knows. The private half is
// stored only wrapped (key-secret.ts; key-rewrap.ts moves it to a new app
// password) and, once unwrapped with the password, kept in memory for this
// window as non-extractable CryptoKeys.
import { nowIso } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import {
  fingerprint,
  generateKeys,
  PUBLIC_KEY_FORMAT,
  readPublicKeyFile,
  unwrapPrivate,
  wrapPrivate,
  type PrivateKeys,
  type PublicKeyFile,
  type PublicKeys,
} from '@/archive/keys'
import { PackageError } from '@/archive/package'
import { keySecret } from './key-secret'
import { holdKeySecret } from './key-rewrap'
import { escrowKey, escrowMissing } from './key-escrow'
import { db } from './schema'
import type { KnownKeyRow, OfficeKeyRow } from './street.types'
import { write } from './write'

let session: { row: OfficeKeyRow; priv: PrivateKeys } | undefined

export async function ownKey(): Promise<OfficeKeyRow | undefined> {
  return db.officeKeys.get('own')
}

/** Makes the key pair once; a second call keeps the first (packages already sent name its fingerprint). */
export async function createOwnKeys(
  role: OfficeKeyRow['role'],
  ownerId: string,
  password: string,
): Promise<OfficeKeyRow> {
  const existing = await ownKey()
  if (existing) throw new DomainError([problem('street.keys.exists')])
  const secret = await keySecret(password)
  const { publicKeys, privateJwk } = await generateKeys()
  const at = nowIso()
  const row: OfficeKeyRow = {
    id: 'own',
    role,
    ownerId,
    publicKeys,
    fingerprint: await fingerprint(publicKeys),
    wrapped: await wrapPrivate(privateJwk, secret),
    createdAt: at,
    updatedAt: at,
  }
  await write([db.officeKeys], async () => {
    if (await db.officeKeys.get('own')) throw new DomainError([problem('street.keys.exists')])
    await db.officeKeys.add(row)
  })
  const priv = await unwrapPrivate(row.wrapped, secret)
  session = { row, priv: priv! }
  holdKeySecret(secret)
  // A second wrapping under the contact keys: a recovery-key reset can then move it to the new password.
  await escrowKey(row.id, privateJwk)
  return row
}

/** Unwraps the private key for this window; false for a wrong password. */
export async function unlockKeys(password: string): Promise<boolean> {
  const row = await ownKey()
  if (!row) return false
  const priv = await unwrapPrivate(row.wrapped, password)
  if (!priv) return false
  session = { row, priv }
  holdKeySecret(password)
  await escrowMissing(password)
  return true
}

export const keysUnlocked = () => Boolean(session)

export function lockKeys(): void {
  session = undefined
}

/** The unwrapped keys, or a refusal saying the password is needed first. */
export function sessionKeys(): { row: OfficeKeyRow; priv: PrivateKeys } {
  if (!session) throw new PackageError('locked')
  return session
}

export function publicKeyFile(row: OfficeKeyRow, name: string): PublicKeyFile {
  return {
    format: PUBLIC_KEY_FORMAT,
    version: 1,
    role: row.role,
    name,
    ownerId: row.ownerId,
    keys: row.publicKeys,
    fingerprint: row.fingerprint,
  }
}

/** Checks a public key file without storing it: the screen shows its fingerprint to compare first. */
export async function inspectPublicKeyFile(bytes: Uint8Array): Promise<PublicKeyFile> {
  const file = await readPublicKeyFile(bytes)
  if (!file) throw new DomainError([problem('street.keys.badFile')])
  return file
}

/** Stores a key after its fingerprint was compared and confirmed. */
export async function confirmKey(
  file: Pick<PublicKeyFile, 'role' | 'name' | 'ownerId' | 'keys'>,
): Promise<KnownKeyRow> {
  const at = nowIso()
  // Plain copies: the screen may hand in reactive proxies, which IndexedDB cannot store.
  const keys = { sign: { ...file.keys.sign }, enc: { ...file.keys.enc } }
  const row: KnownKeyRow = {
    id: await fingerprint(keys),
    role: file.role,
    name: file.name,
    ownerId: file.ownerId,
    publicKeys: keys,
    confirmedAt: at,
    createdAt: at,
    updatedAt: at,
  }
  await write([db.knownKeys], () => db.knownKeys.put(row))
  return row
}

export async function knownKeys(role: KnownKeyRow['role']): Promise<KnownKeyRow[]> {
  return db.knownKeys.where('role').equals(role).toArray()
}

export async function knownSigner(role: KnownKeyRow['role'], fp: string): Promise<PublicKeys | undefined> {
  const row = await db.knownKeys.get(fp)
  return row?.role === role ? row.publicKeys : undefined
}

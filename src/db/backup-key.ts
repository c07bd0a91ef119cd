// The key pair for backups written before anyone unlocked the app (the copy
// taken before a schema upgrade, migrations.repo.ts). The public half sits
// in plain in the device-local settings, so that backup can be encrypted
// with no password known; the private half is wrapped under the contact
// keys, so it opens exactly when the keyring does (the password or the
// recovery key), and a password change needs no extra step: the keyring
// carries its older keys forward.
import type { Dexie } from 'dexie'
import { nowIso } from '@/domain/ids'
import { generateBackupKeyPair, isKeySealed, keySealedId, openWithKey, sealToKey } from '@/archive/key-sealed'
import { ArchiveError } from '@/archive/errors'
import { encryptsContacts, type LockRecord } from '@/domain/lock'
import { heldKeyring, openWithRing, sealWithRing } from './contact-crypto'
import { db } from './schema'
import { write } from './write'

const KEY = 'backupKey'
const AAD = 'settings/backupKey'

export interface BackupKeyRecord {
  id: string
  publicJwk: JsonWebKey
  /** The private JWK as JSON, sealed under the contact keyring (contact-crypto.ts sealWithRing) */
  wrapped: string
  createdAt: string
}

/**
 * Makes the pair once, while unlocked (after a password is set, or at the
 * first unlock of a lock set before this existed). A second call keeps it:
 * backups already sealed to it must stay readable.
 */
export async function ensureBackupKey(): Promise<void> {
  const ring = heldKeyring()
  if (!ring || (await db.settings.get(KEY))) return
  const pair = await generateBackupKeyPair()
  const row: BackupKeyRecord = {
    id: pair.id,
    publicJwk: pair.publicJwk,
    wrapped: await sealWithRing(ring, AAD, JSON.stringify(pair.privateJwk)),
    createdAt: nowIso(),
  }
  await write([db.settings], async () => {
    if (!(await db.settings.get(KEY))) await db.settings.put({ key: KEY, value: row })
  })
}

/**
 * The public key to seal a backup to, read from any Dexie (the migration
 * backup opens the stored database without a schema): only when a password
 * that encrypts contacts is set.
 */
export async function backupPublicKey(d: Dexie = db): Promise<JsonWebKey | undefined> {
  const settings = d.table('settings')
  const lock = (await settings.get('lock'))?.value as LockRecord | undefined
  const key = (await settings.get(KEY))?.value as BackupKeyRecord | undefined
  return encryptsContacts(lock) && key ? key.publicJwk : undefined
}

/** Seals framed archive bytes to this laptop's backup key. */
export const sealBackup = (framed: Uint8Array, publicJwk: JsonWebKey) => sealToKey(framed, publicJwk)

/**
 * A backup's bytes with a version-3 seal opened (needs the app unlocked);
 * any other file as it is, for unpackArchive to open with a passphrase.
 */
export async function openBackupSeal(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isKeySealed(bytes)) return bytes
  const key = (await db.settings.get(KEY))?.value as BackupKeyRecord | undefined
  if (!key || keySealedId(bytes) !== key.id) throw new ArchiveError('wrongPassphrase')
  const jwk = await openWithRing(heldKeyring(), AAD, key.wrapped)
  if (!jwk) throw new ArchiveError('needPassphrase')
  return openWithKey(bytes, JSON.parse(jwk) as JsonWebKey)
}

/** Seals a rewritten backup again to this laptop's backup key (the one that opened it). */
export async function resealBackup(framed: Uint8Array): Promise<Uint8Array> {
  const key = (await db.settings.get(KEY))?.value as BackupKeyRecord | undefined
  if (!key) throw new ArchiveError('needPassphrase')
  return sealToKey(framed, key.publicJwk)
}

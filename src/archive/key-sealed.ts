// Archive header version 3: encrypted to a public key, for the one backup
// that runs before anyone has unlocked the app (the copy taken before a
// schema upgrade). No password is known then, only the public half kept in
// the lock's settings; the private half is wrapped under the contact keys
// (src/db/backup-key.ts) and opens only after an unlock.
//
// Hybrid scheme in WebCrypto: a fresh AES-256-GCM key per file encrypts the
// framed archive; RSA-OAEP-3072 (SHA-256) encrypts that key. The header is
// associated data, so a changed key id or wrapped key is refused like any
// other flipped byte.
import { concatBytes } from './bytes'
import { ArchiveError } from './errors'

const MAGIC = new Uint8Array([0x53, 0x4c, 0x41, 0x45]) // "SLAE", as versions 1 and 2
export const KEY_SEALED_VERSION = 3
const RSA: RsaHashedKeyGenParams = {
  name: 'RSA-OAEP',
  modulusLength: 3072,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
}
const ID_BYTES = 16
/** v3: magic · 3 · key id 16 · wrapped-key length u16 · wrapped key · iv 12 */
const fixedBytes = 4 + 1 + ID_BYTES + 2 + 12

export const isKeySealed = (bytes: Uint8Array): boolean =>
  bytes.length > 4 && MAGIC.every((b, i) => bytes[i] === b) && bytes[4] === KEY_SEALED_VERSION

/** The header's length as the file states it (0 when too short to say). */
export function keySealedHeaderBytes(bytes: Uint8Array): number {
  if (bytes.length < 4 + 1 + ID_BYTES + 2) return 0
  return fixedBytes + ((bytes[21]! << 8) | bytes[22]!)
}

export interface BackupKeyPair {
  /** Hex of the first 16 bytes of SHA-256 over the public key (SPKI) */
  id: string
  publicJwk: JsonWebKey
  privateJwk: JsonWebKey
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

async function idOf(pub: CryptoKey): Promise<string> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pub))
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)).subarray(0, ID_BYTES))
}

export async function generateBackupKeyPair(): Promise<BackupKeyPair> {
  const pair = await crypto.subtle.generateKey(RSA, true, ['encrypt', 'decrypt'])
  return {
    id: await idOf(pair.publicKey),
    publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
    privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
  }
}

const importPublic = (jwk: JsonWebKey) => crypto.subtle.importKey('jwk', jwk, RSA, true, ['encrypt'])
const importPrivate = (jwk: JsonWebKey) => crypto.subtle.importKey('jwk', jwk, RSA, false, ['decrypt'])

/** Encrypts framed archive bytes to the public key; anyone may do this, only the private key opens it. */
export async function sealToKey(plain: Uint8Array, publicJwk: JsonWebKey): Promise<Uint8Array> {
  const pub = await importPublic(publicJwk)
  const id = Uint8Array.from((await idOf(pub)).match(/../g)!, (h) => parseInt(h, 16))
  const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt'])
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', aes))
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, pub, raw as BufferSource))
  raw.fill(0)
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const length = new Uint8Array([wrapped.length >> 8, wrapped.length & 0xff])
  const header = concatBytes(MAGIC, new Uint8Array([KEY_SEALED_VERSION]), id, length, wrapped, iv)
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header as BufferSource },
    aes,
    plain as BufferSource,
  )
  return concatBytes(header, new Uint8Array(sealed))
}

/** The id of the key a version-3 file was sealed to (which of this laptop's keys opens it). */
export function keySealedId(bytes: Uint8Array): string | undefined {
  return isKeySealed(bytes) && bytes.length >= 21 ? hex(bytes.subarray(5, 21)) : undefined
}

/** The framed archive; ArchiveError('wrongPassphrase') for another key or any changed byte. */
export async function openWithKey(bytes: Uint8Array, privateJwk: JsonWebKey): Promise<Uint8Array> {
  const size = keySealedHeaderBytes(bytes)
  if (!isKeySealed(bytes) || !size || bytes.length < size + 16) throw new ArchiveError('notArchive')
  const header = bytes.slice(0, size)
  try {
    const priv = await importPrivate(privateJwk)
    const raw = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, priv, header.subarray(23, size - 12))
    const aes = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt'])
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: header.subarray(size - 12), additionalData: header },
      aes,
      bytes.subarray(size) as BufferSource,
    )
    return new Uint8Array(plain)
  } catch {
    throw new ArchiveError('wrongPassphrase')
  }
}

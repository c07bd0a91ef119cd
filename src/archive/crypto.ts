// Passphrase encryption for archives that leave the machine (USB sticks,
// a folder the user picks): AES-256-GCM, key from PBKDF2-SHA256. The header
// is authenticated as associated data, so a changed salt or iteration count
// is detected like any other flipped byte.
import { concatBytes } from './bytes'
import { ArchiveError } from './errors'

const MAGIC = new Uint8Array([0x53, 0x4c, 0x41, 0x45]) // "SLAE"
const VERSION = 1
const HEADER_BYTES = 4 + 1 + 4 + 16 + 12
/** OWASP 2023 figure for PBKDF2-SHA256. */
export const KDF_ITERATIONS = 600_000
/** An attacker-made header must not make us spin for minutes. */
const MAX_ITERATIONS = 5_000_000

export function isEncrypted(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && MAGIC.every((b, i) => bytes[i] === b)
}

/** PBKDF2-SHA256 → raw bits; also used for the app-lock password hash. */
export async function pbkdf2(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
  bits = 256,
): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  )
  const out = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    bits,
  )
  return new Uint8Array(out)
}

async function aesKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const raw = await pbkdf2(passphrase, salt, iterations)
  return crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

export async function encryptArchive(
  plain: Uint8Array,
  passphrase: string,
  iterations = KDF_ITERATIONS,
): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const header = new Uint8Array(HEADER_BYTES)
  header.set(MAGIC, 0)
  header[4] = VERSION
  new DataView(header.buffer).setUint32(5, iterations)
  header.set(salt, 9)
  header.set(iv, 25)
  const key = await aesKey(passphrase, salt, iterations)
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header },
    key,
    plain as BufferSource,
  )
  return concatBytes(header, new Uint8Array(sealed))
}

/** Throws ArchiveError('wrongPassphrase') for a wrong passphrase or any changed byte: GCM cannot tell them apart. */
export async function decryptArchive(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  if (!isEncrypted(bytes) || bytes.length < HEADER_BYTES + 16) throw new ArchiveError('notArchive')
  const header = bytes.slice(0, HEADER_BYTES)
  const iterations = new DataView(header.buffer).getUint32(5)
  if (header[4] !== VERSION || iterations < KDF_ITERATIONS || iterations > MAX_ITERATIONS)
    throw new ArchiveError('wrongPassphrase')
  const key = await aesKey(passphrase, header.slice(9, 25), iterations)
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: header.slice(25, 37), additionalData: header },
      key,
      bytes.subarray(HEADER_BYTES) as BufferSource,
    )
    return new Uint8Array(plain)
  } catch {
    throw new ArchiveError('wrongPassphrase')
  }
}

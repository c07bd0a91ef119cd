// Passphrase encryption for archives that leave the machine (USB sticks,
// a folder the user picks): AES-256-GCM. Header version 2 (written now)
// takes the key from Argon2id (kdf.ts); version 1 (PBKDF2-SHA256) is still
// read, so every older backup opens. The header is authenticated as
// associated data, so a changed salt or cost is detected like any other
// flipped byte.
import { concatBytes } from './bytes'
import { ArchiveError } from './errors'
import { ARGON2_DEFAULT, argon2AesKey, argon2ParamsOk, type Argon2Params } from './kdf'

const MAGIC = new Uint8Array([0x53, 0x4c, 0x41, 0x45]) // "SLAE"
/** v1: magic · 1 · iterations u32 · salt 16 · iv 12 */
const V1_HEADER_BYTES = 4 + 1 + 4 + 16 + 12
/** v2: magic · 2 · memory KiB u32 · iterations u32 · parallelism u8 · salt 16 · iv 12 */
const V2_HEADER_BYTES = 4 + 1 + 4 + 4 + 1 + 16 + 12
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

/** Writes header version 2 (Argon2id). */
export async function encryptArchive(
  plain: Uint8Array,
  passphrase: string,
  params: Argon2Params = ARGON2_DEFAULT,
): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const header = new Uint8Array(V2_HEADER_BYTES)
  const view = new DataView(header.buffer)
  header.set(MAGIC, 0)
  header[4] = 2
  view.setUint32(5, params.memoryKiB)
  view.setUint32(9, params.iterations)
  header[13] = params.parallelism
  header.set(salt, 14)
  header.set(iv, 30)
  const key = await argon2AesKey(passphrase, salt, params)
  return sealBehind(header, iv, key, plain)
}

/** The header in clear, then the AES-GCM ciphertext, with the header authenticated (a changed byte fails to open). */
async function sealBehind(
  header: Uint8Array<ArrayBuffer>,
  iv: Uint8Array<ArrayBuffer>,
  key: CryptoKey,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header },
    key,
    plain as BufferSource,
  )
  return concatBytes(header, new Uint8Array(sealed))
}

/** Version 1 files, as written before Argon2id: kept readable, never written. */
export async function encryptArchiveV1(
  plain: Uint8Array,
  passphrase: string,
  iterations = KDF_ITERATIONS,
): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const header = new Uint8Array(V1_HEADER_BYTES)
  header.set(MAGIC, 0)
  header[4] = 1
  new DataView(header.buffer).setUint32(5, iterations)
  header.set(salt, 9)
  header.set(iv, 25)
  const key = await aesKey(passphrase, salt, iterations)
  return sealBehind(header, iv, key, plain)
}

/** The header, its key and its iv, for either version; an out-of-range cost is refused before any work. */
async function openHeader(bytes: Uint8Array, passphrase: string) {
  if (!isEncrypted(bytes) || bytes.length < 5) throw new ArchiveError('notArchive')
  const version = bytes[4]
  const size = version === 1 ? V1_HEADER_BYTES : version === 2 ? V2_HEADER_BYTES : 0
  if (!size) throw new ArchiveError('wrongPassphrase')
  if (bytes.length < size + 16) throw new ArchiveError('notArchive')
  const header = bytes.slice(0, size)
  const view = new DataView(header.buffer)
  if (version === 1) {
    const iterations = view.getUint32(5)
    if (iterations < KDF_ITERATIONS || iterations > MAX_ITERATIONS) throw new ArchiveError('wrongPassphrase')
    return { header, iv: header.slice(25, 37), key: await aesKey(passphrase, header.slice(9, 25), iterations) }
  }
  const params: Argon2Params = { memoryKiB: view.getUint32(5), iterations: view.getUint32(9), parallelism: header[13]! }
  if (!argon2ParamsOk(params)) throw new ArchiveError('wrongPassphrase')
  return { header, iv: header.slice(30, 42), key: await argon2AesKey(passphrase, header.slice(14, 30), params) }
}

/** Throws ArchiveError('wrongPassphrase') for a wrong passphrase or any changed byte: GCM cannot tell them apart. */
export async function decryptArchive(bytes: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const { header, iv, key } = await openHeader(bytes, passphrase)
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: header },
      key,
      bytes.subarray(header.length) as BufferSource,
    )
    return new Uint8Array(plain)
  } catch {
    throw new ArchiveError('wrongPassphrase')
  }
}

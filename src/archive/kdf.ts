// Argon2id, the memory-hard key derivation for everything a typed password
// protects (the contact-field keys of the app lock and, from header version
// 2 on, encrypted archives). hash-wasm is a maintained WebAssembly build that
// runs the same in the renderer, in Node and in a worker; WebCrypto has no
// Argon2. PBKDF2 (crypto.ts) stays only to read what older versions wrote.
import { argon2id } from 'hash-wasm'

export interface Argon2Params {
  /** KiB */
  memoryKiB: number
  iterations: number
  parallelism: number
}

/**
 * OWASP's first Argon2id setting (46 MiB, one pass, one lane): about half a
 * second in WebAssembly on these machines, so an older laptop still unlocks
 * in a few seconds. Stored with every record and header, so it can be raised later.
 */
export const ARGON2_DEFAULT: Argon2Params = { memoryKiB: 46 * 1024, iterations: 1, parallelism: 1 }

/** What a stored header may ask for: at least OWASP's floor, never enough to stall the app. */
export function argon2ParamsOk(p: Argon2Params): boolean {
  const int = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max
  return int(p.memoryKiB, 19 * 1024, 512 * 1024) && int(p.iterations, 1, 10) && int(p.parallelism, 1, 4)
}

/** 32 raw bytes from a password (NFC, so the same characters typed on another keyboard give the same key). */
export function argon2Bytes(secret: string, salt: Uint8Array, p: Argon2Params = ARGON2_DEFAULT): Promise<Uint8Array> {
  return argon2id({
    password: secret.normalize('NFC'),
    salt,
    iterations: p.iterations,
    parallelism: p.parallelism,
    memorySize: p.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  })
}

/** An AES-256-GCM key from a password. */
export async function argon2AesKey(
  secret: string,
  salt: Uint8Array,
  p: Argon2Params = ARGON2_DEFAULT,
): Promise<CryptoKey> {
  const raw = await argon2Bytes(secret, salt, p)
  return crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

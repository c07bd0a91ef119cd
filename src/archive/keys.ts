// Key pairs for report packages (WebCrypto, browser and Node 20+): ECDSA
// P-256 signs, ECDH P-256 encrypts to the recipient. The public half travels
// as a small JSON file; its fingerprint (SHA-256 of both public keys) is what
// two people compare on screen and on paper. The private half is stored only
// wrapped (AES-GCM under a PBKDF2 key from the app password).
import { z } from 'zod'
import { canonicalJson } from '@/domain/seal'
import { fromBase64, sha256Bytes, toBase64 } from './bytes'
import { KDF_ITERATIONS, pbkdf2 } from './crypto'

const SIGN = { name: 'ECDSA', namedCurve: 'P-256' } as const
const DH = { name: 'ECDH', namedCurve: 'P-256' } as const

export const publicJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
})
export type PublicJwk = z.infer<typeof publicJwkSchema>

export interface PublicKeys {
  sign: PublicJwk
  enc: PublicJwk
}

/** The private halves in memory: never extractable once unwrapped. */
export interface PrivateKeys {
  sign: CryptoKey
  enc: CryptoKey
}

export interface WrappedKeys {
  salt: string
  iv: string
  iterations: number
  data: string
}

const onlyPublic = (j: JsonWebKey): PublicJwk => publicJwkSchema.parse({ kty: j.kty, crv: j.crv, x: j.x, y: j.y })

/** SHA-256 of both public keys: 64 hex digits. */
export async function fingerprint(keys: PublicKeys): Promise<string> {
  return sha256Bytes(new TextEncoder().encode(canonicalJson({ enc: keys.enc, sign: keys.sign })))
}

/** "3f2a 9c01 …": groups of four, easy to read aloud and compare with paper. */
export function fingerprintGroups(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ').toUpperCase()
}

export async function generateKeys(): Promise<{
  publicKeys: PublicKeys
  privateJwk: { sign: JsonWebKey; enc: JsonWebKey }
}> {
  const sign = (await crypto.subtle.generateKey(SIGN, true, ['sign', 'verify'])) as CryptoKeyPair
  const enc = (await crypto.subtle.generateKey(DH, true, ['deriveBits'])) as CryptoKeyPair
  return {
    publicKeys: {
      sign: onlyPublic(await crypto.subtle.exportKey('jwk', sign.publicKey)),
      enc: onlyPublic(await crypto.subtle.exportKey('jwk', enc.publicKey)),
    },
    privateJwk: {
      sign: await crypto.subtle.exportKey('jwk', sign.privateKey),
      enc: await crypto.subtle.exportKey('jwk', enc.privateKey),
    },
  }
}

async function wrappingKey(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const raw = await pbkdf2(`shangliang-keys:${secret}`, salt, iterations)
  return crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

export async function wrapPrivate(
  jwk: { sign: JsonWebKey; enc: JsonWebKey },
  secret: string,
  iterations = KDF_ITERATIONS,
): Promise<WrappedKeys> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const key = await wrappingKey(secret, salt, iterations)
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(jwk)))
  return { salt: toBase64(salt), iv: toBase64(iv), iterations, data: toBase64(new Uint8Array(data)) }
}

/** The private halves as JWK, for re-wrapping under a new secret; undefined for a wrong secret (GCM refuses it). */
export async function unwrapJwk(
  w: WrappedKeys,
  secret: string,
): Promise<{ sign: JsonWebKey; enc: JsonWebKey } | undefined> {
  const key = await wrappingKey(secret, fromBase64(w.salt), w.iterations)
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(w.iv) as BufferSource },
      key,
      fromBase64(w.data) as BufferSource,
    )
    return JSON.parse(new TextDecoder().decode(plain)) as { sign: JsonWebKey; enc: JsonWebKey }
  } catch {
    return undefined
  }
}

/** Returns undefined for a wrong secret. */
export async function unwrapPrivate(w: WrappedKeys, secret: string): Promise<PrivateKeys | undefined> {
  const jwk = await unwrapJwk(w, secret)
  if (!jwk) return undefined
  return {
    sign: await crypto.subtle.importKey('jwk', jwk.sign, SIGN, false, ['sign']),
    enc: await crypto.subtle.importKey('jwk', jwk.enc, DH, false, ['deriveBits']),
  }
}

export const importVerifyKey = (jwk: PublicJwk) => crypto.subtle.importKey('jwk', jwk, SIGN, false, ['verify'])
export const importDhPublic = (jwk: PublicJwk) => crypto.subtle.importKey('jwk', jwk, DH, false, [])

export async function sign(key: CryptoKey, bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, bytes as BufferSource))
}

export async function verify(jwk: PublicJwk, signature: Uint8Array, bytes: Uint8Array): Promise<boolean> {
  try {
    const key = await importVerifyKey(jwk)
    return await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      signature as BufferSource,
      bytes as BufferSource,
    )
  } catch {
    return false
  }
}

/** ECDH shared secret → HKDF-SHA256 → an AES-GCM key for one package. */
export async function packageKey(priv: CryptoKey, pub: CryptoKey, salt: Uint8Array): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: pub }, priv, 256)
  const base = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: salt as BufferSource,
      info: new TextEncoder().encode('shangliang-package-1'),
    },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export async function ephemeralDh(): Promise<{ priv: CryptoKey; pub: PublicJwk }> {
  const pair = (await crypto.subtle.generateKey(DH, true, ['deriveBits'])) as CryptoKeyPair
  return { priv: pair.privateKey, pub: onlyPublic(await crypto.subtle.exportKey('jwk', pair.publicKey)) }
}

// ---- The public key file (公钥文件)

export const PUBLIC_KEY_FORMAT = 'shangliang-public-key'

export const publicKeyFileSchema = z.strictObject({
  format: z.literal(PUBLIC_KEY_FORMAT),
  version: z.literal(1),
  role: z.enum(['street', 'community']),
  /** The office or community this key belongs to */
  name: z.string().min(1).max(100),
  /** Its own id (a street office's or community's record id) */
  ownerId: z.string().min(1).max(100),
  keys: z.strictObject({ sign: publicJwkSchema, enc: publicJwkSchema }),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
})
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>

/** Parses a public key file; undefined when it is not one or its fingerprint does not match its keys. */
export async function readPublicKeyFile(bytes: Uint8Array): Promise<PublicKeyFile | undefined> {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
  const parsed = publicKeyFileSchema.safeParse(value)
  if (!parsed.success) return undefined
  return (await fingerprint(parsed.data.keys)) === parsed.data.fingerprint ? parsed.data : undefined
}

// The report package (报送包) and the reply package (答复包): an archive
// (format.ts, with all its validation) encrypted to one recipient and signed
// by the sender. Layout: "SLPK", version, header length (u32), the header
// (JSON, signed and bound to the ciphertext as GCM associated data), the
// AES-GCM ciphertext of the framed archive, then the 64-byte ECDSA signature
// over everything before it. Checks run in the order that gives the most
// useful reason: shape, recipient, signer, signature, decryption.
import { z } from 'zod'
import { concatBytes, fromBase64, toBase64 } from './bytes'
import {
  ephemeralDh,
  fingerprint,
  importDhPublic,
  packageKey,
  publicJwkSchema,
  sign,
  verify,
  type PrivateKeys,
  type PublicKeys,
} from './keys'

const MAGIC = new Uint8Array([0x53, 0x4c, 0x50, 0x4b]) // "SLPK"
const VERSION = 1
const SIG_BYTES = 64
const PREFIX = 4 + 1 + 4
const MAX_HEADER = 4 * 1024 * 1024

export const PACKAGE_FORMAT = 'shangliang-package'

export type PackageErrorCode =
  | 'notPackage'
  | 'newerVersion'
  | 'wrongKind'
  | 'otherRecipient'
  | 'unknownKey'
  | 'keyMismatch'
  | 'badSignature'
  | 'decrypt'
  | 'locked'
  | 'notOverseen'
  | 'keyChanged'
  | 'community'
  | 'headsMismatch'
  | 'chainChanged'
  | 'chainMissing'
  | 'duplicate'
  | 'notSetUp'

/** A refused package; `key` is the message to show (street.errors.*). */
export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`package: ${code} ${JSON.stringify(params)}`)
    this.name = 'PackageError'
  }

  get key(): string {
    return `street.errors.${this.code}`
  }
}

const sha = z.string().regex(/^[0-9a-f]{64}$/)
const iso = z.string().max(40)
const party = z.strictObject({
  fingerprint: sha,
  name: z.string().min(1).max(100),
  ownerId: z.string().min(1).max(100),
})

export const chainHeadSchema = z.strictObject({
  meetingId: z.string().min(1).max(100),
  title: z.string().max(200),
  date: z.string().max(20),
  seq: z.number().int().min(0),
  hash: sha,
})

export const packageHeaderSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  kind: z.enum(['report', 'reply']),
  id: z.string().min(1).max(100),
  createdAt: iso,
  from: party.extend({ keys: z.strictObject({ sign: publicJwkSchema, enc: publicJwkSchema }) }),
  to: party,
  /** Records changed since this time only; null for a full package */
  since: iso.nullable(),
  ephemeral: publicJwkSchema,
  salt: z.string().max(40),
  iv: z.string().max(40),
  /** The head of every sealed meeting's sealing, as the sender holds it */
  chainHeads: z.array(chainHeadSchema).max(100_000),
  counts: z.record(z.string().max(40), z.number().int().min(0)),
})
export type PackageHeader = z.infer<typeof packageHeaderSchema>
export type ChainHead = z.infer<typeof chainHeadSchema>

export interface SealInput {
  kind: PackageHeader['kind']
  id: string
  createdAt: string
  from: Omit<PackageHeader['from'], 'fingerprint'>
  fromPrivate: PrivateKeys
  to: PackageHeader['to'] & { keys: PublicKeys }
  since: string | null
  chainHeads: ChainHead[]
  counts: Record<string, number>
  /** The framed archive (packArchive without a passphrase) */
  archive: Uint8Array
}

export async function sealPackage(input: SealInput): Promise<Uint8Array> {
  const eph = await ephemeralDh()
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const header: PackageHeader = {
    format: PACKAGE_FORMAT,
    kind: input.kind,
    id: input.id,
    createdAt: input.createdAt,
    from: { ...input.from, fingerprint: await fingerprint(input.from.keys) },
    to: { fingerprint: input.to.fingerprint, name: input.to.name, ownerId: input.to.ownerId },
    since: input.since,
    ephemeral: eph.pub,
    salt: toBase64(salt),
    iv: toBase64(iv),
    chainHeads: input.chainHeads,
    counts: input.counts,
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const prefix = new Uint8Array(PREFIX)
  prefix.set(MAGIC, 0)
  prefix[4] = VERSION
  new DataView(prefix.buffer).setUint32(5, headerBytes.length)
  const key = await packageKey(eph.priv, await importDhPublic(input.to.keys.enc), salt)
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: headerBytes },
      key,
      input.archive as BufferSource,
    ),
  )
  const body = concatBytes(prefix, headerBytes, cipher)
  return concatBytes(body, await sign(input.fromPrivate.sign, body))
}

/** Reads the header only (no key needed): what the import screen shows first. */
export function readPackageHeader(bytes: Uint8Array): PackageHeader {
  if (bytes.length < PREFIX + SIG_BYTES + 16 || !MAGIC.every((b, i) => bytes[i] === b))
    throw new PackageError('notPackage')
  if (bytes[4]! > VERSION) throw new PackageError('newerVersion')
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(5)
  if (length > MAX_HEADER || PREFIX + length + SIG_BYTES + 16 > bytes.length) throw new PackageError('notPackage')
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + length)))
  } catch {
    throw new PackageError('notPackage')
  }
  const parsed = packageHeaderSchema.safeParse(value)
  if (!parsed.success) throw new PackageError('notPackage')
  return parsed.data
}

export interface OpenInput {
  kind: PackageHeader['kind']
  /** This laptop's fingerprint: a package for anyone else is refused */
  ownFingerprint: string
  ownPrivate: PrivateKeys
  /** The sender's public keys as known here, or undefined when unknown */
  knownSigner: (fingerprint: string) => Promise<PublicKeys | undefined>
  /** A fingerprint the user has just confirmed on screen: its first package may come in */
  trustNew?: string
}

export interface Opened {
  header: PackageHeader
  archive: Uint8Array
  /** The sender's key was not known before (the caller stores it) */
  newKey: boolean
}

export async function openPackage(bytes: Uint8Array, input: OpenInput): Promise<Opened> {
  const header = readPackageHeader(bytes)
  if (header.kind !== input.kind) throw new PackageError('wrongKind')
  if (header.to.fingerprint !== input.ownFingerprint) throw new PackageError('otherRecipient', { name: header.to.name })
  if ((await fingerprint(header.from.keys)) !== header.from.fingerprint) throw new PackageError('keyMismatch')
  const known = await input.knownSigner(header.from.fingerprint)
  const newKey = !known
  if (!known && input.trustNew !== header.from.fingerprint)
    throw new PackageError('unknownKey', { name: header.from.name, fingerprint: header.from.fingerprint })
  const keys = known ?? header.from.keys
  const body = bytes.subarray(0, bytes.length - SIG_BYTES)
  if (!(await verify(keys.sign, bytes.subarray(bytes.length - SIG_BYTES), body)))
    throw new PackageError('badSignature', { name: header.from.name })
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(5)
  const headerBytes = bytes.subarray(PREFIX, PREFIX + length)
  try {
    const key = await packageKey(input.ownPrivate.enc, await importDhPublic(header.ephemeral), fromBase64(header.salt))
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(header.iv) as BufferSource, additionalData: headerBytes as BufferSource },
      key,
      bytes.subarray(PREFIX + length, bytes.length - SIG_BYTES) as BufferSource,
    )
    return { header, archive: new Uint8Array(plain), newKey }
  } catch {
    throw new PackageError('decrypt')
  }
}

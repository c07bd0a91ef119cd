// The outer frame of a plain archive and the manifest check, with no other
// imports from src/: the Electron main process uses this file too, to verify
// a backup it has just written without knowing the database.
import { unzipSync } from 'fflate'
import { concatBytes, sha256Bytes } from './bytes'
import { ArchiveError } from './errors'
import { ARCHIVE_VERSION, manifestSchema, type Manifest } from './schema'

const FRAME_MAGIC = new Uint8Array([0x53, 0x4c, 0x41, 0x52]) // "SLAR"
export const FRAME_BYTES = 4 + 1 + 32
const ENCRYPTED_MAGIC = new Uint8Array([0x53, 0x4c, 0x41, 0x45]) // "SLAE"

const startsWith = (b: Uint8Array, magic: Uint8Array) => b.length >= magic.length && magic.every((x, i) => b[i] === x)
const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export const isEncryptedFile = (bytes: Uint8Array) => startsWith(bytes, ENCRYPTED_MAGIC)

/** Magic, format version, SHA-256 of the zip, then the zip. */
export async function frame(zip: Uint8Array): Promise<Uint8Array> {
  const sum = Uint8Array.from((await sha256Bytes(zip)).match(/../g)!, (h) => parseInt(h, 16))
  return concatBytes(FRAME_MAGIC, new Uint8Array([ARCHIVE_VERSION]), sum, zip)
}

export async function unframe(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < FRAME_BYTES || !startsWith(bytes, FRAME_MAGIC)) throw new ArchiveError('notArchive')
  if (bytes[4]! > ARCHIVE_VERSION) throw new ArchiveError('newerVersion', { version: bytes[4]! })
  const zip = bytes.subarray(FRAME_BYTES)
  if ((await sha256Bytes(zip)) !== hexOf(bytes.subarray(5, FRAME_BYTES)))
    throw new ArchiveError('checksum', { path: '*' })
  return zip
}

export type FileCheck = { ok: true; encrypted: boolean; manifest?: Manifest } | { ok: false; code: string }

/**
 * What can be checked without the passphrase or the database: a plain file's
 * frame, manifest and every checksum; an encrypted file's header only (its
 * GCM tag is checked when it is opened with the passphrase).
 */
export async function checkArchiveFile(bytes: Uint8Array): Promise<FileCheck> {
  try {
    if (isEncryptedFile(bytes))
      return bytes.length > 37 + 16 ? { ok: true, encrypted: true } : { ok: false, code: 'notArchive' }
    const zip = unzipSync(await unframe(bytes))
    if (!zip['manifest.json']) return { ok: false, code: 'notArchive' }
    const manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(zip['manifest.json'])))
    for (const [path, sum] of Object.entries(manifest.files))
      if (!zip[path] || (await sha256Bytes(zip[path])) !== sum) return { ok: false, code: 'checksum' }
    return { ok: true, encrypted: false, manifest }
  } catch (error) {
    return { ok: false, code: error instanceof ArchiveError ? error.code : 'notArchive' }
  }
}

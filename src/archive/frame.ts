// The outer frame of a plain archive and the manifest check, with no other
// imports from src/: the Electron main process uses this file too, to verify
// a backup it has just written without knowing the database.
import { Unzip, UnzipInflate, UnzipPassThrough, type Unzipped } from 'fflate'
import { concatBytes, sha256Bytes } from './bytes'
import { ArchiveError } from './errors'
import { keySealedHeaderBytes } from './key-sealed'
import { ARCHIVE_VERSION, LIMITS, manifestSchema, type Manifest } from './schema'

const FRAME_MAGIC = new Uint8Array([0x53, 0x4c, 0x41, 0x52]) // "SLAR"
export const FRAME_BYTES = 4 + 1 + 32
const ENCRYPTED_MAGIC = new Uint8Array([0x53, 0x4c, 0x41, 0x45]) // "SLAE"

const startsWith = (b: Uint8Array, magic: Uint8Array) => b.length >= magic.length && magic.every((x, i) => b[i] === x)
const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export const isEncryptedFile = (bytes: Uint8Array) => startsWith(bytes, ENCRYPTED_MAGIC)
/** An encrypted file holds at least its header (37 bytes in version 1, 42 in version 2: crypto.ts; version 3 says: key-sealed.ts) and a GCM tag. */
const encryptedLongEnough = (bytes: Uint8Array) =>
  bytes.length > (bytes[4] === 3 ? keySealedHeaderBytes(bytes) || Infinity : bytes[4] === 2 ? 42 : 37) + 16

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

/**
 * Unzips with the archive limits counted on the bytes actually inflated, not
 * on the sizes the zip declares (a crafted entry can declare 1 KB and inflate
 * to gigabytes): it stops at the first chunk past a limit, so memory stays
 * bounded by the limits whatever the file. The renderer and the main process
 * both unzip through here.
 */
export function unzipLimited(
  zip: Uint8Array,
  limits: { files: number; entryBytes: number; unpackedBytes: number } = LIMITS,
): Unzipped {
  const out: Unzipped = {}
  let entries = 0
  let total = 0
  let failure: unknown
  const unzip = new Unzip((file) => {
    entries += 1
    if (entries > limits.files) throw new ArchiveError('tooLarge')
    const chunks: Uint8Array[] = []
    let size = 0
    file.ondata = (error, chunk, final) => {
      if (failure) return
      if (error) return void (failure = new ArchiveError('notArchive'))
      size += chunk.length
      total += chunk.length
      if (size > limits.entryBytes || total > limits.unpackedBytes) {
        failure = new ArchiveError('tooLarge')
        file.terminate()
        return
      }
      chunks.push(chunk)
      if (final) out[file.name] = (chunks.length === 1 ? chunks[0]! : concatBytes(...chunks)) as Unzipped[string]
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)
  try {
    // Fed in 16 KB slices: deflate can expand about 1,000-fold, so one slice inflates to at most ~16 MB
    // before the next limit check, and a stopped entry stops the work, not only the bookkeeping.
    const SLICE = 1 << 14
    for (let at = 0; at < zip.length && !failure; at += SLICE)
      unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length)
    if (zip.length === 0) unzip.push(zip, true)
  } catch (error) {
    throw error instanceof ArchiveError ? error : new ArchiveError('notArchive')
  }
  if (failure) throw failure
  return out
}

/** The frame alone (magic, version, SHA-256 of the zip): what rotation checks, without inflating anything. */
export async function checkFrame(bytes: Uint8Array): Promise<boolean> {
  if (isEncryptedFile(bytes)) return encryptedLongEnough(bytes)
  try {
    await unframe(bytes)
    return true
  } catch {
    return false
  }
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
      return encryptedLongEnough(bytes) ? { ok: true, encrypted: true } : { ok: false, code: 'notArchive' }
    const zip = unzipLimited(await unframe(bytes))
    if (!zip['manifest.json']) return { ok: false, code: 'notArchive' }
    const manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(zip['manifest.json'])))
    for (const [path, sum] of Object.entries(manifest.files))
      if (!zip[path] || (await sha256Bytes(zip[path])) !== sum) return { ok: false, code: 'checksum' }
    return { ok: true, encrypted: false, manifest }
  } catch (error) {
    return { ok: false, code: error instanceof ArchiveError ? error.code : 'notArchive' }
  }
}

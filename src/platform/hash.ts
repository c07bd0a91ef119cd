import { createSHA256, type IHasher } from 'hash-wasm'

let hasher: Promise<IHasher> | undefined

/**
 * SHA-256 of UTF-8 text as lowercase hex. The chain hashes two short texts
 * per sealed record, about 540,000 for a ten-year archive: WebCrypto's cost
 * per call (a promise and a copy each) made that the longest phase of an
 * import and an export, where hash-wasm's one reused hasher runs it
 * synchronously, about 3× faster even in Node. The same digest either way.
 */
export async function sha256Hex(text: string): Promise<string> {
  const h = await (hasher ??= createSHA256())
  // init → update → digest run without an await between them: no other call can interleave.
  h.init()
  h.update(text)
  return h.digest('hex')
}

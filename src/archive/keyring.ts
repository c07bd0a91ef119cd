// The contact keys an archive's contact rows were encrypted under, carried
// inside the archive so another laptop can read them (src/db/archive-keyring.ts
// re-encrypts them there under its own keys). Only ever written into an
// archive encrypted with a passphrase, so the keys travel under it and never
// in plain; an archive without this document reads as before.
import { z } from 'zod'
import type { ArchiveDocument } from './format'

export const KEYRING_DOCUMENT = 'contact-keys.json'

const keyringSchema = z.strictObject({
  format: z.literal('shangliang-contact-keys'),
  /** key id → base64 of 32 raw AES bytes */
  keys: z.record(z.string().min(1).max(100), z.string().regex(/^[A-Za-z0-9+/]{43}=$/)),
})

export type CarriedKeys = Record<string, string>

export function keyringDocument(keys: CarriedKeys): ArchiveDocument {
  const body = { format: 'shangliang-contact-keys', keys }
  return { name: KEYRING_DOCUMENT, bytes: new TextEncoder().encode(JSON.stringify(body)) }
}

/** The carried keys (undefined when there are none or the document is not one of ours) and the other documents. */
export function readKeyring(documents: ArchiveDocument[]): { keys?: CarriedKeys; documents: ArchiveDocument[] } {
  const doc = documents.find((d) => d.name === KEYRING_DOCUMENT)
  const rest = documents.filter((d) => d !== doc)
  if (!doc) return { documents: rest }
  try {
    const parsed = keyringSchema.safeParse(JSON.parse(new TextDecoder().decode(doc.bytes)))
    return { keys: parsed.success ? parsed.data.keys : undefined, documents: rest }
  } catch {
    return { documents: rest }
  }
}

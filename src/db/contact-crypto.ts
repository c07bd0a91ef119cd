// Contact details (phone, address, ID number) encrypted field by field. The
// keyring lives in this module's memory only while the app is unlocked
// (privacy.repo.ts opens and forgets it); IndexedDB, the journal and every
// backup see only `sl1:<key id>:<base64 iv + ciphertext>`. Each field is
// bound to its row and name as associated data, so a ciphertext moved to
// another person or field does not open.
import type { Contact } from '@/domain/person'
import type { ContactKeyring } from '@/domain/lock'
import { fromBase64, toBase64 } from '@/archive/bytes'

export const CONTACT_FIELDS = ['phone', 'address', 'idNumber'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]
const PREFIX = 'sl1:'

let keyring: ContactKeyring | undefined
const keys = new Map<string, CryptoKey>()

async function keyFor(ring: ContactKeyring, id: string): Promise<CryptoKey | undefined> {
  const raw = ring.keys[id]
  if (!raw) return undefined
  const cached = keys.get(id)
  if (cached) return cached
  const key = await crypto.subtle.importKey('raw', fromBase64(raw) as BufferSource, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ])
  keys.set(id, key)
  return key
}

/** Holds the keyring while unlocked. */
export function holdKeyring(ring: ContactKeyring): void {
  keys.clear()
  keyring = ring
}

/** Drops the keys from memory (the lock screen is up, or the lock was removed). */
export function forgetKeyring(): void {
  keys.clear()
  keyring = undefined
}

export const heldKeyring = (): ContactKeyring | undefined => keyring

export const isSealedField = (v: string | undefined): boolean => Boolean(v?.startsWith(PREFIX))

/**
 * `<key id>:<base64 iv + ciphertext>` under the ring's current key, bound to
 * `aad`. Also what other secrets kept beside the contacts are wrapped in
 * (backup-key.ts, key-escrow.ts): whatever opens the keyring opens them.
 */
export async function sealWithRing(ring: ContactKeyring, aadText: string, plain: string): Promise<string> {
  const key = (await keyFor(ring, ring.current))!
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aadText) },
      key,
      new TextEncoder().encode(plain),
    ),
  )
  const joined = new Uint8Array(iv.length + ct.length)
  joined.set(iv)
  joined.set(ct, iv.length)
  return `${ring.current}:${toBase64(joined)}`
}

/** The plain text, or undefined when this keyring cannot open it (another key, changed bytes). */
export async function openWithRing(
  ring: ContactKeyring | undefined,
  aadText: string,
  stored: string,
): Promise<string | undefined> {
  const [keyId, body] = stored.split(':')
  const key = ring && keyId ? await keyFor(ring, keyId) : undefined
  if (!key || !body) return undefined
  try {
    const bytes = fromBase64(body)
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12) as BufferSource, additionalData: new TextEncoder().encode(aadText) },
      key,
      bytes.subarray(12) as BufferSource,
    )
    return new TextDecoder().decode(plain)
  } catch {
    return undefined
  }
}

const aad = (rowId: string, field: ContactField) => `contacts/${rowId}/${field}`

async function sealField(ring: ContactKeyring, rowId: string, field: ContactField, plain: string): Promise<string> {
  return `${PREFIX}${await sealWithRing(ring, aad(rowId, field), plain)}`
}

/** The plain value, or undefined when this keyring cannot open it (locked, another laptop's key, changed bytes). */
async function openField(
  ring: ContactKeyring | undefined,
  rowId: string,
  field: ContactField,
  stored: string,
): Promise<string | undefined> {
  if (!isSealedField(stored)) return stored
  return openWithRing(ring, aad(rowId, field), stored.slice(PREFIX.length))
}

/** A contact as it is stored: sealed under `ring` (the held keyring by default), plain when there is none. */
export async function sealContact(c: Contact, ring: ContactKeyring | undefined = keyring): Promise<Contact> {
  if (!ring) return c
  const out: Contact = { ...c }
  for (const f of CONTACT_FIELDS) {
    const v = c[f]
    if (v && !isSealedField(v)) out[f] = await sealField(ring, c.id, f, v)
  }
  return out
}

export interface OpenedContact extends Contact {
  /** Fields stored encrypted that this keyring could not open (shown as such, never as empty) */
  unreadable: ContactField[]
}

/** A contact as the screens show it. */
export async function openContact(c: Contact, ring: ContactKeyring | undefined = keyring): Promise<OpenedContact> {
  const out: OpenedContact = { ...c, unreadable: [] }
  for (const f of CONTACT_FIELDS) {
    const v = c[f]
    if (!v) continue
    const plain = await openField(ring, c.id, f, v)
    if (plain === undefined) {
      out.unreadable.push(f)
      delete out[f]
    } else out[f] = plain
  }
  return out
}

/** Re-seals one stored row under `to` (plain when `to` is undefined); fields `from` cannot open stay as they are. */
export async function resealContact(
  c: Contact,
  from: ContactKeyring | undefined,
  to: ContactKeyring | undefined,
): Promise<Contact> {
  const out: Contact = { ...c }
  for (const f of CONTACT_FIELDS) {
    const v = c[f]
    if (!v) continue
    const plain = await openField(from, c.id, f, v)
    if (plain === undefined) continue
    out[f] = to ? await sealField(to, c.id, f, plain) : plain
  }
  return out
}

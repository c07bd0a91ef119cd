// A second wrapping of the signing keys, under the contact keyring, so a
// recovery-key reset can move them to the new password (key-rewrap.ts): the
// printed recovery key opens the keyring, never the forgotten password the
// keys were wrapped under. Kept in the device-local settings, so it never
// travels in an archive; removed with the lock, when the keyring is kept in
// plain (privacy.repo.ts removeLock).
import { unwrapJwk } from '@/archive/keys'
import { heldKeyring, openWithRing, sealWithRing } from './contact-crypto'
import { db } from './schema'
import { write } from './write'

type PrivateJwk = { sign: JsonWebKey; enc: JsonWebKey }

export const KEY_ESCROW = 'signingKeyEscrow'
const aad = (rowId: string) => `officeKeys/${rowId}`

async function escrowed(): Promise<Record<string, string>> {
  return ((await db.settings.get(KEY_ESCROW))?.value as Record<string, string> | undefined) ?? {}
}

/** Keeps the private key under the held keyring; nothing happens while no keyring is held (no password). */
export async function escrowKey(rowId: string, jwk: PrivateJwk): Promise<void> {
  const ring = heldKeyring()
  if (!ring) return
  const sealed = await sealWithRing(ring, aad(rowId), JSON.stringify(jwk))
  await write([db.settings], async () => {
    await db.settings.put({ key: KEY_ESCROW, value: { ...(await escrowed()), [rowId]: sealed } })
  })
}

/** The private key from its escrow, when the held keyring opens it. */
export async function openEscrow(rowId: string): Promise<PrivateJwk | undefined> {
  const sealed = (await escrowed())[rowId]
  const plain = sealed ? await openWithRing(heldKeyring(), aad(rowId), sealed) : undefined
  return plain ? (JSON.parse(plain) as PrivateJwk) : undefined
}

/** Escrows every stored key that `secret` opens and that has none yet (keys made before the lock, or before this). */
export async function escrowMissing(secret: string): Promise<void> {
  if (!heldKeyring()) return
  const have = await escrowed()
  for (const row of await db.officeKeys.toArray()) {
    if (row.id in have) continue
    const jwk = await unwrapJwk(row.wrapped, secret)
    if (jwk) await escrowKey(row.id, jwk)
  }
}

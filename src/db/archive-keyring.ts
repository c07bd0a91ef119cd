// Contact rows between laptops. At export under a passphrase, the keys the
// exported contact rows use go into the archive (src/archive/keyring.ts);
// at import, rows under keys this laptop lacks are opened with the carried
// keys and encrypted again under this laptop's current key (or kept plain
// when this laptop has no password, as its own rows are). A field neither
// opens stays as it is and shows as unreadable.
import { keyringDocument, readKeyring } from '@/archive/keyring'
import type { ArchiveDocument, ArchiveRow, ArchiveTables } from '@/archive/format'
import type { ContactKeyring } from '@/domain/lock'
import type { Contact } from '@/domain/person'
import { CONTACT_FIELDS, heldKeyring, isSealedField, resealContact } from './contact-crypto'

const keyIdOf = (v: unknown) => (typeof v === 'string' && isSealedField(v) ? v.split(':')[1] : undefined)

/** The keyring document for an export: only with a passphrase, only the keys its contact rows use. */
export function carriedKeysDocument(tables: ArchiveTables, passphrase: string | undefined): ArchiveDocument[] {
  const ring = heldKeyring()
  if (!passphrase || !ring) return []
  const used = new Set<string>()
  for (const c of tables.contacts ?? [])
    for (const f of CONTACT_FIELDS) {
      const id = keyIdOf(c[f])
      if (id && ring.keys[id]) used.add(id)
    }
  if (!used.size) return []
  return [keyringDocument(Object.fromEntries([...used].map((id) => [id, ring.keys[id]!])))]
}

/** Contact rows under another laptop's keys, re-encrypted here; every other row as it was. */
export async function reopenCarried(rows: ArchiveRow[], documents: ArchiveDocument[]): Promise<ArchiveRow[]> {
  const { keys } = readKeyring(documents)
  if (!keys) return rows
  const here = heldKeyring()
  const from: ContactKeyring = { current: Object.keys(keys)[0]!, keys }
  return Promise.all(
    rows.map(async (row) => {
      const foreign = CONTACT_FIELDS.some((f) => {
        const id = keyIdOf(row[f])
        return id && keys[id] && !here?.keys[id]
      })
      return foreign ? ((await resealContact(row as unknown as Contact, from, here)) as unknown as ArchiveRow) : row
    }),
  )
}

import { newId, nowIso } from '@/domain/ids'
import { personFormSchema, type Contact, type Person, type PersonForm } from '@/domain/person'
import type { RolePreset } from '@/domain/roles'
import { db } from './schema'
import { parseInput, write } from './write'
import { openContact, sealContact, type OpenedContact } from './contact-crypto'

export async function listPeople(communityId: string): Promise<Person[]> {
  const people = await db.people.where('communityId').equals(communityId).toArray()
  return people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** Decrypted while the app is unlocked; fields this laptop cannot open are listed in `unreadable`. */
export async function getContact(personId: string): Promise<OpenedContact | undefined> {
  const stored = await db.contacts.get(personId)
  return stored && openContact(stored)
}

function contactFrom(form: PersonForm, id: string, communityId: string, now: string): Contact | null {
  if (!form.phone && !form.address && !form.idNumber) return null
  return { id, communityId, phone: form.phone, address: form.address, idNumber: form.idNumber, updatedAt: now }
}

function personFrom(form: PersonForm, communityId: string, now: string, existing?: Person): Person {
  return {
    id: existing?.id ?? newId(),
    communityId,
    name: form.name,
    roleIds: form.roleIds,
    unit: form.unit || undefined,
    place: form.place || undefined,
    active: existing?.active ?? true,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
}

/**
 * A field stored encrypted under a key this laptop does not hold (a merged
 * archive from another laptop) is shown empty on the form; saving the form
 * keeps it instead of wiping it. Erasure is the way to remove it.
 */
async function keepUnreadable(
  contact: Contact | null,
  personId: string | undefined,
  communityId: string,
  now: string,
): Promise<Contact | null> {
  const stored = personId ? await db.contacts.get(personId) : undefined
  if (!stored) return contact
  const { unreadable } = await openContact(stored)
  if (!unreadable.length) return contact
  const kept: Contact = contact ?? { id: stored.id, communityId, updatedAt: now }
  for (const f of unreadable) if (!contact?.[f]) kept[f] = stored[f]
  return kept
}

/** Adds or edits one person; contact details go to their own table. */
export async function savePerson(communityId: string, input: unknown, existing?: Person): Promise<Person> {
  const form = parseInput(personFormSchema, input)
  const now = nowIso()
  const person = personFrom(form, communityId, now, existing)
  const plain = contactFrom(form, person.id, communityId, now)
  // Encrypted before the transaction: WebCrypto inside it would let IndexedDB commit early.
  const contact = await keepUnreadable(plain && (await sealContact(plain)), existing?.id, communityId, now)
  await write([db.people, db.contacts], async () => {
    await db.people.put(person)
    if (contact) await db.contacts.put(contact)
    else await db.contacts.delete(person.id)
  })
  return person
}

/**
 * Imports a validated roster in one transaction: all rows or none. `preset`, when given, is the
 * community's preset with the file's new roles added; it is saved and made the community's
 * preset in the same transaction, so a failed import leaves the preset as it was.
 */
export async function importPeople(communityId: string, input: unknown, preset?: RolePreset): Promise<number> {
  const forms = parseInput(personFormSchema.array(), input)
  const now = nowIso()
  const people = forms.map((f) => personFrom(f, communityId, now))
  const contacts = await Promise.all(
    forms
      .map((f, i) => contactFrom(f, people[i]!.id, communityId, now))
      .filter((c): c is Contact => c !== null)
      .map((c) => sealContact(c)),
  )
  await write([db.people, db.contacts, db.rolePresets, db.communities], async () => {
    if (preset) {
      if (preset.builtIn || preset.communityId !== communityId) throw new Error('roster import: not an own preset')
      await db.rolePresets.put(preset)
      const community = await db.communities.get(communityId)
      if (community && community.rolePresetId !== preset.id)
        await db.communities.put({ ...community, rolePresetId: preset.id, updatedAt: now })
    }
    await db.people.bulkAdd(people)
    await db.contacts.bulkAdd(contacts)
  })
  return people.length
}

/** People are deactivated, never deleted: they may appear in sealed records. */
export async function setPersonActive(id: string, active: boolean): Promise<void> {
  await write([db.people], () => db.people.update(id, { active, updatedAt: nowIso() }))
}

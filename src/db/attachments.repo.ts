// The one writer of the attachments table: research files, the photo of a
// posted notice, progress photos. Every file is held to the domain's one size
// limit (domain/attachment.ts) before anything is written.
import { attachmentFileSchema, attachmentProblems, type Attachment, type AttachmentFile } from '@/domain/attachment'
import { DomainError } from '@/domain/problem'
import { base } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'

/** Who a file belongs to. */
export interface AttachmentOwner {
  communityId: string
  ownerId: string
  ownerKind: string
}

/** Checks a picked file against the limit; throws DomainError when it cannot be kept. */
export function checkAttachment(file: unknown): AttachmentFile {
  const f = parseInput(attachmentFileSchema, file)
  const problems = attachmentProblems(f.name, f.bytes.byteLength)
  if (problems.length > 0) throw new DomainError(problems)
  return f
}

/** Stores a file for its owner; inside another write it joins that transaction. */
export async function addAttachment(owner: AttachmentOwner, file: unknown): Promise<Attachment> {
  const f = checkAttachment(file)
  const row: Attachment = {
    ...base(owner.communityId),
    ownerId: owner.ownerId,
    ownerKind: owner.ownerKind,
    name: f.name,
    mime: f.mime || 'application/octet-stream',
    size: f.bytes.byteLength,
    bytes: f.bytes,
  }
  await write([db.attachments], () => db.attachments.add(row))
  return row
}

export async function removeAttachment(id: string): Promise<void> {
  await write([db.attachments], () => db.attachments.delete(id))
}

export async function getAttachment(id: string): Promise<Attachment | undefined> {
  return db.attachments.get(id)
}

/** Stored attachments by id, in the order asked, skipping any that are gone. */
export async function attachmentsByIds(ids: string[]): Promise<Attachment[]> {
  return (await db.attachments.bulkGet(ids)).filter((a): a is Attachment => Boolean(a))
}

/** The attachments of these owners without their bytes: a list never loads every photo at once. */
export async function attachmentsOf(ownerIds: string[]): Promise<Omit<Attachment, 'bytes'>[]> {
  const out: Omit<Attachment, 'bytes'>[] = []
  await db.attachments
    .where('ownerId')
    .anyOf(ownerIds)
    .each((a) => {
      const { bytes: _bytes, ...meta } = a
      out.push(meta)
    })
  return out
}

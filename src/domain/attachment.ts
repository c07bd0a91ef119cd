// Files kept with a record: research photos and documents, the photo of a
// posted notice, progress photos. They live in the database (and in every
// backup), so every one of them has the same ceiling.
import { z } from 'zod'
import type { RecordBase } from './ids'
import { problem, type Problem } from './problem'

export interface Attachment extends RecordBase {
  /** The record it belongs to (research activity, progress entry, notice …) */
  ownerId: string
  /** topic, activity, notice, actionProgress … */
  ownerKind: string
  name: string
  mime: string
  size: number
  bytes: Uint8Array
}

/** The one size limit of an attachment. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** Photos a progress entry may carry. */
export const MAX_PHOTOS = 6

/** A file as picked, before it is stored. */
export const attachmentFileSchema = z.object({
  name: z.string().trim().min(1, 'validation.required'),
  mime: z.string(),
  bytes: z.instanceof(Uint8Array),
})
export type AttachmentFile = z.infer<typeof attachmentFileSchema>

/** Why a file of this name and size cannot be kept (empty, or over the limit). */
export function attachmentProblems(name: string, size: number): Problem[] {
  if (size === 0) return [problem('research.errors.emptyFile', { name })]
  if (size > MAX_ATTACHMENT_BYTES)
    return [problem('research.errors.tooLarge', { name, mb: (size / 1048576).toFixed(1), max: 10 })]
  return []
}

/** Why these files cannot be a record's photos: not images, or more than `max`. */
export function photoProblems(files: readonly { mime: string }[], max = Infinity): Problem[] {
  if (files.some((f) => !f.mime.startsWith('image/'))) return [problem('publication.photoNotImage')]
  if (files.length > max) return [problem('followup.errors.tooManyPhotos')]
  return []
}

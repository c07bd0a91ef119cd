// The IPC contract, written once. Main validates every payload with these
// schemas; the preload's verbs send exactly these shapes.
import { z } from 'zod'
import { MAX_CHUNK_BYTES } from './transfer'

// As large as the biggest archive the renderer accepts (src/archive/schema.ts LIMITS.fileBytes).
export const MAX_FILE_BYTES = 1024 * 1024 * 1024

/** File kinds the renderer may ask to save; each maps to a dialog filter. */
export const FILE_KINDS = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  docx: { name: 'Word', extensions: ['docx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  archive: { name: '商量归档', extensions: ['slarchive'] },
  /** A community's report package to the street office, or the street's reply package */
  package: { name: '商量报送包', extensions: ['slpkg'] },
  /** An office's public key file, handed to the other side */
  publicKey: { name: '商量公钥', extensions: ['slkey'] },
} as const

const fileBytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_FILE_BYTES, { message: 'file size out of range' })
/** A file comes whole (small ones) or as the id of a finished chunked transfer (transfer.ts). */
const transferId = z.string().uuid()
const oneOf = (p: { bytes?: unknown; transfer?: unknown }) => (p.bytes === undefined) !== (p.transfer === undefined)

export const saveFilePayload = z
  .strictObject({
    kind: z.enum(['pdf', 'xlsx', 'docx', 'csv', 'archive', 'package', 'publicKey']),
    suggestedName: z.string().min(1).max(200),
    bytes: fileBytes.optional(),
    transfer: transferId.optional(),
  })
  .refine(oneOf, { message: 'bytes or transfer' })
export type SaveFilePayload = Omit<z.infer<typeof saveFilePayload>, 'bytes' | 'transfer'> & { bytes: Uint8Array }

export const transferBeginPayload = z.strictObject({ total: z.number().int().positive().max(MAX_FILE_BYTES) })
export const transferChunkPayload = z.strictObject({
  id: transferId,
  offset: z.number().int().nonnegative(),
  chunk: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= MAX_CHUNK_BYTES),
})
export const transferAbortPayload = z.strictObject({ id: transferId })

export const emptyPayload = z.undefined()

const backupTarget = z.enum(['app', 'folder'])
export const backupWritePayload = z
  .strictObject({
    bytes: fileBytes.optional(),
    transfer: transferId.optional(),
    reason: z.enum(['meetingClosed', 'interval', 'beforeMigration', 'beforeRestore', 'manual']),
    target: backupTarget,
  })
  .refine(oneOf, { message: 'bytes or transfer' })
export const backupListPayload = z.strictObject({ target: backupTarget })
/** A name from the listing; the store looks it up there, it is never used as a path. */
export const backupReadPayload = z.strictObject({ target: backupTarget, name: z.string().min(1).max(200) })

/** New bytes for a listed backup (rewritten without an erased person), by its name from the listing. */
export const backupReplacePayload = z.strictObject({
  target: backupTarget,
  name: z.string().min(1).max(200),
  bytes: z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength > 0 && b.byteLength <= MAX_FILE_BYTES, { message: 'file size out of range' }),
})

export { issuedCodeSchema as issuedCodePayload } from './backup/issued'

export { CHANNELS, type SaveResult } from '../shared/channels'

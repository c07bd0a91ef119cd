// The strict shape of an archive. Everything is checked before a single row
// is written: JSON shape limits first (depth, sizes, dangerous keys), then
// zod schemas for the manifest and for the rows whose meaning we rely on.
import { z } from 'zod'

export const ARCHIVE_FORMAT = 'shangliang-archive'
/** Bump when the file layout changes; keep a reader for every older version. */
export const ARCHIVE_VERSION = 1

// Sized for ten years of a large community (the bench's dataset: 272,000
// seal links, 200,000 attendance rows, 2,000 photos, an archive of ~0.5 GB)
// with room to spare, and still far below what would exhaust memory.
export const LIMITS = {
  fileBytes: 1024 * 1024 * 1024,
  /** All entries unpacked together (a zip bomb stops here) */
  unpackedBytes: 2 * 1024 * 1024 * 1024,
  entryBytes: 256 * 1024 * 1024,
  files: 50_000,
  depth: 24,
  stringChars: 200_000,
  arrayItems: 1_000_000,
  /** Keys of one object: the manifest names every file it holds, so up to `files` */
  keys: 50_000,
} as const

// Control characters in a name are how a path smuggles itself past a file system.
// eslint-disable-next-line no-control-regex
const SEGMENT = /^[^/\\\u0000-\u001f:*?"<>|]{1,120}$/
/** Inner paths: a few known folders, no "..", no absolute paths. */
export const archivePath = z
  .string()
  .max(300)
  .refine((p) => {
    const parts = p.split('/')
    return (
      ['tables', 'blobs', 'documents'].includes(parts[0]!) &&
      parts.length >= 2 &&
      parts.length <= 4 &&
      parts.slice(1).every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')
    )
  }, 'bad path')

const iso = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/)
const sha = z.string().regex(/^[0-9a-f]{64}$/)
const id = z.string().min(1).max(100)

export const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1),
  schemaVersion: z.number().int().min(1).max(10_000),
  createdAt: iso,
  app: z.string().max(60),
  scope: z.strictObject({ communityId: id.nullable(), from: iso.nullable(), to: iso.nullable() }),
  tables: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.number().int().min(0).max(10_000_000)),
  files: z.record(archivePath, sha),
})
export type Manifest = z.infer<typeof manifestSchema>

/** The codes issued at sealing, as they travel in an archive. */
export const issuedCodesSchema = z
  .array(
    z.strictObject({
      communityId: id,
      meetingId: id,
      code: z.string().min(1).max(40),
      head: sha,
      at: z.string().min(1).max(40),
      title: z.string().max(200).optional(),
      date: z.string().max(20).optional(),
    }),
  )
  .max(1_000_000)

/** Every row: an id, and communityId/createdAt/updatedAt when present are well-formed. */
const rowBase = z.looseObject({ id, communityId: id.optional(), createdAt: iso.optional(), updatedAt: iso.optional() })

/** Rows whose fields import relies on get a stricter schema. */
const TABLE_SCHEMAS: Record<string, z.ZodType> = {
  seals: z.strictObject({
    id,
    communityId: id,
    meetingId: id,
    seq: z.number().int().min(0),
    kind: z.enum(['meeting', 'attendance', 'vote', 'resolution', 'actionItem', 'amendment']),
    recordId: id,
    payloadHash: sha,
    prevHash: sha,
    hash: sha,
    at: iso,
    createdAt: iso,
    updatedAt: iso,
  }),
  communities: rowBase.extend({ name: z.string().min(1).max(100) }),
  people: rowBase.extend({
    communityId: id,
    name: z.string().min(1).max(100),
    roleIds: z.array(id).max(50),
    active: z.boolean(),
  }),
  contacts: z.strictObject({
    id,
    communityId: id,
    phone: contactField(30).optional(),
    address: contactField(300).optional(),
    idNumber: contactField(30).optional(),
    updatedAt: iso,
  }),
  meetings: rowBase.extend({ communityId: id }),
}

/** A contact field in plain (written without an app password) or encrypted (src/db/contact-crypto.ts). */
function contactField(plainMax: number) {
  return z.union([z.string().max(plainMax), z.string().regex(/^sl1:[\w-]{1,64}:[A-Za-z0-9+/]{20,2000}={0,2}$/)])
}

export function rowSchema(table: string): z.ZodType {
  return TABLE_SCHEMAS[table] ?? rowBase
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Walks parsed JSON without recursion (a hostile file may nest 100,000
 * levels) and returns what is wrong with it, or null when it is safe.
 */
export function unsafeJson(root: unknown): string | null {
  const stack: [unknown, number][] = [[root, 0]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (depth > LIMITS.depth) return 'depth'
    if (value === null || typeof value === 'boolean') continue
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'number'
      continue
    }
    if (typeof value === 'string') {
      if (value.length > LIMITS.stringChars) return 'string'
      continue
    }
    if (Array.isArray(value)) {
      if (value.length > LIMITS.arrayItems) return 'array'
      for (const v of value) stack.push([v, depth + 1])
      continue
    }
    if (typeof value !== 'object') return 'type'
    const keys = Object.keys(value)
    if (keys.length > LIMITS.keys) return 'keys'
    for (const k of keys) {
      if (FORBIDDEN_KEYS.has(k) || k.length > 100) return 'key'
      stack.push([(value as Record<string, unknown>)[k], depth + 1])
    }
  }
  return null
}

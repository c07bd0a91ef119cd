import { z } from 'zod'
import type { RecordBase } from './ids'

/**
 * A person on the roster. Contact details live apart in `Contact`, so meeting
 * records never carry them and erasing them never touches a sealed record.
 */
export interface Person extends RecordBase {
  name: string
  /** Standing party roles, ids from the community's role preset */
  roleIds: string[]
  /** Work unit or organisation, e.g. 物业公司, 区住建局 */
  unit?: string
  /** Building, compound or villager group */
  place?: string
  /** A deactivated person stays in every record but is no longer offered */
  active: boolean
}

/** Optional personal contact details, stored separately (id = person id). */
export interface Contact {
  id: string
  communityId: string
  phone?: string
  address?: string
  idNumber?: string
  updatedAt: string
}

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/

export function isValidPhone(phone: string): boolean {
  const p = phone.replace(/\s/g, '')
  return MOBILE.test(p) || LANDLINE.test(p)
}

/** Mainland resident ID (18 digits, ISO 7064 MOD 11-2 check character). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const checks = '10X98765432'
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return checks[sum % 11] === id[17]!.toUpperCase()
}

export const personFormSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(30, 'validation.tooLong'),
  roleIds: z.array(z.string()),
  unit: z.string().trim().max(60, 'validation.tooLong').optional(),
  place: z.string().trim().max(60, 'validation.tooLong').optional(),
  phone: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isValidPhone(v), 'validation.phone'),
  address: z.string().trim().max(120, 'validation.tooLong').optional(),
  idNumber: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isValidIdNumber(v), 'validation.idNumber'),
})
export type PersonForm = z.infer<typeof personFormSchema>

/**
 * What separates names typed or pasted into one field: 、，,；; and line breaks.
 * Not spaces: an official is entered as "河西镇包村干部 赵立新".
 */
const NAME_SEPARATORS = /[、，,；;\r\n\t]+/

/**
 * Adds the names in `text` to `list`, in order, without repeats. A secretary
 * pastes "王建国、李秀英、张伟" from a document in one go, or types one name
 * through an input method; either way every name is kept.
 */
export function addNames(list: readonly string[], text: string): string[] {
  const out = [...list]
  for (const n of text.split(NAME_SEPARATORS)) {
    const name = n.trim()
    if (name && !out.includes(name)) out.push(name)
  }
  return out
}

// Validates a roster file's rows as a whole: any bad row rejects the file,
// and every bad row is reported, so staff fix the sheet once.
import { isValidIdNumber, isValidPhone, type PersonForm } from './person'
import { problem, type Problem } from './problem'
import { copyPreset, findRole, type RolePreset } from './roles'

/** Column headers accepted for each field (Chinese first, English too). */
const HEADERS: Record<keyof PersonForm, string[]> = {
  name: ['姓名', '名字', 'name'],
  roleIds: ['角色', '身份', '类别', 'role', 'roles'],
  unit: ['单位', '工作单位', 'unit'],
  place: ['楼栋', '小区', '村民小组', '所在网格', '住址楼栋', 'place'],
  phone: ['电话', '手机', '联系电话', '手机号', 'phone'],
  address: ['地址', '家庭住址', 'address'],
  idNumber: ['身份证号', '身份证号码', '身份证', 'id number', 'idnumber'],
}

export interface RowProblem {
  /** Row number as the spreadsheet shows it (header is row 1) */
  row: number
  column: string
  problem: Problem
}

/**
 * `unknownRoles` lists, once each and in order of first use, role names the preset lacks.
 * When it is not empty the people are not ready to import: the user confirms, the roles are
 * added with `presetWithRoles`, and the rows are validated again against the new preset.
 */
export type RosterImportResult =
  { ok: true; people: PersonForm[]; unknownRoles: string[] } | { ok: false; fileProblem?: Problem; rows: RowProblem[] }

export const MAX_ROSTER_ROWS = 5000

function columnFor(headers: string[], field: keyof PersonForm): string | undefined {
  const wanted = HEADERS[field].map((h) => h.toLowerCase())
  return headers.find((h) => wanted.includes(h.trim().toLowerCase()))
}

function splitRoles(cell: string): string[] {
  return cell
    .split(/[、，,;；/|\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The header row of a roster: the first row with a name column (title rows above are skipped). */
export function isRosterHeader(cells: string[]): boolean {
  return columnFor(cells, 'name') !== undefined
}

/** Checks every row; returns the people only when all rows are valid. `firstRow` numbers rows as the sheet does. */
export function validateRosterRows(
  headers: string[],
  rows: Record<string, string>[],
  preset: RolePreset,
  firstRow = 2,
): RosterImportResult {
  const nameCol = columnFor(headers, 'name')
  if (!nameCol) return { ok: false, fileProblem: problem('roster.import.noNameColumn'), rows: [] }
  if (rows.length === 0) return { ok: false, fileProblem: problem('roster.import.empty'), rows: [] }
  if (rows.length > MAX_ROSTER_ROWS)
    return { ok: false, fileProblem: problem('roster.import.tooMany', { max: MAX_ROSTER_ROWS }), rows: [] }

  const cols = Object.fromEntries(
    (Object.keys(HEADERS) as (keyof PersonForm)[]).map((f) => [f, columnFor(headers, f)]),
  ) as Record<keyof PersonForm, string | undefined>
  const problems: RowProblem[] = []
  const people: PersonForm[] = []
  const seen = new Map<string, number>()
  const unknownRoles: string[] = []

  rows.forEach((raw, index) => {
    const row = index + firstRow
    const cell = (field: keyof PersonForm) => {
      const col = cols[field]
      return col ? String(raw[col] ?? '').trim() : ''
    }
    const name = cell('name')
    const before = problems.length
    if (!name) problems.push({ row, column: nameCol, problem: problem('roster.import.nameMissing') })
    else if (name.length > 30) problems.push({ row, column: nameCol, problem: problem('validation.tooLong') })

    const roleIds: string[] = []
    for (const roleName of splitRoles(cell('roleIds'))) {
      const role = findRole(preset, roleName)
      if (role) roleIds.push(role.id)
      else if (roleName.length > 30)
        problems.push({ row, column: cols.roleIds!, problem: problem('validation.tooLong') })
      else if (!unknownRoles.includes(roleName)) unknownRoles.push(roleName)
    }
    const phone = cell('phone').replace(/\s/g, '')
    if (phone && !isValidPhone(phone))
      problems.push({ row, column: cols.phone!, problem: problem('roster.import.badPhone', { value: phone }) })
    const idNumber = cell('idNumber')
    if (idNumber && !isValidIdNumber(idNumber))
      problems.push({ row, column: cols.idNumber!, problem: problem('roster.import.badIdNumber') })

    // The same name with the same phone twice is a copy-paste slip; the same
    // name alone is allowed (namesakes are common in a village).
    const key = `${name}|${phone}`
    if (name && phone && seen.has(key))
      problems.push({ row, column: nameCol, problem: problem('roster.import.duplicate', { other: seen.get(key)! }) })
    if (name && phone) seen.set(key, row)

    if (problems.length === before) {
      people.push({
        name,
        roleIds: [...new Set(roleIds)],
        unit: cell('unit') || undefined,
        place: cell('place') || undefined,
        phone: phone || undefined,
        address: cell('address') || undefined,
        idNumber: idNumber || undefined,
      })
    }
  })
  return problems.length > 0 ? { ok: false, rows: problems } : { ok: true, people, unknownRoles }
}

/**
 * The preset with the given role names added as standing ("fixed") roles. A built-in preset is
 * never changed: the community gets its own copy (`copyId`), which it then uses.
 */
export function presetWithRoles(
  preset: RolePreset,
  names: string[],
  newRoleId: () => string,
  communityId: string,
  copyId: string,
): RolePreset {
  const base = preset.builtIn
    ? copyPreset(preset, copyId, communityId, preset.name)
    : { ...preset, roles: [...preset.roles] }
  for (const name of names) {
    if (!findRole(base, name)) base.roles.push({ id: newRoleId(), name, kind: 'fixed' })
  }
  return base
}

import { newId, nowIso } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import {
  templateCopySchema,
  BUILT_IN_TEMPLATES,
  copyTemplate,
  nextVersion,
  templateFormSchema,
  type ProcedureTemplate,
} from '@/domain/template'
import { db } from './schema'
import { parseInput, write } from './write'

const builtIns = new Map(BUILT_IN_TEMPLATES.map((t) => [t.id, t]))

/** Newest version of each lineage in the list. */
function latestOnly(rows: ProcedureTemplate[]): ProcedureTemplate[] {
  const latest = new Map<string, ProcedureTemplate>()
  for (const r of rows) if ((latest.get(r.lineageId)?.version ?? 0) < r.version) latest.set(r.lineageId, r)
  return [...latest.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** Built-ins first, then the newest version of each of the community's own templates. */
export async function listTemplates(communityId: string): Promise<ProcedureTemplate[]> {
  const own = await db.templates.where('communityId').equals(communityId).toArray()
  return [...BUILT_IN_TEMPLATES, ...latestOnly(own)]
}

/** Any version of any template, built-in or own. */
export async function getTemplate(id: string): Promise<ProcedureTemplate | undefined> {
  return builtIns.get(id) ?? db.templates.get(id)
}

/** Every stored version of one template, newest first. */
export async function templateVersions(lineageId: string): Promise<ProcedureTemplate[]> {
  const rows = await db.templates.where('lineageId').equals(lineageId).toArray()
  return rows.sort((a, b) => b.version - a.version)
}

/** Copies a template into the community's own list (version 1 of a new lineage); input is `{ name }`. */
export async function copyTemplateTo(
  communityId: string,
  sourceId: string,
  input: unknown,
): Promise<ProcedureTemplate> {
  const { name } = parseInput(templateCopySchema, input)
  const source = await getTemplate(sourceId)
  if (!source) throw new DomainError([problem('templates.error.notFound')])
  const copy = copyTemplate(source, newId(), communityId, name, nowIso())
  await write([db.templates], () => db.templates.add(copy))
  return copy
}

/**
 * Saves an edit as the next version; the version edited stays as it was, so
 * matters started under it keep their rules. Refuses an edit of a version
 * that is no longer the newest (someone saved in between).
 */
export async function saveTemplateVersion(currentId: string, input: unknown): Promise<ProcedureTemplate> {
  const form = parseInput(templateFormSchema, input)
  return write([db.templates], async () => {
    const current = await db.templates.get(currentId)
    if (!current) throw new DomainError([problem('templates.error.readOnly')])
    const newest = await db.templates.where('lineageId').equals(current.lineageId).toArray()
    if (newest.some((t) => t.version > current.version)) throw new DomainError([problem('templates.error.stale')])
    const next = nextVersion(current, form, newId(), nowIso())
    await db.templates.add(next)
    return next
  })
}

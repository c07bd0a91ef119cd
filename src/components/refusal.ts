// Why a package or key was refused, in the user's language: package and
// archive refusals carry an i18n key and parameters; fingerprints are shown
// in groups of four so they can be compared with the printed ones.
import { ArchiveError } from '@/archive/errors'
import { fingerprintGroups } from '@/archive/keys'
import { PackageError } from '@/archive/package'
import { DomainError } from '@/domain/problem'

type T = (key: string, params?: Record<string, unknown>) => string

export function refusalText(t: T, e: unknown): string {
  if (e instanceof PackageError || e instanceof ArchiveError) {
    const params: Record<string, unknown> = { ...e.params }
    for (const k of ['fingerprint', 'before', 'after'])
      if (typeof params[k] === 'string' && /^[0-9a-f]{64}$/.test(params[k] as string))
        params[k] = fingerprintGroups(params[k] as string)
    return t(e.key, params)
  }
  if (e instanceof DomainError) return e.problems.map((p) => t(p.key, p.params ?? {})).join('；')
  return t('street.errors.unexpected', { message: e instanceof Error ? e.message : String(e) })
}

/** The file chosen in a file input; the input is cleared so that choosing the same file again fires again. */
export function takeFile(event: Event): File | undefined {
  const input = event.target as HTMLInputElement
  const file = input.files?.[0]
  input.value = ''
  return file
}

export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}

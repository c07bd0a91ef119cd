// Every refusal is an i18n key (backup.errors.*), so the user reads why in Chinese.
export type ArchiveErrorCode =
  | 'tooLarge'
  | 'empty'
  | 'notArchive'
  | 'needPassphrase'
  | 'wrongPassphrase'
  | 'badManifest'
  | 'newerVersion'
  | 'oldVersion'
  | 'missingFile'
  | 'extraFile'
  | 'checksum'
  | 'badTable'
  | 'badRows'
  | 'duplicateId'
  | 'count'
  | 'brokenChain'
  | 'duplicateSealed'
  | 'tampered'
  | 'conflict'
  | 'community'

export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`archive: ${code} ${JSON.stringify(params)}`)
    this.name = 'ArchiveError'
  }

  /** The i18n key to show. */
  get key(): string {
    return `backup.errors.${this.code}`
  }
}

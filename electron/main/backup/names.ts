// Pure: backup file names. The renderer only ever names a backup by a string
// from listBackups(); this pattern is the only shape such a name can have.
export const BACKUP_REASONS = ['meetingClosed', 'interval', 'beforeMigration', 'beforeRestore', 'manual'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

const PATTERN =
  /^shangliang-(\d{8}T\d{6}\d{3}Z)-(meetingClosed|interval|beforeMigration|beforeRestore|manual)\.slarchive$/

export function backupFileName(at: Date, reason: BackupReason): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '')
  return `shangliang-${stamp}-${reason}.slarchive`
}

export function parseBackupName(name: string): { at: Date; reason: BackupReason } | null {
  const m = PATTERN.exec(name)
  if (!m) return null
  const s = m[1]!
  const at = new Date(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
  )
  return Number.isNaN(at.getTime()) ? null : { at, reason: m[2] as BackupReason }
}

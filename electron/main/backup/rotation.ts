// Pure: which backups to delete. Keeps the newest `keepLast`, plus the newest
// of each day for `keepDays` days, and never the newest backup that verified.
export interface BackupEntry {
  name: string
  at: Date
  ok: boolean
}

export interface RotationPolicy {
  keepLast: number
  keepDays: number
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 10, keepDays: 30 }

export function backupsToDelete(entries: BackupEntry[], now: Date, policy = DEFAULT_ROTATION): string[] {
  const newestFirst = [...entries].sort((a, b) => b.at.getTime() - a.at.getTime())
  const keep = new Set(newestFirst.slice(0, policy.keepLast).map((e) => e.name))
  const lastGood = newestFirst.find((e) => e.ok)
  if (lastGood) keep.add(lastGood.name)
  const cutoff = now.getTime() - policy.keepDays * 86_400_000
  const days = new Set<string>()
  for (const e of newestFirst) {
    const day = e.at.toISOString().slice(0, 10)
    if (e.ok && e.at.getTime() >= cutoff && !days.has(day)) {
      days.add(day)
      keep.add(e.name)
    }
  }
  return newestFirst.filter((e) => !keep.has(e.name)).map((e) => e.name)
}

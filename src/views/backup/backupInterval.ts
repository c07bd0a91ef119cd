/** Automatic backups run this often while something changed; the status line warns after one missed interval. */
export const BACKUP_INTERVAL_MS = 15 * 60_000

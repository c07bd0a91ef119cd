// The console's backup line, from recorded outcomes (15-minute interval).
import { describe, expect, it } from 'vitest'
import { backupStatus, type BackupOutcomes } from '@/domain/backup-status'

const MIN = 60_000
const NOW = Date.parse('2026-12-10T10:00:00.000Z')
const ago = (minutes: number) => new Date(NOW - minutes * MIN).toISOString()

describe('backup status', () => {
  it.each<[string, BackupOutcomes, string]>([
    ['never backed up', {}, 'warning:never'],
    ['backed up 10 minutes ago', { lastAt: ago(10) }, 'ok'],
    ['backed up 40 minutes ago, no check since', { lastAt: ago(40) }, 'warning:missed'],
    [
      'backed up 3 hours ago, nothing new since (checked 5 minutes ago)',
      { lastAt: ago(180), lastCheckAt: ago(5) },
      'ok',
    ],
    ['USB copy with the last backup', { lastAt: ago(5), lastCopyAt: ago(5), copyToFolder: true }, 'ok'],
    ['USB copy behind', { lastAt: ago(5), lastCopyAt: ago(60), copyToFolder: true }, 'warning:copyMissed'],
    [
      'USB copy failed: stick not plugged in',
      {
        lastAt: ago(5),
        lastCopyAt: ago(60),
        copyToFolder: true,
        lastFailure: { at: ago(5), target: 'folder', reason: 'notMounted' },
      },
      'failed:folder:notMounted',
    ],
    [
      'a USB failure no longer counts once the copy is switched off',
      { lastAt: ago(5), lastFailure: { at: ago(5), target: 'folder', reason: 'noSecret' } },
      'ok',
    ],
    [
      'local backup failed after the last success',
      { lastAt: ago(20), lastFailure: { at: ago(2), target: 'app', reason: 'tampered' } },
      'failed:app:tampered',
    ],
    [
      'a failure followed by a success is over',
      { lastAt: ago(2), lastFailure: { at: ago(20), target: 'app', reason: 'failed', message: 'disk full' } },
      'ok',
    ],
  ])('%s', (_name, outcomes, expected) => {
    const s = backupStatus(outcomes, NOW, 15 * MIN)
    const label =
      s.state === 'warning' ? `warning:${s.why}` : s.state === 'failed' ? `failed:${s.target}:${s.reason}` : s.state
    expect(label).toBe(expected)
  })
})

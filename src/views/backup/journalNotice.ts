// Loaded only after a recovery, so the message box stays out of the start-up bundle.
import { ElMessageBox } from 'element-plus'
import type { JournalStart } from '@/db/journal/journal'

type Recovered = Extract<JournalStart, { state: 'recovered' }>

export function showRecovered(t: (key: string, params?: Record<string, unknown>) => string, start: Recovered): void {
  const at = new Date(start.at).toLocaleString()
  void ElMessageBox.alert(t('backup.journal.recovered', { ...start, at }), t('backup.journal.title'), {
    type: 'warning',
    confirmButtonText: t('backup.journal.ok'),
  })
}

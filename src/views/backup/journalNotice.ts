// The journal's messages to the user: a recovery at start, and any write the
// journal could not keep (IndexedDB has it, the second copy does not).
import { ElMessageBox, ElNotification } from 'element-plus'
import { onJournalFailure, type JournalStart } from '@/db/journal/journal'

type Recovered = Extract<JournalStart, { state: 'recovered' }>

export function showRecovered(t: (key: string, params?: Record<string, unknown>) => string, start: Recovered): void {
  const at = new Date(start.at).toLocaleString()
  void ElMessageBox.alert(t('backup.journal.recovered', { ...start, at }), t('backup.journal.title'), {
    type: 'warning',
    confirmButtonText: t('backup.journal.ok'),
  })
}

/** Shows each journal failure until closed; returns an unsubscribe. One notice at a time, however many fail. */
export function showJournalFailures(t: (key: string, params?: Record<string, unknown>) => string): () => void {
  let open: { close(): void } | undefined
  return onJournalFailure((f) => {
    open?.close()
    open = ElNotification({
      type: 'error',
      title: t('backup.journal.failedTitle'),
      message: t('backup.journal.failed', { what: t(`backup.journal.what.${f.what}`), message: f.message }),
      duration: 0,
    })
  })
}

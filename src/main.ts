import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './theme.css'
import './styles.css'
import App from './App.vue'
import { i18n, loadLocale } from './i18n'
import { router } from './router'
import { requestPersistentStorage } from './db/storage'
import { backupBeforeMigration } from './db/migrations.repo'
import { db } from './db/schema'
import { workerFiles } from './db/journal/files'
import { startJournal, setJournalStart } from './db/journal/journal'
import { writeBackup } from './platform'

async function start() {
  // Before this build's schema upgrade touches the stored data, the main
  // process keeps a copy of it as it is (desktop only: a browser has no
  // backup folder, and its backups are manual exports).
  if (window.shangliang) {
    try {
      await backupBeforeMigration((bytes, reason) => writeBackup(bytes, reason, 'app'))
    } catch (error) {
      console.error('[backup] before-migration backup failed', error)
    }
  }
  // The console window keeps the journal (a second copy outside IndexedDB)
  // and rebuilds an emptied database from it; the projector only reads.
  if (!location.hash.startsWith('#/projector')) setJournalStart(await startJournal(db, workerFiles()))
  // The fault test's hook exists only in `--mode e2e` builds; production builds drop this branch and its chunk.
  if (import.meta.env.MODE === 'e2e') (await import('./db/journal/fault-hook')).installFaultHook(db)
  void requestPersistentStorage()
  await loadLocale()
  createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')
}

void start()

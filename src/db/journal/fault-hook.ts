// The fault test's door into the data layer (tests/e2e/fault.spec.ts): it
// writes votes the way the app does — one Dexie transaction, journal
// included — while the browser is killed around it. Installed only when the
// page address carries ?fault-hooks, which the app itself never uses.
import type { Dexie } from 'dexie'
import { journalSettled } from './journal'

declare global {
  interface Window {
    shangliangFault?: { writeVote(vote: { id: string }, resolution: { id: string }): Promise<void> }
  }
}

export function installFaultHook(db: Dexie): void {
  if (!new URLSearchParams(location.search).has('fault-hooks')) return
  window.shangliangFault = {
    async writeVote(vote, resolution) {
      await db.transaction('rw', db.table('votes'), db.table('resolutions'), async () => {
        await db.table('votes').put(vote)
        await db.table('resolutions').put(resolution)
      })
      await journalSettled()
    },
  }
}

// Counts the statistics month rows from scratch: in the upgrade that adds them,
// and once after a bulk write (an import, a journal recovery) marked them
// stale. Reads every counted table inside the transaction that writes the
// counts, so they match the rows exactly.
import Dexie, { type Transaction } from 'dexie'
import { buildMonths, type CountedEvaluation, type CountedItem, type StatMonth } from '@/domain/stat-months'
import type { Request, RequestEvent } from '@/domain/request'
import type { Topic } from '@/domain/topic'
import type { Vote } from '@/domain/vote'
import { allowRebuild, STAT_TABLE } from './middleware'

/** The tables a rebuild reads and writes. */
export const COUNTED_TABLES = ['requests', 'requestEvents', 'votes', 'topics', 'actionItems', 'evaluations', STAT_TABLE]

/** Replaces every month row, inside the given read-write (or upgrade) transaction. */
export async function rebuildIn(tx: Transaction): Promise<StatMonth[]> {
  allowRebuild(tx.idbtrans)
  const all = <T>(name: string) => tx.table<T>(name).toArray()
  const [requests, events, votes, topics, items, evaluations] = await Promise.all([
    all<Request>('requests'),
    all<RequestEvent>('requestEvents'),
    all<Vote>('votes'),
    all<Topic>('topics'),
    all<CountedItem>('actionItems'),
    all<CountedEvaluation>('evaluations'),
  ])
  const deferredTopicIds = topics.filter((t) => t.status === 'deferred').map((t) => t.id)
  const months = buildMonths({ requests, events, votes, deferredTopicIds, items, evaluations })
  await tx.table(STAT_TABLE).clear()
  await tx.table(STAT_TABLE).bulkPut(months)
  return months
}

const running = new WeakMap<Dexie, Promise<void>>()

/** Rebuilds in a transaction of its own (outside any caller's, and once at a time per database). */
export function rebuildStatMonths(d: Dexie): Promise<void> {
  const busy = running.get(d)
  if (busy) return busy
  const run = Dexie.ignoreTransaction(() =>
    d.transaction('rw', COUNTED_TABLES, async (tx) => {
      await rebuildIn(tx)
    }),
  ).finally(() => running.delete(d))
  running.set(d, run)
  return run
}

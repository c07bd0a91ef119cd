// Keeps the statistics month rows (statMonths, domain/stat-months.ts) up to
// date in the same transaction as every write that can move a figure, whatever
// code makes it — the way the journal copies every write. A request's figures
// depend on the request, its trail (the day it was resolved), its topic's votes
// (a correction replaces a result) and the topic's deferral; so a write to any
// of those recounts the requests it can touch, before and after, and moves
// only the difference. Action items and evaluations count on their own.
// A bulk write (an import, a recovery, a clear) marks the rows stale instead
// of recounting row by row; stats.repo.ts then counts from the rows and a
// rebuild (rebuild.ts) runs once outside the writer's transaction.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie'
import type { Request, RequestEvent } from '@/domain/request'
import type { Topic } from '@/domain/topic'
import type { Vote } from '@/domain/vote'
import {
  applyContributions,
  contributionsOf,
  isEmptyMonth,
  netChanges,
  type Contribution,
  type CountedEvaluation,
  type CountedItem,
  type StatMonth,
} from '@/domain/stat-months'

export const STAT_TABLE = 'statMonths'
/** The row that says "count from the rows until rebuilt" (written in the bulk write's own transaction). */
export const STALE_KEY: [string, string] = ['', 'stale']
/** Above this many rows in one write, recounting row by row costs more than one rebuild. */
const BULK = 300

const WATCHED = new Set(['requests', 'requestEvents', 'votes', 'topics', 'actionItems', 'evaluations'])
/** What a watched write needs in its transaction (IndexedDB fixes the scope when it begins). */
const SCOPE = [...WATCHED, STAT_TABLE]

// Dexie's DBCoreRangeType is a const enum it does not export: 1 = one key.
const equal = (key: unknown) => ({ type: 1, lower: key, upper: key }) as never
const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange'

/** Transactions that write statMonths themselves: the upgrade and a rebuild. */
const rebuilding = new WeakSet<object>()
export function allowRebuild(idbtrans: object): void {
  rebuilding.add(idbtrans)
}
const isRebuild = (trans: DBCoreTransaction) => isUpgrade(trans) || rebuilding.has(trans)

export function aggregatesMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'aggregates',
    // Right above IndexedDB, below Dexie's hooks and cache, which read the
    // current transaction from Dexie's zone that the awaits here would lose.
    // So these writes are not seen by liveQuery: stats.repo.ts subscribes to the source tables.
    level: -1,
    create(down) {
      const t = (name: string) => down.table(name)

      async function byIndex<T>(trans: DBCoreTransaction, table: string, index: string, keys: string[]): Promise<T[]> {
        const tb = t(table)
        const idx = tb.schema.getIndexByKeyPath(index)!
        const parts = await Promise.all(
          keys.map((k) => tb.query({ trans, values: true, query: { index: idx, range: equal(k) } })),
        )
        return parts.flatMap((p) => p.result as T[])
      }

      /** Everything the counted rows need: requests with trails, their topics' votes and deferrals. */
      async function contributions(
        trans: DBCoreTransaction,
        ids: { requests: string[]; items: string[]; evaluations: string[] },
      ): Promise<Contribution[]> {
        const get = async <T>(table: string, keys: string[]) =>
          keys.length ? ((await t(table).getMany({ trans, keys })) as (T | undefined)[]).filter((x): x is T => !!x) : []
        const requests = await get<Request>('requests', ids.requests)
        const topicIds = [...new Set(requests.flatMap((r) => (r.topicId ? [r.topicId] : [])))]
        const [events, votes, topics, items, evaluations] = await Promise.all([
          byIndex<RequestEvent>(
            trans,
            'requestEvents',
            'requestId',
            requests.map((r) => r.id),
          ),
          byIndex<Vote>(trans, 'votes', 'topicId', topicIds),
          get<Topic>('topics', topicIds),
          get<CountedItem>('actionItems', ids.items),
          get<CountedEvaluation>('evaluations', ids.evaluations),
        ])
        const deferredTopicIds = topics.filter((x) => x.status === 'deferred').map((x) => x.id)
        return contributionsOf({ requests, events, votes, deferredTopicIds, items, evaluations })
      }

      async function keysOf(req: DBCoreMutateRequest): Promise<string[]> {
        if (req.type === 'delete') return req.keys as string[]
        if (req.type === 'deleteRange') return []
        if (req.keys) return req.keys as string[]
        if (req.type === 'put' && req.updates) return req.updates.keys as string[]
        return (req.values as { id: string }[]).map((v) => v.id)
      }

      /** The rows whose figures a write to `name` can move (read before the write: old trail rows, old topics). */
      async function touched(name: string, req: DBCoreMutateRequest, keys: string[]) {
        const none = { requests: [] as string[], items: [] as string[], evaluations: [] as string[] }
        if (name === 'requests') return { ...none, requests: keys }
        if (name === 'actionItems') return { ...none, items: keys }
        if (name === 'evaluations') return { ...none, evaluations: keys }
        const values = req.type === 'add' || req.type === 'put' ? ((req.values ?? []) as Record<string, unknown>[]) : []
        if (name === 'requestEvents') {
          const old = (await t(name).getMany({ trans: req.trans, keys })) as (RequestEvent | undefined)[]
          const ids = new Set(old.flatMap((e) => (e ? [e.requestId] : [])))
          for (const v of values) if (typeof v.requestId === 'string') ids.add(v.requestId)
          return { ...none, requests: [...ids] }
        }
        // votes and topics: every request on the topics involved
        let topicIds = keys
        if (name === 'votes') {
          const old = (await t(name).getMany({ trans: req.trans, keys })) as (Vote | undefined)[]
          const ids = new Set(old.flatMap((v) => (v ? [v.topicId] : [])))
          for (const v of values) if (typeof v.topicId === 'string') ids.add(v.topicId)
          topicIds = [...ids]
        }
        const requests = await byIndex<Request>(req.trans, 'requests', 'topicId', topicIds)
        return { ...none, requests: requests.map((r) => r.id) }
      }

      async function move(trans: DBCoreTransaction, changes: ReturnType<typeof netChanges>): Promise<void> {
        if (changes.length === 0) return
        const keys = [...new Map(changes.map(({ c }) => [`${c.communityId}\u0000${c.month}`, c])).values()].map(
          (c: Contribution) => [c.communityId, c.month],
        )
        const rows = (await t(STAT_TABLE).getMany({ trans, keys })) as (StatMonth | undefined)[]
        const months = new Map<string, StatMonth>()
        for (const r of rows) if (r) months.set(`${r.communityId}\u0000${r.month}`, r)
        applyContributions(months, changes)
        const all = [...months.values()]
        const keep = all.filter((m) => !isEmptyMonth(m))
        const drop = all.filter(isEmptyMonth).map((m) => [m.communityId, m.month])
        if (keep.length) await t(STAT_TABLE).mutate({ type: 'put', trans, values: keep })
        if (drop.length) await t(STAT_TABLE).mutate({ type: 'delete', trans, keys: drop })
      }

      const markStale = (trans: DBCoreTransaction) =>
        t(STAT_TABLE).mutate({
          type: 'put',
          trans,
          values: [
            {
              communityId: STALE_KEY[0],
              month: STALE_KEY[1],
              requests: {},
              closed: {},
              settled: {},
              items: {},
              evals: {},
            },
          ],
        })

      function watched(name: string, table: DBCoreTable): DBCoreTable {
        return {
          ...table,
          mutate: async (req) => {
            if (isRebuild(req.trans)) return table.mutate(req)
            const keys = await keysOf(req)
            if (req.type === 'deleteRange' || keys.length > BULK) {
              const res = await table.mutate(req)
              await markStale(req.trans)
              return res
            }
            // A change spec without the new rows could move a trail row or a vote to a request not read before.
            const partial = req.type === 'put' && req.values?.length !== keys.length
            const ids = await touched(name, req, keys)
            if (ids.requests.length > BULK || (partial && (name === 'requestEvents' || name === 'votes'))) {
              const res = await table.mutate(req)
              await markStale(req.trans)
              return res
            }
            const before = await contributions(req.trans, ids)
            const res = await table.mutate(req)
            const after = await contributions(req.trans, ids)
            await move(req.trans, netChanges(before, after))
            return res
          },
        }
      }

      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && stores.some((s) => WATCHED.has(s))
          return down.transaction(widen ? [...new Set([...stores, ...SCOPE])] : stores, mode, options)
        },
        table(name) {
          const table = down.table(name)
          if (name === STAT_TABLE)
            // Only this middleware, the upgrade and a rebuild write the counts; a restore's
            // clear or put of them is dropped, so they always follow the stored rows.
            return {
              ...table,
              mutate: async (req) => {
                if (isRebuild(req.trans)) return table.mutate(req)
                const results = req.type === 'add' || req.type === 'put' ? req.values.map(() => undefined) : []
                return { numFailures: 0, failures: {}, results, lastResult: undefined }
              },
            }
          return WATCHED.has(name) ? watched(name, table) : table
        },
      }
    },
  }
}

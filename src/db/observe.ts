import { liveQuery } from 'dexie'

/**
 * Runs `query` now and again whenever the tables it read change (in this
 * window or another window of the same origin). Returns an unsubscribe.
 */
export function observe<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError?: (e: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError ?? ((e) => console.error(e)) })
  return () => subscription.unsubscribe()
}

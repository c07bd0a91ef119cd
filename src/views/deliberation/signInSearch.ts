import { pinyin } from 'pinyin-pro'

const initialsCache = new Map<string, { initials: string; full: string }>()

/** A name's pinyin initials (王建国 → wjg) and full pinyin, surnames read as surnames (单 → shan). */
function spell(name: string): { initials: string; full: string } {
  let s = initialsCache.get(name)
  if (!s) {
    const opts = { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' } as const
    const full = pinyin(name, opts).map((x) => x.toLowerCase())
    s = { initials: full.map((x) => x[0] ?? '').join(''), full: full.join('') }
    initialsCache.set(name, s)
  }
  return s
}

/**
 * Whether a typed query finds a name: characters anywhere in the name (建国),
 * or pinyin from the start, as initials (wjg, wj) or spelled out (wangj).
 */
export function nameMatches(name: string, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return false
  if (/[\u3400-\u9fff]/.test(q)) return name.includes(q)
  const { initials, full } = spell(name)
  return initials.startsWith(q) || full.startsWith(q)
}

/** The rows a query finds, in sheet order: Enter marks the first. */
export function findRows<T extends { name: string }>(rows: readonly T[], query: string): T[] {
  return rows.filter((r) => nameMatches(r.name, query))
}

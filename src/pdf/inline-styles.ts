// Named styles copied onto the nodes that use them, before pdfmake sees the
// content. pdfmake resolves every property of every text piece (some twenty
// per piece) by walking its style stack, and each named style on that stack
// costs a dictionary lookup and a fresh Set per property: a tenth of a warm
// render. A node's own properties win over its styles, later styles over
// earlier ones, and children inherit the node's own properties as they would
// its styles, so the merged node lays out exactly as before.
import type { StyleDictionary } from 'pdfmake/interfaces'

type Node = Record<string, unknown>
const isNode = (c: unknown): c is Node => typeof c === 'object' && c !== null && !Array.isArray(c)

/** The content with its style names replaced by their properties; names in `keep` stay (rules read them). */
export function inlineStyles(content: unknown, styles: StyleDictionary, keep: ReadonlySet<string>): unknown {
  if (Array.isArray(content)) return content.map((c) => inlineStyles(c, styles, keep))
  if (!isNode(content)) return content
  let node: Node = content
  if (node.style !== undefined) {
    const names = [node.style].flat() as unknown[]
    const merged: Node = {}
    for (const name of names) if (typeof name === 'string') Object.assign(merged, styles[name])
    const { style: _style, ...own } = node
    const kept = names.filter((n) => typeof n === 'string' && keep.has(n))
    node = { ...merged, ...own, ...(kept.length ? { style: kept } : {}) }
  }
  for (const key of ['text', 'stack', 'columns', 'ul', 'ol'] as const)
    if (Array.isArray(node[key]) || isNode(node[key])) node = { ...node, [key]: inlineStyles(node[key], styles, keep) }
  if (isNode(node.table) && Array.isArray(node.table.body))
    node = { ...node, table: { ...node.table, body: inlineStyles(node.table.body, styles, keep) } }
  return node
}

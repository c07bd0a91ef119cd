// How a document is dressed for print: its 文号 and (for the 公文 style) the
// layout of GB/T 9704. Builders stay as they are; toPdfmake applies this.
import type { Content } from 'pdfmake/interfaces'
import type { DocDef } from './layout'

/**
 * The content with the 文号 on its own centred line under the title (the
 * builders' first node), where a notice board reader looks for it.
 */
export function withNumber(doc: DocDef): Content[] {
  if (!doc.number) return doc.content
  const [title, ...rest] = doc.content
  const line: Content = { text: doc.number, alignment: 'center', margin: [0, -4, 0, 10] }
  return title === undefined ? [line] : [title, line, ...rest]
}

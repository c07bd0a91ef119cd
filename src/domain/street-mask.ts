// What leaves the community in a report package: nothing the street does not
// need. Contacts never travel (the table is not in the package); residents'
// names are masked as the public version masks them (张建国 → 张某某) and
// phone or ID numbers in free text are masked. Sealed records are sent as they
// were sealed, or the street could not verify the chain; they hold names and
// roles of those present, never contact details.
import { maskName, maskText } from './privacy'

type Row = { id: string; [key: string]: unknown }

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)

function maskRequest(r: Row): Row {
  const raisedBy = r.raisedBy as { kind: string; name?: string } | undefined
  return {
    ...r,
    raisedBy: raisedBy?.name ? { ...raisedBy, name: maskName(raisedBy.name) } : raisedBy,
    description: str(r.description) !== undefined ? maskText(str(r.description)!) : r.description,
    place: str(r.place) !== undefined ? maskText(str(r.place)!) : r.place,
  }
}

function maskEvent(r: Row): Row {
  const feedback = r.feedback as { content?: string } | undefined
  return {
    ...r,
    note: str(r.note) !== undefined ? maskText(str(r.note)!) : r.note,
    feedback: feedback?.content ? { ...feedback, content: maskText(feedback.content) } : feedback,
  }
}

function maskObjection(r: Row): Row {
  return {
    ...r,
    from: str(r.from) ? maskName(str(r.from)!) : r.from,
    content: str(r.content) !== undefined ? maskText(str(r.content)!) : r.content,
  }
}

const MASKS: Record<string, (r: Row) => Row> = {
  requests: maskRequest,
  requestEvents: maskEvent,
  objections: maskObjection,
}

export function maskForStreet<T extends Row>(table: string, rows: T[]): T[] {
  const mask = MASKS[table]
  return mask ? (rows.map(mask) as T[]) : rows
}

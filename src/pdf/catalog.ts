// The meeting's documents, each with its builder and a file name, in the
// order the publication page lists them.
import type { DocDef } from './layout'
import type { MeetingDocsInput } from './inputs'
import { agendaNoticeToDocDef } from './docs/agendaNotice'
import { signInSheetToDocDef } from './docs/signInSheet'
import { minutesToDocDef } from './docs/minutes'
import { resolutionNoticeToDocDef } from './docs/resolutionNotice'
import { filingFormToDocDef } from './docs/filingForm'

export const MEETING_DOCS = ['agendaNotice', 'signInSheet', 'minutes', 'resolutionNotice', 'filingForm'] as const
export type MeetingDocKind = (typeof MEETING_DOCS)[number]

const BUILDERS: Record<MeetingDocKind, (input: MeetingDocsInput) => DocDef> = {
  agendaNotice: agendaNoticeToDocDef,
  signInSheet: signInSheetToDocDef,
  minutes: minutesToDocDef,
  resolutionNotice: resolutionNoticeToDocDef,
  filingForm: (input) => filingFormToDocDef(input),
}

const FILE_LABEL: Record<MeetingDocKind, string> = {
  agendaNotice: '议题公示',
  signInSheet: '签到表',
  minutes: '会议纪要',
  resolutionNotice: '决议公示',
  filingForm: '备案表',
}

export function buildMeetingDoc(kind: MeetingDocKind, input: MeetingDocsInput): DocDef {
  return BUILDERS[kind](input)
}

/** 2026-12-10 2026年12月党群议事日 会议纪要.pdf, without characters file systems refuse. */
export function docFileName(label: string, title: string, date?: string): string {
  return `${date ? `${date} ` : ''}${title} ${label}.pdf`.replace(/[\\/:*?"<>|]/g, '_')
}

export function meetingDocFileName(kind: MeetingDocKind, input: MeetingDocsInput): string {
  return docFileName(FILE_LABEL[kind], input.meeting.title, input.meeting.date)
}

// Public notices (公示) and objections (异议) during the notice period.
import type { RecordBase } from './ids'

/** 议题公示 · 决议公示 · 实施结果公示 */
export type NoticeKind = 'agenda' | 'resolution' | 'results'

export interface PublicNotice extends RecordBase {
  meetingId?: string
  /** For a results notice: the action items it reports */
  actionItemIds?: string[]
  kind: NoticeKind
  /** When it was put up; unset while drafted */
  postedAt?: string
  /** YYYY-MM-DD */
  startsOn?: string
  /** YYYY-MM-DD, last day of the notice period */
  endsOn?: string
  periodDays: number
  /** 公示栏, 微信群, 网上 … */
  places: string[]
  /** A photo as proof of posting */
  photoId?: string
}

export interface Objection extends RecordBase {
  noticeId: string
  receivedOn: string
  from: string
  content: string
  answer?: string
  answeredAt?: string
}

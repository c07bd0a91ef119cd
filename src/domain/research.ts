// Research beforehand (议前调研), per topic.
import type { RecordBase } from './ids'

export const RESEARCH_KINDS = ['siteVisit', 'canvass', 'survey', 'forum', 'department', 'expert'] as const
export type ResearchKind = (typeof RESEARCH_KINDS)[number]

export interface ResearchActivity extends RecordBase {
  topicId: string
  kind: ResearchKind
  /** YYYY-MM-DD */
  on: string
  /** Who went, as typed */
  who: string
  findings: string
}

/** One building's or villager group's door-to-door tally. */
export interface CanvassRow {
  group: string
  asked: number
  agree: number
  disagree: number
  noAnswer: number
  notReached: number
}

/** A door-to-door canvass (入户征求意见): also a vote basis for consultation topics. */
export interface Canvass extends RecordBase {
  topicId: string
  question: string
  on: string
  rows: CanvassRow[]
}

/** An option (方案) on the table. */
export interface TopicOption extends RecordBase {
  topicId: string
  title: string
  description: string
  /** Estimated cost in yuan */
  cost?: number
  funding?: string
  pros?: string
  cons?: string
  recommended: boolean
}

/** A photo or file, stored as bytes in Dexie (and carried in archives). */

import Dexie, { type Table } from 'dexie'
import type { Community } from '@/domain/community'
import type { Contact, Person } from '@/domain/person'
import type { Meeting, Participant } from '@/domain/meeting'
import type { RolePreset } from '@/domain/roles'
import type { Projection } from '@/domain/projection'
import type { Request, RequestEvent } from '@/domain/request'
import type { Topic, TopicEvent } from '@/domain/topic'
import type { Attachment } from '@/domain/attachment'
import type { Canvass, ResearchActivity, TopicOption } from '@/domain/research'
import type { Attendance } from '@/domain/attendance'
import type { Body, Vote } from '@/domain/vote'
import type { ActionEvent, ActionItem, Evaluation, Resolution } from '@/domain/resolution'
import { postedDay, type Filing, type Objection, type PublicNotice } from '@/domain/notice'
import type { SealEntry } from '@/domain/seal'
import type { Amendment } from '@/domain/amendment'
import type { Recusal, Speaker, Statement } from '@/domain/speakers'
import type { ProcedureTemplate } from '@/domain/template'
import type { Matter } from '@/domain/matter'
import type { IssuedNumber } from '@/domain/doc-number'
import type * as Street from './street.types'
import { markRestoring, sealGuard } from './seal-guard'
import { journalMiddleware } from './journal/journal'
import type { StatMonth } from '@/domain/stat-months'
import { aggregatesMiddleware } from './aggregates/middleware'
import { rebuildIn } from './aggregates/rebuild'
import { batchesOf, sheetsOf, type SealBatch, type SignInSheet } from './per-meeting'

/** A record whose type its feature has not pinned down yet. */
export type Row = { id: string; [key: string]: unknown }

export interface SettingRow {
  key: string
  value: unknown
}

export const DB_NAME = 'shangliang'

/**
 * The schema. Every version ever shipped stays here with its upgrade: a
 * laptop may skip several releases. Only indexed fields are listed; ids are
 * UUIDv7 strings (records from many machines get merged), never ++auto.
 */
export class ShangliangDb extends Dexie {
  communities!: Table<Community, string>
  people!: Table<Person, string>
  contacts!: Table<Contact, string>
  rolePresets!: Table<RolePreset, string>
  bodies!: Table<Body, string>
  templates!: Table<ProcedureTemplate, string>
  matters!: Table<Matter, string>
  meetings!: Table<Meeting, string>
  participants!: Table<Participant, string>
  /** One sign-in sheet per meeting (per-meeting.ts); `attendance.repo.ts` reads and writes it */
  signInSheets!: Table<SignInSheet, string>
  requests!: Table<Request, string>
  requestEvents!: Table<RequestEvent, string>
  topics!: Table<Topic, string>
  topicEvents!: Table<TopicEvent, string>
  research!: Table<ResearchActivity, string>
  canvasses!: Table<Canvass, string>
  options!: Table<TopicOption, string>
  attachments!: Table<Attachment, string>
  speakers!: Table<Speaker, string>
  statements!: Table<Statement, string>
  recusals!: Table<Recusal, string>
  votes!: Table<Vote, string>
  resolutions!: Table<Resolution, string>
  actionItems!: Table<ActionItem, string>
  actionEvents!: Table<ActionEvent, string>
  evaluations!: Table<Evaluation, string>
  notices!: Table<PublicNotice, string>
  objections!: Table<Objection, string>
  filings!: Table<Filing, string>
  /** The chain's links, one row per meeting's sealing or amendment (per-meeting.ts) */
  sealBatches!: Table<SealBatch, string>
  amendments!: Table<Amendment, string>
  auditLog!: Table<Row, string>
  projection!: Table<Projection, string>
  settings!: Table<SettingRow, string>
  /** Statistics per community and month, kept by aggregates/middleware.ts (derived: never archived) */
  statMonths!: Table<StatMonth, [string, string]>
  // The street office and report packages (street.types.ts)
  streetOffices!: Table<Street.StreetOfficeRow, string>
  officeKeys!: Table<Street.OfficeKeyRow, string>
  knownKeys!: Table<Street.KnownKeyRow, string>
  streetCommunities!: Table<Street.OverseenRow, string>
  streetPackages!: Table<Street.ReceivedPackageRow, string>
  streetRecords!: Table<Street.StreetRecordRow, string>
  streetHeads!: Table<Street.StreetHeadRow, string>
  streetFilingReviews!: Table<Street.FilingReviewRow, string>
  streetEscalationSteps!: Table<Street.EscalationStepRow, string>
  sentPackages!: Table<Street.SentPackageRow, string>
  streetReplies!: Table<Street.StreetReplyRow, string>
  docNumbers!: Table<IssuedNumber, string>

  constructor(name = DB_NAME) {
    // 'strict' durability: Chromium has defaulted to 'relaxed' since 121, where
    // a power cut can lose writes that were already reported committed.
    super(name, { chromeTransactionDurability: 'strict' })
    this.version(1).stores({
      communities: 'id',
      people: 'id, communityId, [communityId+name]',
      contacts: 'id, communityId',
      rolePresets: 'id, communityId',
      bodies: 'id, communityId',
      templates: 'id, communityId, lineageId',
      matters: 'id, communityId, topicId',
      meetings: 'id, communityId, [communityId+date], status',
      participants: 'id, meetingId, personId',
      attendance: 'id, meetingId, personId',
      requests: 'id, communityId, [communityId+receivedOn], status, handlingType, channel, category, topicId, dueOn',
      requestEvents: 'id, requestId',
      topics: 'id, communityId, meetingId, status',
      topicEvents: 'id, topicId',
      research: 'id, topicId',
      canvasses: 'id, topicId',
      options: 'id, topicId',
      attachments: 'id, ownerId',
      speakers: 'id, meetingId, topicId',
      statements: 'id, meetingId, topicId',
      recusals: 'id, meetingId, topicId',
      votes: 'id, meetingId, topicId, status',
      resolutions: 'id, meetingId, topicId',
      actionItems: 'id, communityId, meetingId, resolutionId, status, dueOn',
      actionEvents: 'id, actionItemId',
      evaluations: 'id, actionItemId',
      notices: 'id, communityId, meetingId, kind',
      objections: 'id, noticeId',
      filings: 'id, meetingId',
      seals: 'id, communityId, meetingId, [meetingId+seq], [communityId+seq]',
      amendments: 'id, targetId, meetingId',
      auditLog: 'id, communityId, at',
      projection: 'id',
      settings: 'key',
    })
    // The street office: its own tables only. Communities' records it receives are
    // read-only copies kept apart by communityId in streetRecords, never in the
    // community tables above; the community side keeps packages sent and replies.
    this.version(5).stores({
      streetOffices: 'id',
      officeKeys: 'id',
      knownKeys: 'id, role, ownerId',
      streetCommunities: 'id, communityId',
      streetPackages: 'id, communityId, receivedAt',
      streetRecords: 'id, [communityId+table]',
      streetHeads: 'id, communityId',
      streetFilingReviews: 'id, communityId, filingId',
      streetEscalationSteps: 'id, communityId, requestId',
      sentPackages: 'id, communityId, createdAt',
      streetReplies: 'id, communityId, targetId',
    })
    // Statistics from per-month aggregates (domain/stat-months.ts), counted here for the data there is.
    this.version(8)
      .stores({ statMonths: '[communityId+month]' })
      .upgrade(async (tx) => {
        await rebuildIn(tx)
      })
    // 文号 issued per meeting and kind (doc-numbers.repo.ts): a reprint gives the same number.
    this.version(11).stores({ docNumbers: 'id, communityId, meetingId' })
    // One meaning of a notice's postedAt: the day it went up on the board. Until
    // now the agenda notice stored UTC midnight of that day and the others the
    // moment it was recorded (notice.ts postedDay). No index changes.
    this.version(12)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<PublicNotice>('notices')
          .toCollection()
          .modify((n) => {
            n.postedAt = postedDay(n)
          }),
      )
    // Attendance and seal links per meeting instead of per person and per link
    // (per-meeting.ts): an import writes about 120 rows for ten years, not
    // 40,000. The records inside are moved as they are, so every sealed
    // meeting verifies exactly as before. Dexie lets this upgrade read the two
    // tables it deletes.
    this.version(13)
      .stores({
        signInSheets: 'id, communityId',
        sealBatches: 'id, communityId, meetingId, [communityId+firstSeq]',
        attendance: null,
        seals: null,
      })
      .upgrade(async (tx) => {
        // The rows move unchanged; the guard would judge them by a set of sealed meetings it fills only once open.
        markRestoring()
        await tx.table('signInSheets').bulkAdd(sheetsOf(await tx.table<Attendance>('attendance').toArray()))
        await tx.table('sealBatches').bulkAdd(batchesOf(await tx.table<SealEntry>('seals').toArray()))
      })
    // Sealed meetings' attendance, votes and resolutions cannot be changed here either (seal-guard.ts).
    const sealed = new Set<string>()
    this.use(sealGuard(sealed))
    // Every committed write is copied to the journal outside IndexedDB (journal/journal.ts).
    this.use(journalMiddleware())
    // Every write that can move a statistic updates its month rows in the same transaction.
    this.use(aggregatesMiddleware())
    this.on(
      'ready',
      async () => {
        sealed.clear()
        for (const id of await this.meetings.filter((m) => Boolean(m.sealedAt)).primaryKeys()) sealed.add(id)
      },
      true,
    ) // sticky: runs again on every re-open, not only the first
  }
}

export const db = new ShangliangDb()

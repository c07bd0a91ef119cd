// Row shapes of the street-office and report-package tables (schema.ts version 5).
import type { EscalationStep, FilingReview, OverseenCommunity, StreetOffice } from '@/domain/street-office'
import type { MeetingHead } from '@/domain/street-heads'
import type { PublicKeys, WrappedKeys } from '@/archive/keys'

export type StreetOfficeRow = StreetOffice

/** This laptop's own key pair: the private half only wrapped. id is always 'own'. */
export interface OfficeKeyRow {
  id: 'own'
  role: 'street' | 'community'
  /** The street office's or community's id */
  ownerId: string
  publicKeys: PublicKeys
  fingerprint: string
  wrapped: WrappedKeys
  createdAt: string
  updatedAt: string
}

/** Another laptop's public key, confirmed by comparing its fingerprint. id = fingerprint. */
export interface KnownKeyRow {
  id: string
  role: 'street' | 'community'
  name: string
  ownerId: string
  publicKeys: PublicKeys
  confirmedAt: string
  createdAt: string
  updatedAt: string
}

export type OverseenRow = OverseenCommunity

export interface ReceivedPackageRow {
  id: string
  communityId: string
  name: string
  createdAt: string
  since: string | null
  receivedAt: string
  rows: number
  heads: number
  bytes: number
  updatedAt: string
}

/**
 * Read-only copies of one community's records of one table. id = communityId/table.
 * One row per table, not per record: 50 packages of a year are ~140,000 records, and
 * IndexedDB (with the journal) pays per row written and read.
 */
export interface StreetRecordRow {
  id: string
  communityId: string
  table: string
  rows: { id: string; [key: string]: unknown }[]
  updatedAt: string
}

/** The first head the street received for a sealed meeting. id = communityId/meetingId. */
export interface StreetHeadRow extends MeetingHead {
  id: string
  communityId: string
  packageId: string
  receivedAt: string
  updatedAt: string
}

export type FilingReviewRow = FilingReview
export type EscalationStepRow = EscalationStep

export interface SentPackageRow {
  id: string
  communityId: string
  kind: 'full' | 'since'
  since: string | null
  to: string
  fileName: string
  rows: number
  heads: number
  bytes: number
  createdAt: string
  updatedAt: string
}

/** A street answer imported from a reply package, shown in the filing's or escalation's history. */
export interface StreetReplyRow {
  id: string
  communityId: string
  kind: 'filingReview' | 'escalationStep'
  /** The filing id or request id */
  targetId: string
  packageId: string
  from: string
  record: FilingReview | EscalationStep
  importedAt: string
  updatedAt: string
}

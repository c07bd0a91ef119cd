// Which tables travel in each package. One list each, so a feature that adds
// a table the street needs (e.g. escalation hops) adds its name here and
// nothing else. Never in a report package: contacts (residents' phone numbers
// and addresses), people (the roster), attachments (photos), the street's own
// tables and the device-local ones.

/** Community → street. Every sealed kind's table must be here, or the street cannot verify the chain. */
export const REPORT_TABLES = [
  'communities',
  'meetings',
  'attendance',
  'votes',
  'resolutions',
  'actionItems',
  'amendments',
  'seals',
  'topics',
  'topicEvents',
  'actionEvents',
  'evaluations',
  'requests',
  'requestEvents',
  'notices',
  'objections',
  'filings',
  'matters',
] as const

/** Sealed facts: always sent whole, so the chain verifies even in a package of changes only. */
export const WHOLE_TABLES: readonly string[] = [
  'meetings',
  'attendance',
  'votes',
  'resolutions',
  'actionItems',
  'amendments',
  'seals',
  'communities',
]

/** Street → community: the street's opinions on filings and its answers to escalations. */
export const REPLY_TABLES = ['streetFilingReviews', 'streetEscalationSteps'] as const

/** A request the street sees in its escalations inbox: marked 上报件 or escalated at triage. */
export function isEscalated(r: { handlingType?: unknown; status?: unknown; triage?: { decision?: unknown } }): boolean {
  return r.handlingType === 'escalate' || r.status === 'escalated' || r.triage?.decision === 'escalate'
}

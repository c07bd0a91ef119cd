import { today } from '@/domain/calendar'
import { newId, nowIso } from '@/domain/ids'
import {
  currentStage,
  newMatterSchema,
  routeMatterSchema,
  recordAttempt,
  schemaFor,
  sittingSchema,
  snapshotOf,
  type Matter,
  type StageAttempt,
} from '@/domain/matter'
import { heldSitting, matterTopicIds, partyRoll, type HeldSitting } from '@/domain/matter-sitting'
import { DomainError, problem } from '@/domain/problem'
import { fitsMatters } from '@/domain/template'
import type { Meeting } from '@/domain/meeting'
import type { Topic, TopicEvent } from '@/domain/topic'
import { continuation } from '@/domain/topic-routing'
import { listAttendance } from './attendance.repo'
import { db } from './schema'
import { getTemplate } from './templates.repo'
import { listVotes } from './votes.repo'
import { parseInput, write } from './write'

/** A matter with the topic it routes (title and description live on the topic). */
export interface MatterView {
  matter: Matter
  topic: Topic
  /** The deferred topic it continues, and the meeting that deferred it */
  from?: { topic: Topic; meeting?: Meeting }
}

export async function listMatters(communityId: string): Promise<MatterView[]> {
  return db.transaction('r', db.matters, db.topics, async () => {
    const matters = await db.matters.where('communityId').equals(communityId).toArray()
    const topics = await db.topics.bulkGet(matters.map((m) => m.topicId))
    return matters
      .map((matter, i) => ({ matter, topic: topics[i]! }))
      .filter((v) => v.topic)
      .sort((a, b) => b.matter.createdAt.localeCompare(a.matter.createdAt))
  })
}

/** The matter a topic was sent into, if any (the agenda pool links to it). */
export async function matterOfTopic(topicId: string): Promise<Matter | undefined> {
  return db.matters.where('topicId').equals(topicId).first()
}

export async function getMatter(id: string): Promise<MatterView | undefined> {
  return db.transaction('r', db.matters, db.topics, db.meetings, async () => {
    const matter = await db.matters.get(id)
    const topic = matter && (await db.topics.get(matter.topicId))
    if (!matter || !topic) return undefined
    const source = topic.continuesTopicId ? await db.topics.get(topic.continuesTopicId) : undefined
    const meeting = source?.meetingId ? await db.meetings.get(source.meetingId) : undefined
    return { matter, topic, ...(source ? { from: { topic: source, meeting } } : {}) }
  })
}

/**
 * Starts a major matter: a new topic marked major (with its 'created' trail
 * entry) and the matter holding a snapshot of the chosen template, in one
 * transaction.
 */
export async function createMatter(
  communityId: string,
  input: unknown,
  communityNoticeDays: number,
  by: string,
): Promise<Matter> {
  const { title, description, origin, templateId } = parseInput(newMatterSchema, input)
  const template = await getTemplate(templateId)
  if (!template || !fitsMatters(template)) throw new DomainError([problem('matters.error.template')])
  const now = nowIso()
  const topic: Topic = {
    id: newId(),
    communityId,
    title,
    description,
    requestIds: [],
    order: 0,
    status: 'draft',
    isMajor: true,
    createdAt: now,
    updatedAt: now,
  }
  const event: TopicEvent = {
    id: newId(),
    communityId,
    topicId: topic.id,
    at: now,
    by,
    kind: 'created',
    reason: template.name,
    createdAt: now,
    updatedAt: now,
  }
  const matter: Matter = {
    id: newId(),
    communityId,
    topicId: topic.id,
    origin,
    ...snapshotOf(template, communityNoticeDays),
    attempts: [],
    createdAt: now,
    updatedAt: now,
  }
  await write([db.topics, db.topicEvents, db.matters], async () => {
    await db.topics.add(topic)
    await db.topicEvents.add(event)
    await db.matters.add(matter)
  })
  return matter
}

/**
 * Sends a topic that turned out to be a major matter (重大事项) into a
 * procedure template (四议两公开 …). The matter takes the topic itself, so
 * its requests, research and trail come along. A draft topic is marked
 * major in place; a deferred one stays on its meeting's record and a
 * continuation (pointing back at it) goes into the matter.
 */
export async function routeTopicToMatter(
  topicId: string,
  input: unknown,
  communityNoticeDays: number,
  by: string,
): Promise<Matter> {
  const { origin, templateId } = parseInput(routeMatterSchema, input)
  const template = await getTemplate(templateId)
  if (!template || !fitsMatters(template)) throw new DomainError([problem('matters.error.template')])
  return write([db.topics, db.topicEvents, db.matters], async () => {
    const from = await db.topics.get(topicId)
    if (!from) throw new DomainError([problem('agenda.errors.topicNotFound')])
    if (from.status !== 'draft' && from.status !== 'deferred')
      throw new DomainError([problem('agenda.errors.notEditable')])
    const siblings = await db.topics.where('communityId').equals(from.communityId).toArray()
    if (
      siblings.some((t) => t.continuesTopicId === from.id) ||
      (await db.matters.where('topicId').equals(from.id).count())
    )
      throw new DomainError([problem('agenda.errors.alreadyCarried')])
    const now = nowIso()
    const topic: Topic =
      from.status === 'deferred'
        ? { ...continuation(from, '', 0, { id: newId(), now }), meetingId: undefined, status: 'draft', isMajor: true }
        : { ...from, isMajor: true, updatedAt: now }
    await db.topics.put(topic)
    await db.topicEvents.add({
      id: newId(),
      communityId: from.communityId,
      topicId: topic.id,
      at: now,
      by,
      kind: 'edited',
      reason: `列为重大事项（${template.name}）`,
      relatedIds: topic.id === from.id ? undefined : [from.id],
      createdAt: now,
      updatedAt: now,
    })
    const matter: Matter = {
      id: newId(),
      communityId: from.communityId,
      topicId: topic.id,
      origin,
      ...snapshotOf(template, communityNoticeDays),
      attempts: [],
      createdAt: now,
      updatedAt: now,
    }
    await db.matters.add(matter)
    return matter
  })
}

/**
 * Records a sitting, filing, posting or task for a stage. Input is checked
 * first; the stage must be the one the matter is at. Attempts are appended,
 * never changed: a failed sitting stays and the stage is held again.
 */
export async function recordStage(
  matterId: string,
  stageId: string,
  input: unknown,
  on = today(),
): Promise<StageAttempt> {
  return write([db.matters, db.meetings, db.topics, db.votes, db.signInSheets], async () => {
    const matter = await db.matters.get(matterId)
    if (!matter) throw new DomainError([problem('matters.error.notFound')])
    const stage = matter.stages.find((s) => s.id === stageId)
    if (!stage) throw new DomainError([problem('matters.guard.noSuchStage')])
    let data = parseInput(schemaFor(stage), input)
    const meetingId = 'meetingId' in data ? data.meetingId : undefined
    if (meetingId) {
      // The numbers of a sitting held in the app are the meeting's own, whatever the form sent.
      const held = await heldSittingFor(matter, meetingId)
      data = parseInput(sittingSchema, { ...data, ...fromHeld(held) })
    }
    const now = nowIso()
    const attempt = recordAttempt(matter, stageId, data, newId(), now, on)
    await db.matters.update(matterId, { attempts: [...matter.attempts, attempt], updatedAt: now })
    return attempt
  })
}

/** The supervisory committee's opinion, printed on the registration form. */
export async function saveSupervisoryOpinion(matterId: string, opinion: string): Promise<void> {
  const text = opinion.trim()
  if (text.length > 500) throw new DomainError([problem('validation.tooLong')])
  await write([db.matters], () =>
    db.matters.update(matterId, { supervisoryOpinion: text || undefined, updatedAt: nowIso() }),
  )
}

/** The stage a matter is at, for lists. */
export function stageNow(matter: Matter): string | undefined {
  return currentStage(matter, today())?.stage.name
}

/**
 * What a meeting held in the app says about a sitting of the matter's stage:
 * 应到, 实到, how the vote was taken and its counts, from the vote on the
 * matter's topic (or a continuation of it) at that meeting.
 */
async function heldSittingFor(matter: Matter, meetingId: string): Promise<HeldSitting> {
  const meeting = await db.meetings.get(meetingId)
  if (meeting?.communityId !== matter.communityId) throw new DomainError([problem('matters.error.meeting')])
  const topics = await db.topics.where('communityId').equals(matter.communityId).toArray()
  return heldSitting(
    meeting,
    matterTopicIds(matter.topicId, topics),
    await listVotes(meetingId),
    await listAttendance(meetingId),
  )
}

/** The form fields a held sitting fills (counts only when the meeting voted on the matter). */
function fromHeld(h: HeldSitting) {
  return {
    ...(h.date ? { date: h.date } : {}),
    ...(h.expected !== undefined ? { expected: h.expected, present: h.present, attendees: h.attendees } : {}),
    ...(h.members !== undefined ? { members: h.members } : {}),
    ...(h.vote ?? {}),
  }
}

/** For the sitting form: the held meeting's numbers, read in one transaction. */
export async function readHeldSitting(matterId: string, meetingId: string): Promise<HeldSitting | undefined> {
  return db.transaction('r', [db.matters, db.meetings, db.topics, db.votes, db.signInSheets], async () => {
    const matter = await db.matters.get(matterId)
    return matter ? heldSittingFor(matter, meetingId) : undefined
  })
}

/** 应到 of a 党员大会 stage: the branch's roll (members of the Party members' meeting body still on the roster). */
export async function branchRoll(communityId: string): Promise<number | undefined> {
  return db.transaction('r', [db.bodies, db.people], async () => {
    const bodies = await db.bodies.where('communityId').equals(communityId).toArray()
    const people = await db.people.where('communityId').equals(communityId).toArray()
    return partyRoll(bodies, new Set(people.filter((p) => p.active).map((p) => p.id)))
  })
}

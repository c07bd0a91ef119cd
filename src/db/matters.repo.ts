import { today } from '@/domain/calendar'
import { z } from 'zod'
import { newId, nowIso } from '@/domain/ids'
import {
  currentStage,
  MOTION_ORIGINS,
  newMatterSchema,
  recordAttempt,
  schemaFor,
  snapshotOf,
  type Matter,
  type StageAttempt,
} from '@/domain/matter'
import { DomainError, problem } from '@/domain/problem'
import { fitsMatters } from '@/domain/template'
import type { Topic, TopicEvent } from '@/domain/topic'
import { continuation } from '@/domain/topic-routing'
import { db } from './schema'
import { getTemplate } from './templates.repo'
import { parseInput, write } from './write'

/** A matter with the topic it routes (title and description live on the topic). */
export interface MatterView {
  matter: Matter
  topic: Topic
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

export async function getMatter(id: string): Promise<MatterView | undefined> {
  return db.transaction('r', db.matters, db.topics, async () => {
    const matter = await db.matters.get(id)
    const topic = matter && (await db.topics.get(matter.topicId))
    return matter && topic ? { matter, topic } : undefined
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

const routeSchema = z.object({
  origin: z.enum(MOTION_ORIGINS, { message: 'matters.error.origin' }),
  templateId: z.string().min(1, 'validation.required'),
})

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
  const { origin, templateId } = parseInput(routeSchema, input)
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
  return write([db.matters, db.meetings], async () => {
    const matter = await db.matters.get(matterId)
    if (!matter) throw new DomainError([problem('matters.error.notFound')])
    const stage = matter.stages.find((s) => s.id === stageId)
    if (!stage) throw new DomainError([problem('matters.guard.noSuchStage')])
    const data = parseInput(schemaFor(stage), input)
    const meetingId = 'meetingId' in data ? data.meetingId : undefined
    if (meetingId && (await db.meetings.get(meetingId))?.communityId !== matter.communityId)
      throw new DomainError([problem('matters.error.meeting')])
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

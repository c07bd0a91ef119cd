// Topics (议题) and their trail. Making, merging, splitting and narrowing
// topics each write the topic, its event and the linked requests at once.
import { newId, nowIso } from '@/domain/ids'
import { DomainError, problem } from '@/domain/problem'
import type { Request, RequestEvent } from '@/domain/request'
import {
  mergeProblems,
  splitProblems,
  topicFormSchema,
  topicPartsSchema,
  type Topic,
  type TopicEvent,
} from '@/domain/topic'
import { continuation } from '@/domain/topic-routing'
import { eventRow } from './requests.repo'
import { base } from './live-meeting'
import { db } from './schema'
import { parseInput, write } from './write'

/** Who decided, when, and why: every topic decision carries these. */
export interface Decision {
  by: string
  /** YYYY-MM-DD */
  on: string
  reason?: string
}

export async function listTopics(communityId: string): Promise<Topic[]> {
  const all = await db.topics.where('communityId').equals(communityId).toArray()
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** The topics of a meeting in agenda order: the one query every screen, document and check uses. */
export async function meetingTopics(meetingId: string): Promise<Topic[]> {
  const all = await db.topics.where('meetingId').equals(meetingId).toArray()
  return all.sort((a, b) => a.order - b.order)
}

function topicEvent(
  t: Pick<Topic, 'id' | 'communityId'>,
  d: Decision,
  kind: TopicEvent['kind'],
  relatedIds?: string[],
): TopicEvent {
  const now = nowIso()
  return {
    id: newId(),
    communityId: t.communityId,
    topicId: t.id,
    at: `${d.on}T${now.slice(11)}`,
    by: d.by,
    kind,
    reason: d.reason || undefined,
    relatedIds,
    createdAt: now,
    updatedAt: now,
  }
}

async function mustGetTopic(id: string): Promise<Topic> {
  const t = await db.topics.get(id)
  if (!t) throw new DomainError([problem('agenda.errors.topicNotFound')])
  return t
}

/** Marks requests as put on the agenda under a topic, each with an event. */
async function linkRequests(requests: Request[], topic: Topic, d: Decision, kind: RequestEvent['kind']): Promise<void> {
  for (const r of requests) {
    if (r.triage && r.triage.decision !== 'topic') throw new DomainError([problem('intake.errors.alreadyDecided')])
    if (d.on < r.receivedOn) throw new DomainError([problem('intake.errors.beforeReceived')])
    await db.requests.update(r.id, {
      topicId: topic.id,
      status: 'onAgenda',
      triage: { decision: 'topic', decidedOn: d.on, by: d.by, reason: d.reason || undefined },
      updatedAt: nowIso(),
    })
    await db.requestEvents.add(eventRow(r, d.by, { kind, status: 'onAgenda', note: `${d.on} → ${topic.title}` }))
  }
}

async function getRequests(ids: readonly string[]): Promise<Request[]> {
  const rows = await db.requests.bulkGet([...ids])
  if (rows.some((r) => !r)) throw new DomainError([problem('intake.errors.notFound')])
  return rows as Request[]
}

/**
 * Makes one topic from one or more requests (several = merging duplicates:
 * every source request stays linked).
 */
export async function makeTopic(
  communityId: string,
  requestIds: string[],
  input: unknown,
  d: Decision,
): Promise<Topic> {
  const form = parseInput(topicFormSchema, input)
  if (requestIds.length === 0) throw new DomainError([problem('agenda.errors.nothingToMerge')])
  if (new Set(requestIds).size !== requestIds.length) throw new DomainError([problem('agenda.errors.mergeSelf')])
  const topic: Topic = {
    ...base(communityId),
    title: form.title,
    description: form.description,
    requestIds,
    order: 0,
    status: 'draft',
  }
  await write([db.topics, db.topicEvents, db.requests, db.requestEvents], async () => {
    const requests = await getRequests(requestIds)
    if (requests.some((r) => r.topicId)) throw new DomainError([problem('agenda.errors.alreadyLinked')])
    await db.topics.add(topic)
    await db.topicEvents.add(topicEvent(topic, d, 'created', requestIds))
    if (requestIds.length > 1) await db.topicEvents.add(topicEvent(topic, d, 'merged', requestIds))
    await linkRequests(requests, topic, d, requestIds.length > 1 ? 'merged' : 'triage')
  })
  return topic
}

/** Merges a duplicate request into another request's topic (or the topic itself). */
export async function mergeRequestInto(
  sourceId: string,
  target: { requestId?: string; topicId?: string },
  d: Decision,
): Promise<Topic> {
  return write([db.topics, db.topicEvents, db.requests, db.requestEvents], async () => {
    const selfProblems = mergeProblems([sourceId], target.requestId ?? target.topicId ?? '')
    if (selfProblems.length > 0) throw new DomainError(selfProblems)
    let topicId = target.topicId
    if (target.requestId) {
      const t = await db.requests.get(target.requestId)
      topicId = t?.topicId
      if (!topicId) throw new DomainError([problem('agenda.errors.targetNoTopic')])
    }
    const topic = await mustGetTopic(topicId ?? '')
    const problems = mergeProblems([sourceId], topic.id, topic.requestIds)
    if (problems.length > 0) throw new DomainError(problems)
    const [source] = await getRequests([sourceId])
    if (source!.topicId) throw new DomainError([problem('agenda.errors.alreadyLinked')])
    const requestIds = [...topic.requestIds, sourceId]
    await db.topics.update(topic.id, { requestIds, updatedAt: nowIso() })
    await db.topicEvents.add(topicEvent(topic, d, 'merged', [sourceId]))
    await linkRequests([source!], topic, d, 'merged')
    return { ...topic, requestIds }
  })
}

/** Splits a topic that is too broad into parts; the source requests stay linked to each part. */
export async function splitTopic(topicId: string, input: unknown, d: Decision): Promise<Topic[]> {
  const parts = parseInput(topicPartsSchema, input)
  const problems = splitProblems(parts)
  if (problems.length > 0) throw new DomainError(problems)
  return write([db.topics, db.topicEvents], async () => {
    const parent = await mustGetTopic(topicId)
    if (parent.status !== 'draft' && parent.status !== 'scheduled')
      throw new DomainError([problem('agenda.errors.notEditable')])
    const now = nowIso()
    const children: Topic[] = parts.map((p, i) => ({
      id: newId(),
      communityId: parent.communityId,
      title: p.title.trim(),
      description: p.description,
      requestIds: [...parent.requestIds],
      parentTopicId: parent.id,
      meetingId: parent.meetingId,
      order: parent.order + i / 10,
      estimatedMinutes: parent.estimatedMinutes,
      status: parent.status,
      createdAt: now,
      updatedAt: now,
    }))
    await db.topics.bulkAdd(children)
    for (const c of children) await db.topicEvents.add(topicEvent(c, d, 'split', [parent.id]))
    // The broad topic leaves the agenda; its trail stays and points at its parts.
    await db.topics.update(parent.id, { status: 'closed', meetingId: undefined, updatedAt: now })
    await db.topicEvents.add(
      topicEvent(
        parent,
        d,
        'split',
        children.map((c) => c.id),
      ),
    )
    return children
  })
}

/** Narrows (or retitles) a topic, keeping the old wording in the trail. */
export async function narrowTopic(topicId: string, input: unknown, d: Decision): Promise<void> {
  const form = parseInput(topicFormSchema, input)
  await write([db.topics, db.topicEvents], async () => {
    const t = await mustGetTopic(topicId)
    if (t.status !== 'draft' && t.status !== 'scheduled') throw new DomainError([problem('agenda.errors.notEditable')])
    await db.topics.update(topicId, { title: form.title, description: form.description, updatedAt: nowIso() })
    await db.topicEvents.add({
      ...topicEvent(t, d, 'narrowed'),
      reason: [d.reason, `原议题：${t.title}`].filter(Boolean).join('；'),
    })
  })
}

/** Puts topics on a meeting's agenda (appended in the given order). */
export async function scheduleTopics(meetingId: string, topicIds: string[], d: Decision): Promise<void> {
  await write([db.topics, db.topicEvents, db.meetings], async () => {
    const m = await db.meetings.get(meetingId)
    if (!m || m.status === 'closed') throw new DomainError([problem('agenda.errors.meetingClosed')])
    const current = await db.topics.where('meetingId').equals(meetingId).count()
    for (const [i, id] of topicIds.entries()) {
      const t = await mustGetTopic(id)
      if (t.status !== 'draft') throw new DomainError([problem('agenda.errors.notEditable')])
      await db.topics.update(id, { meetingId, status: 'scheduled', order: current + i + 1, updatedAt: nowIso() })
      await db.topicEvents.add(topicEvent(t, { ...d, reason: d.reason ?? m.title }, 'scheduled', [meetingId]))
    }
  })
}

/**
 * Puts a deferred topic (暂缓表决) on a later meeting's agenda: a continuation
 * on that meeting carries its requests and research summary and points back
 * at it; the deferred topic stays on the first meeting's record unchanged.
 */
export async function carryDeferred(topicId: string, meetingId: string, d: Decision): Promise<Topic> {
  return write([db.topics, db.topicEvents, db.meetings, db.requests, db.requestEvents], async () => {
    const from = await mustGetTopic(topicId)
    if (from.status !== 'deferred') throw new DomainError([problem('agenda.errors.notDeferred')])
    if (from.meetingId === meetingId) throw new DomainError([problem('agenda.errors.sameMeeting')])
    const m = await db.meetings.get(meetingId)
    if (!m || m.status === 'closed') throw new DomainError([problem('agenda.errors.meetingClosed')])
    const siblings = await db.topics.where('communityId').equals(from.communityId).toArray()
    if (siblings.some((t) => t.continuesTopicId === from.id))
      throw new DomainError([problem('agenda.errors.alreadyCarried')])
    const order = (await db.topics.where('meetingId').equals(meetingId).count()) + 1
    const next = continuation(from, meetingId, order, { id: newId(), now: nowIso() })
    await db.topics.add(next)
    const reason = [d.reason, from.deferredReason && `暂缓理由：${from.deferredReason}`, `列入${m.title}`]
    const why = { ...d, reason: reason.filter(Boolean).join('；') }
    await db.topicEvents.bulkAdd([
      topicEvent(from, why, 'scheduled', [next.id, meetingId]),
      topicEvent(next, why, 'scheduled', [from.id, meetingId]),
    ])
    for (const r of (await db.requests.bulkGet(from.requestIds)).filter((r): r is Request => Boolean(r))) {
      await db.requests.update(r.id, { topicId: next.id, updatedAt: nowIso() })
      await db.requestEvents.add(
        eventRow(r, d.by, { kind: 'status', status: r.status, note: `暂缓表决的议题列入${m.title}` }),
      )
    }
    return next
  })
}

export async function unscheduleTopic(topicId: string, d: Decision): Promise<void> {
  await write([db.topics, db.topicEvents], async () => {
    const t = await mustGetTopic(topicId)
    if (t.status !== 'scheduled') throw new DomainError([problem('agenda.errors.notEditable')])
    await db.topics.update(topicId, { meetingId: undefined, status: 'draft', updatedAt: nowIso() })
    await db.topicEvents.add(topicEvent(t, d, 'unscheduled', t.meetingId ? [t.meetingId] : undefined))
  })
}

/** Renumbers a meeting's agenda in the given order. */
export async function reorderAgenda(meetingId: string, orderedIds: string[]): Promise<void> {
  await write([db.topics], async () => {
    for (const [i, id] of orderedIds.entries()) {
      const t = await mustGetTopic(id)
      if (t.meetingId !== meetingId) throw new DomainError([problem('agenda.errors.notOnMeeting')])
      await db.topics.update(id, { order: i + 1, updatedAt: nowIso() })
    }
  })
}

export async function setTopicFields(
  topicId: string,
  changes: Pick<
    Partial<Topic>,
    'estimatedMinutes' | 'presenterId' | 'presenterName' | 'researchSummary' | 'noResearchNeeded'
  >,
): Promise<void> {
  if (
    changes.estimatedMinutes !== undefined &&
    (!Number.isInteger(changes.estimatedMinutes) || changes.estimatedMinutes < 1 || changes.estimatedMinutes > 480)
  ) {
    throw new DomainError([problem('agenda.errors.minutes')])
  }
  await db.topics.update(topicId, { ...changes, updatedAt: nowIso() })
}

export interface TopicTrail {
  topic: Topic
  parent?: Topic
  requests: Request[]
  events: TopicEvent[]
}

/** A topic's full trail: its source requests and each decision, oldest first. */
export async function topicTrail(topicId: string): Promise<TopicTrail | undefined> {
  const topic = await db.topics.get(topicId)
  if (!topic) return undefined
  // A continuation's trail includes the deferred topic it continues (both meetings).
  const parent = topic.parentTopicId
    ? await db.topics.get(topic.parentTopicId)
    : topic.continuesTopicId
      ? await db.topics.get(topic.continuesTopicId)
      : undefined
  const ids = [topic.id, ...(parent ? [parent.id] : [])]
  const events = (await db.topicEvents.where('topicId').anyOf(ids).toArray()).sort(
    (a, b) => a.at.localeCompare(b.at) || a.createdAt.localeCompare(b.createdAt),
  )
  const requests = (await db.requests.bulkGet(topic.requestIds)).filter((r): r is Request => Boolean(r))
  return { topic, parent, requests, events }
}

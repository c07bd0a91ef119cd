// Research beforehand (议前调研): activities, canvass tallies, options and
// attachments for one topic. Inputs are validated before anything is written.
import { activitySchema, canvassSchema, optionSchema, tallyProblems } from '@/domain/canvass'
import { newId, nowIso } from '@/domain/ids'
import { DomainError } from '@/domain/problem'
import type { Attachment } from '@/domain/attachment'
import type { Canvass, ResearchActivity, TopicOption } from '@/domain/research'
import { attachmentsOf } from './attachments.repo'
import { db } from './schema'
import { parseInput, write } from './write'

const base = (communityId: string) => {
  const now = nowIso()
  return { id: newId(), communityId, createdAt: now, updatedAt: now }
}

export async function addActivity(communityId: string, topicId: string, input: unknown): Promise<ResearchActivity> {
  const form = parseInput(activitySchema, input)
  const row: ResearchActivity = { ...base(communityId), topicId, ...form }
  await write([db.research], () => db.research.add(row))
  return row
}

/** Saves a canvass only when every building's answers add up to those asked. */
export async function addCanvass(communityId: string, topicId: string, input: unknown): Promise<Canvass> {
  const form = parseInput(canvassSchema, input)
  const problems = tallyProblems(form.rows)
  if (problems.length > 0) throw new DomainError(problems)
  const row: Canvass = { ...base(communityId), topicId, ...form }
  await write([db.canvasses], () => db.canvasses.add(row))
  return row
}

/** Adds an option; a recommended one takes the mark from the others. */
export async function saveOption(communityId: string, topicId: string, input: unknown): Promise<TopicOption> {
  const form = parseInput(optionSchema, input)
  const row: TopicOption = { ...base(communityId), topicId, ...form }
  await write([db.options], async () => {
    if (row.recommended) await db.options.where('topicId').equals(topicId).modify({ recommended: false })
    await db.options.add(row)
  })
  return row
}

export async function recommendOption(topicId: string, optionId: string): Promise<void> {
  await write([db.options], async () => {
    await db.options
      .where('topicId')
      .equals(topicId)
      .modify((o) => {
        o.recommended = o.id === optionId
      })
  })
}

export interface TopicResearch {
  activities: ResearchActivity[]
  canvasses: Canvass[]
  options: TopicOption[]
  /** Without bytes: the list never loads every photo at once */
  attachments: Omit<Attachment, 'bytes'>[]
}

export async function topicResearch(topicId: string): Promise<TopicResearch> {
  const byDate = <T extends { on: string }>(a: T, b: T) => a.on.localeCompare(b.on)
  const activities = (await db.research.where('topicId').equals(topicId).toArray()).sort(byDate)
  const canvasses = (await db.canvasses.where('topicId').equals(topicId).toArray()).sort(byDate)
  const options = (await db.options.where('topicId').equals(topicId).toArray()).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  )
  const owners = [topicId, ...activities.map((a) => a.id)]
  const attachments = await attachmentsOf(owners)
  return { activities, canvasses, options, attachments }
}

// Step 2's meeting side: participants by role preset, per-topic parties (X),
// and the record of the agenda notice (议题公示) the stepper guard reads.
import { newId, nowIso } from '@/domain/ids'
import type { Meeting, Participant } from '@/domain/meeting'
import { agendaNoticeSchema, topicPartySchema, type PublicNotice } from '@/domain/notice'
import type { Person } from '@/domain/person'
import type { Body } from '@/domain/vote'
import { DomainError, problem } from '@/domain/problem'
import type { MeetingRole, RolePreset } from '@/domain/roles'
import { putNotice } from './notices.repo'
import { db } from './schema'
import { parseInput, write } from './write'

async function openMeeting(meetingId: string): Promise<Meeting> {
  const m = await db.meetings.get(meetingId)
  if (!m) throw new DomainError([problem('agenda.errors.meetingNotFound')])
  if (m.status === 'closed') throw new DomainError([problem('agenda.errors.meetingClosed')])
  return m
}

/**
 * Invites everyone on the roster who holds one of the chosen standing roles
 * (the "1+7" of the preset); people already invited are skipped.
 */
export async function inviteByRoles(
  meetingId: string,
  preset: RolePreset,
  roleIds: string[],
  people: Person[],
): Promise<number> {
  return invitePeople(
    meetingId,
    preset,
    people.filter((p) => p.roleIds.some((r) => roleIds.includes(r))),
    roleIds,
  )
}

/** Invites the members of the deliberating body (they vote). */
export async function inviteBodyMembers(
  meetingId: string,
  bodyId: string,
  preset: RolePreset,
  people: Person[],
): Promise<number> {
  const body = await db.bodies.get(bodyId)
  if (!body) return 0
  return invitePeople(
    meetingId,
    preset,
    people.filter((p) => body.memberIds.includes(p.id)),
  )
}

async function invitePeople(
  meetingId: string,
  preset: RolePreset,
  people: Person[],
  preferRoles: string[] = [],
): Promise<number> {
  return write([db.meetings, db.participants], async () => {
    const m = await openMeeting(meetingId)
    const existing = await db.participants.where('meetingId').equals(meetingId).toArray()
    const invited = new Set(existing.filter((p) => p.topicIds.length === 0).map((p) => p.personId))
    const now = nowIso()
    const rows: Participant[] = []
    for (const person of people) {
      if (!person.active || invited.has(person.id)) continue
      const roleId = person.roleIds.find((r) => preferRoles.includes(r)) ?? person.roleIds[0]
      const role = preset.roles.find((r) => r.id === roleId)
      const meetingRole: MeetingRole =
        person.id === m.chairId
          ? 'chair'
          : person.id === m.recorderId
            ? 'recorder'
            : role?.kind === 'topic'
              ? 'stakeholder'
              : 'voting'
      rows.push({
        id: newId(),
        communityId: m.communityId,
        meetingId,
        personId: person.id,
        name: person.name,
        partyRoleId: roleId,
        meetingRole,
        topicIds: [],
        createdAt: now,
        updatedAt: now,
      })
      invited.add(person.id)
    }
    await db.participants.bulkAdd(rows)
    return rows.length
  })
}

export async function listBodies(communityId: string): Promise<Body[]> {
  return db.bodies.where('communityId').equals(communityId).toArray()
}

/** Invites a party for one topic only (the X): a stakeholder, department or expert. */
export async function inviteForTopic(meetingId: string, raw: unknown): Promise<Participant> {
  const input = parseInput(topicPartySchema, raw)
  return write([db.meetings, db.participants], async () => {
    const m = await openMeeting(meetingId)
    const now = nowIso()
    const meetingRole: MeetingRole = input.partyRoleId === 'stakeholder' ? 'stakeholder' : 'guest'
    const row: Participant = {
      id: newId(),
      communityId: m.communityId,
      meetingId,
      personId: input.personId,
      name: input.name.trim(),
      partyRoleId: input.partyRoleId,
      ...(input.identity ? { identity: input.identity } : {}),
      meetingRole,
      topicIds: [input.topicId],
      createdAt: now,
      updatedAt: now,
    }
    await db.participants.add(row)
    return row
  })
}

export async function uninvite(participantId: string): Promise<void> {
  await write([db.meetings, db.participants], async () => {
    const p = await db.participants.get(participantId)
    if (!p) return
    await openMeeting(p.meetingId)
    await db.participants.delete(participantId)
  })
}

/** Records that the agenda notice was posted, and for how long. */
export async function recordAgendaNotice(meetingId: string, raw: unknown): Promise<PublicNotice> {
  const input = parseInput(agendaNoticeSchema, raw)
  return write([db.meetings, db.notices], async () => {
    const m = await openMeeting(meetingId)
    if (m.date && input.postedOn > m.date) throw new DomainError([problem('agenda.errors.noticeAfterMeeting')])
    return putNotice(m, {
      kind: 'agenda',
      startsOn: input.postedOn,
      periodDays: input.periodDays,
      places: input.places,
    })
  })
}

export async function agendaNotice(meetingId: string): Promise<PublicNotice | undefined> {
  return (await db.notices.where('meetingId').equals(meetingId).toArray()).find((n) => n.kind === 'agenda')
}

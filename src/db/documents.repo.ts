// Assembles the document builders' inputs from the tables: one read
// transaction per document set, so a print never mixes two states.
// Contact details are never read here, except for a dossier's own requests
// (the builder masks them in the public version).
import { handlingNames } from '@/domain/handling'
import { SCALE_ANSWERS, ANSWER_LABELS } from '@/domain/evaluation'
import type { Attendance } from '@/domain/attendance'
import type { Meeting, MeetingHouseholds, Participant } from '@/domain/meeting'
import { BUILT_IN_PRESETS } from '@/domain/roles'
import type { ActionItem } from '@/domain/resolution'
import { verificationCode } from '@/domain/seal'
import { lastLinks } from '@/domain/chain-audit'
import type { Topic } from '@/domain/topic'
import { raisedByName } from '@/domain/request'
import { standingVotes, type Body } from '@/domain/vote'
import { countedRows, headcount, isPresent, passingBases, quorumCheck } from '@/domain/rules'
import { localDay, localTime, today } from '@/domain/calendar'
import { SIX_STEPS } from '@/domain/procedure'
import type {
  CommunityInfo,
  ActionLine,
  DossierInput,
  MeetingDocsInput,
  NoticeInfo,
  PersonLine,
  QuorumLine,
  StatementLine,
  TopicBlock,
} from '@/pdf/inputs'
import type { PublicNotice } from '@/domain/notice'
import { carryOverFor } from './followup.repo'
import { db } from './schema'
import { meetingTopics } from './topics.repo'
import { listAttendance } from './attendance.repo'
import { meetingLinks } from './chain-links'

const localToday = today

function noticeInfo(n: PublicNotice | undefined): NoticeInfo | undefined {
  if (!n) return undefined
  return {
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    periodDays: n.periodDays,
    places: n.places,
    objectTo: n.objectTo,
    objectPhone: n.objectPhone,
    objectBox: n.objectBox,
  }
}

const actionLine = (a: ActionItem, fromMeeting?: string): ActionLine => ({
  title: a.title,
  owner: a.owner,
  standard: a.standard,
  dueOn: a.dueOn,
  supervisor: a.supervisor,
  status: a.status,
  fromMeeting,
})

/** The community as the documents print it; a missing row prints blank names and the default notice period. */
function communityInfo(c: Partial<CommunityInfo> | undefined): CommunityInfo {
  return {
    name: c?.name ?? '',
    partyOrg: c?.partyOrg ?? '',
    superior: c?.superior ?? '',
    noticePeriodDays: c?.noticePeriodDays ?? 7,
    kind: c?.kind,
  }
}

async function roleNames(communityId: string): Promise<Map<string, string>> {
  const own = await db.rolePresets.where('communityId').equals(communityId).toArray()
  const map = new Map<string, string>()
  for (const p of [...BUILT_IN_PRESETS, ...own]) for (const r of p.roles) if (!map.has(r.id)) map.set(r.id, r.name)
  return map
}

/** The people of the meeting: the sign-in rows once taken, otherwise the invited participants. */
function peopleLines(
  participants: Participant[],
  attendance: Attendance[],
  roles: Map<string, string>,
  topics: Topic[],
  body: Body | undefined,
): PersonLine[] {
  const title = new Map(topics.map((t) => [t.id, t.title]))
  if (attendance.length > 0) {
    // The same rows the headcount counts, so 出席 names and 实到 always agree.
    const counted = new Set(
      countedRows(attendance, body)
        .filter((a) => isPresent(a, body))
        .map((a) => a.id),
    )
    return attendance.map((a) => ({
      name: a.name,
      partyRole: a.partyRole,
      meetingRole: a.meetingRole,
      state: counted.has(a.id) ? 'present' : a.state,
      writtenOpinion: a.writtenOpinion,
      counted: counted.has(a.id),
    }))
  }
  return participants.map((p) => ({
    name: p.name,
    partyRole: p.identity || (p.partyRoleId ? roles.get(p.partyRoleId) : undefined),
    meetingRole: p.meetingRole,
    forTopics: p.topicIds.map((id) => title.get(id) ?? '').filter(Boolean),
  }))
}

/** 应到 / 实到 / 请假 / 缺席 and the quorum result, by the same rules the live meeting used. */
function quorumLine(
  attendance: Attendance[],
  body: Body | undefined,
  households: MeetingHouseholds | undefined,
): QuorumLine | undefined {
  if (attendance.length === 0) return undefined
  const byHouseholds = body?.quorumRule.base === 'households'
  const h = headcount(attendance, body, undefined, byHouseholds ? households : undefined)
  const rows = countedRows(attendance, body)
  const away = rows.filter((r) => !isPresent(r, body))
  const leave = away.filter((r) => r.state === 'leave').length
  const rule = body?.quorumRule
  const reached = rule ? quorumCheck(rule, h).met : h.present * 2 > h.expected
  return {
    expected: h.expected,
    present: h.present,
    leave,
    // Members of the roll who never signed in are absent too.
    absent: Math.max(0, h.expected - h.present - leave),
    written: away.filter((r) => r.state === 'written').length,
    households: byHouseholds ? households : undefined,
    reached,
    rule,
    decides: body?.decides ?? false,
  }
}

async function topicBlock(t: Topic, index: number, names: Map<string, string>): Promise<TopicBlock> {
  const [research, canvasses, options, statements, recusals, votes, resolutions, actions] = await Promise.all([
    db.research.where('topicId').equals(t.id).toArray(),
    db.canvasses.where('topicId').equals(t.id).toArray(),
    db.options.where('topicId').equals(t.id).toArray(),
    db.statements.where('topicId').equals(t.id).toArray(),
    db.recusals.where('topicId').equals(t.id).toArray(),
    db.votes.where('topicId').equals(t.id).toArray(),
    db.resolutions
      .where('meetingId')
      .equals(t.meetingId ?? '')
      .toArray(),
    db.actionItems
      .where('meetingId')
      .equals(t.meetingId ?? '')
      .toArray(),
  ])
  const optionTitle = new Map(options.map((o) => [o.id, o.title]))
  const recusedNames = recusals.map((r) => r.name || (r.personId ? names.get(r.personId) : '') || '').filter(Boolean)
  const amended = new Set(resolutions.map((r) => r.correctsId).filter(Boolean))
  const resolution = resolutions
    .filter((r) => r.topicId === t.id && !amended.has(r.id))
    .map((r) => r.text)
    .join('\n')
  const sum = (
    rows: { asked: number; agree: number; disagree: number; noAnswer: number; notReached: number }[],
    k: 'asked' | 'agree' | 'disagree' | 'noAnswer' | 'notReached',
  ) => rows.reduce((s, r) => s + r[k], 0)
  return {
    order: t.order || index + 1,
    title: t.title,
    description: t.description,
    presenter: t.presenterName ?? (t.presenterId ? names.get(t.presenterId) : undefined),
    isMajor: t.isMajor,
    researchSummary: t.researchSummary,
    research: research
      .sort((a, b) => a.on.localeCompare(b.on))
      .map((r) => ({ kind: r.kind, on: r.on, who: r.who, findings: r.findings })),
    canvasses: canvasses.map((c) => ({
      question: c.question,
      on: c.on,
      asked: sum(c.rows, 'asked'),
      agree: sum(c.rows, 'agree'),
      disagree: sum(c.rows, 'disagree'),
      noAnswer: sum(c.rows, 'noAnswer'),
      notReached: sum(c.rows, 'notReached'),
    })),
    options: options.map((o) => ({
      title: o.title,
      description: o.description,
      cost: o.cost,
      recommended: o.recommended,
    })),
    statements: statements
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((s): StatementLine => ({
        speaker: s.name || (s.personId ? names.get(s.personId) : '') || '',
        role: s.role,
        text: s.gist,
      }))
      .filter((s) => s.text),
    votes: standingVotes(votes).map((v) => ({
      method: v.method,
      optionTitle: v.optionId ? optionTitle.get(v.optionId) : undefined,
      expected: v.expected,
      present: v.present,
      counts: v.counts,
      rule: v.passingRule,
      result: v.result,
      deferReason: v.deferReason,
      correction: v.correctsVoteId
        ? { previous: votes.find((o) => o.id === v.correctsVoteId)?.counts, reason: v.correctionReason ?? '' }
        : undefined,
      tellers: v.tellerCounts?.map((c) => c.teller),
      ballots: v.ballots,
      passingBase:
        v.passingRule && v.recusedIds?.length
          ? passingBases({
              members: v.members ?? 0,
              expected: v.expected ?? 0,
              present: v.present ?? 0,
              recused: v.recused ?? v.recusedIds.length,
            })[v.passingRule.base]
          : undefined,
      recused: [...new Set([...(v.recusedIds ?? []).map((id) => names.get(id) ?? ''), ...recusedNames])].filter(
        Boolean,
      ),
    })),
    deferredReason: t.status === 'deferred' ? t.deferredReason : undefined,
    resolution: resolution || undefined,
    withoutVote: resolutions.some((r) => r.topicId === t.id && !amended.has(r.id) && r.withoutVote) || undefined,
    actions: actions.filter((a) => a.topicId === t.id).map((a) => actionLine(a)),
  }
}

/** Everything the meeting's documents print, read in one transaction. */
export async function meetingDocsInput(meetingId: string): Promise<MeetingDocsInput> {
  return db.transaction('r', db.tables, async () => {
    const m = await db.meetings.get(meetingId)
    if (!m) throw new Error('meeting not found')
    const c = await db.communities.get(m.communityId)
    const people = await db.people.where('communityId').equals(m.communityId).toArray()
    const names = new Map(people.map((p) => [p.id, p.name]))
    const topics = await meetingTopics(meetingId)
    const participants = await db.participants.where('meetingId').equals(meetingId).toArray()
    const attendance = await listAttendance(meetingId)
    const body = m.bodyId ? await db.bodies.get(m.bodyId) : undefined
    const lines = peopleLines(participants, attendance, await roleNames(m.communityId), topics, body)
    const notices = await db.notices.where('meetingId').equals(meetingId).toArray()
    const blocks: TopicBlock[] = []
    for (const [i, t] of topics.entries()) blocks.push(await topicBlock(t, i, names))
    return {
      community: communityInfo(c),
      meeting: meetingInfo(m, names, body),
      people: lines,
      quorum: quorumLine(attendance, body, m.households),
      topics: blocks,
      carryOver: await carryOver(m),
      seal: await sealInfo(m),
      agendaNotice: noticeInfo(notices.find((n) => n.kind === 'agenda')),
      resolutionNotice: noticeInfo(notices.find((n) => n.kind === 'resolution')),
      printedOn: localToday(),
    }
  })
}

function meetingInfo(m: Meeting, names: Map<string, string>, body?: Body) {
  return {
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    place: m.place,
    chair: m.chairId ? names.get(m.chairId) : undefined,
    recorder: m.recorderId ? names.get(m.recorderId) : undefined,
    bodyName: body?.name,
    bodyMembers: body?.memberIds.length,
    decides: body?.decides ?? false,
    // The meeting ends when it is closed and sealed (the console seals at the close).
    endTime: m.sealedAt ? localTime(new Date(m.sealedAt)) : undefined,
    skippedSteps: (m.stepSkips ?? []).map((k) => ({
      n: k.stepIndex + 1,
      name: SIX_STEPS.steps[k.stepIndex]?.name ?? k.kind,
      reason: k.reason,
      by: k.by,
      on: localDay(new Date(k.at)),
    })),
  }
}

/** 上次议定事项落实情况: open items decided at the community's earlier meetings. */
/** 上次议定事项落实情况: the same carry-over rule as the step 6 board and the projector. */
async function carryOver(m: Meeting): Promise<ActionLine[]> {
  return (await carryOverFor(m.id)).map((a) => actionLine(a, a.meetingTitle))
}

async function sealInfo(m: Meeting) {
  if (!m.sealedAt) return undefined
  const links = await meetingLinks(m.id)
  const last = lastLinks(links).get(m.id)
  const code = m.verificationCode ?? (last ? verificationCode(last.hash) : undefined)
  return code ? { code, head: last?.hash, sealedAt: m.sealedAt } : undefined
}

/** 一事一档 for one topic, from its requests to its evaluation. */
export async function dossierInput(topicId: string): Promise<DossierInput> {
  return db.transaction('r', db.tables, async () => {
    const t = await db.topics.get(topicId)
    if (!t) throw new Error('topic not found')
    const base = t.meetingId ? await meetingDocsInput(t.meetingId) : undefined
    const c = base?.community ?? (await db.communities.get(t.communityId))
    const people = await db.people.where('communityId').equals(t.communityId).toArray()
    const block =
      base?.topics.find((b) => b.title === t.title && b.description === t.description) ??
      (await topicBlock(t, 0, new Map(people.map((p) => [p.id, p.name]))))
    const requests = await db.requests.bulkGet(t.requestIds)
    // The dossier prints each handling type under the community's own name (settings).
    const names = handlingNames((await db.communities.get(t.communityId))?.handlingNames)
    const events = await db.topicEvents.where('topicId').equals(topicId).toArray()
    const notice = t.meetingId
      ? (await db.notices.where('meetingId').equals(t.meetingId).toArray()).find((n) => n.kind === 'resolution')
      : undefined
    const objections = notice ? await db.objections.where('noticeId').equals(notice.id).toArray() : []
    const items = t.meetingId
      ? (await db.actionItems.where('meetingId').equals(t.meetingId).toArray()).filter((i) => i.topicId === topicId)
      : []
    const evaluations =
      items.length > 0
        ? await db.evaluations
            .where('actionItemId')
            .anyOf(items.map((i) => i.id))
            .toArray()
        : []
    const itemTitle = new Map(items.map((i) => [i.id, i.title]))
    return {
      community: communityInfo(c),
      meeting: base?.meeting,
      topic: block,
      requests: requests
        .filter((r) => r !== undefined)
        .map((r) => ({
          receivedOn: r.receivedOn,
          channel: r.channel,
          raisedBy: raisedByName(r, '匿名'),
          place: r.place,
          description: r.description,
          handlingType: names[r.handlingType],
        })),
      trail: events
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((e) => ({
          at: e.at,
          kind: e.kind,
          reason: e.reason,
          by: e.by,
        })),
      attendance: base?.people ?? [],
      quorum: base?.quorum,
      notice: noticeInfo(notice),
      objections: objections.map((o) => ({
        receivedOn: o.receivedOn,
        from: o.from,
        content: o.content,
        answer: o.answer,
        answeredAt: o.answeredAt,
      })),
      evaluations: evaluations.map((e) => ({
        item: itemTitle.get(e.actionItemId) ?? '',
        round: e.round,
        on: e.on,
        // In the order of the scale's meaning, named (never "1分", which readers take the other way round).
        counts: [
          ...SCALE_ANSWERS[e.scale].keys.map((k, i) => `${ANSWER_LABELS[k] ?? k} ${e.counts[i] ?? 0}`),
          ...(e.invalid ? [`无效 ${e.invalid}`] : []),
        ].join(' · '),
        rate: e.rate,
        passed: e.passed,
      })),
      seal: base?.seal,
      printedOn: localToday(),
    }
  })
}

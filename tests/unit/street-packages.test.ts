// Report packages from communities to the street office and the reply back,
// across separate laptops (separate databases). Every refused package must
// leave the street's database exactly as it was.
import { beforeAll, describe, expect, it } from 'vitest'
import { readPackageHeader } from '@/archive/package'
import { fingerprintGroups } from '@/archive/keys'
import { containsBytes } from '@/archive/bytes'
import { laptop, rowCounts, seedCommunity, type Laptop } from './support/street-laptops'

const PW = 'jiedao-2026'
let street: Laptop
let streetFile: Awaited<ReturnType<Laptop['keys']['publicKeyFile']>>
let a: Laptop
let first: Uint8Array

async function communityLaptop(
  id: string,
  name: string,
  opts: { voteFor?: number; streetKey?: typeof streetFile } = {},
) {
  const l = await laptop()
  await seedCommunity(l, { id, name, voteFor: opts.voteFor })
  await l.keys.createOwnKeys('community', id, PW)
  await l.keys.confirmKey(opts.streetKey ?? streetFile)
  return l
}

async function refused(bytes: Uint8Array, code: string, trustNew?: string) {
  const before = await rowCounts(street)
  const error = await street.street.importReportPackage(bytes, { trustNew }).then(
    () => undefined,
    (e: unknown) => e as { code: string; params: Record<string, string> },
  )
  expect(error?.code).toBe(code)
  expect(await rowCounts(street)).toEqual(before)
  return error!
}

beforeAll(async () => {
  street = await laptop()
  const office = await street.street.saveOffice({
    name: '新华路街道',
    kind: 'street',
    partyCommittee: '中共新华路街道工作委员会',
    communities: ['新华路社区', '幸福里社区', '东风村'],
  })
  const own = await street.keys.createOwnKeys('street', office.id, PW)
  streetFile = street.keys.publicKeyFile(own, office.name)
  a = await communityLaptop('c-xinhua', '新华路社区')
  first = (await a.report.makeReportPackage('full')).bytes
})

describe('the report package', () => {
  it('leaves contacts out and masks residents’ names and phone numbers', async () => {
    // The payload is encrypted: open it as the street would, then look inside.
    const { openPackage } = await import('@/archive/package')
    const own = street.keys.sessionKeys()
    const header = readPackageHeader(first)
    const opened = await openPackage(first, {
      kind: 'report',
      ownFingerprint: own.row.fingerprint,
      ownPrivate: own.priv,
      knownSigner: async () => undefined,
      trustNew: header.from.fingerprint,
    })
    const enc = new TextEncoder()
    expect(containsBytes(first, enc.encode('赵德明'))).toBe(false)
    expect(header.chainHeads).toHaveLength(1)
    expect(header.counts.contacts).toBeUndefined()
    expect(header.counts.requests).toBe(2)
    const { unpackArchive } = await import('@/archive/format')
    const { REPORT_TABLES } = await import('@/domain/street-tables')
    const { tables } = await unpackArchive(opened.archive, { knownTables: REPORT_TABLES })
    const q1 = tables.requests!.find((r) => r.id === 'c-xinhua-q1')!
    expect(q1.raisedBy).toEqual({ kind: 'text', name: '赵某某' })
    expect(q1.description).toBe('北门外道路积水，联系电话138****5678')
    expect(JSON.stringify(tables)).not.toContain('13812345678')
  })

  it('a first package needs its fingerprint confirmed, then comes in whole', async () => {
    const header = readPackageHeader(first)
    const e = await refused(first, 'unknownKey')
    expect(e.params.fingerprint).toBe(header.from.fingerprint)
    expect(fingerprintGroups(header.from.fingerprint)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/)
    const r = await street.street.importReportPackage(first, { trustNew: header.from.fingerprint })
    expect(r).toMatchObject({ name: '新华路社区', heads: 1, newKey: true })
    const bound = (await street.street.overseen()).find((c) => c.name === '新华路社区')!
    expect(bound.communityId).toBe('c-xinhua')
    expect(await street.street.copies('c-xinhua', 'contacts')).toHaveLength(0)
    expect(await street.street.copies('c-xinhua', 'attendance')).toHaveLength(6)
    const check = await street.street.verifyMeetingAtStreet('c-xinhua', 'c-xinhua-m1')
    expect(check.ok).toBe(true)
  })

  it('the same package twice is refused and changes nothing', async () => {
    await refused(first, 'duplicate')
  })

  it('one flipped byte is refused', async () => {
    const bad = first.slice()
    bad[Math.floor(bad.length / 2)]! ^= 0x01
    await refused(bad, 'badSignature')
  })

  it('a package signed by an unknown key for a community already known is refused', async () => {
    const impostor = await communityLaptop('c-xinhua', '新华路社区')
    const bytes = (await impostor.report.makeReportPackage('full')).bytes
    const header = readPackageHeader(bytes)
    await refused(bytes, 'keyChanged')
    await refused(bytes, 'keyChanged', header.from.fingerprint)
  })

  it('a community not on the list is refused', async () => {
    const stranger = await communityLaptop('c-other', '光明社区')
    await refused((await stranger.report.makeReportPackage('full')).bytes, 'notOverseen')
  })

  it('a package for another street is refused', async () => {
    const other = await laptop()
    const office = await other.street.saveOffice({
      name: '东城街道',
      kind: 'street',
      partyCommittee: '中共东城街道工作委员会',
      communities: ['新华路社区'],
    })
    const key = await other.keys.createOwnKeys('street', office.id, PW)
    const c = await communityLaptop('c-fuxing', '幸福里社区', { streetKey: other.keys.publicKeyFile(key, office.name) })
    const e = await refused((await c.report.makeReportPackage('full')).bytes, 'otherRecipient')
    expect(e.params.name).toBe('东城街道')
  })

  it('a sealed meeting whose chain head changed since an earlier package is refused with both heads', async () => {
    // The same community and key, its meeting re-sealed with a different vote (a rewritten laptop).
    const rewritten = await laptop()
    await seedCommunity(rewritten, { id: 'c-xinhua', name: '新华路社区', voteFor: 4 })
    await rewritten.schema.db.officeKeys.put((await a.schema.db.officeKeys.get('own'))!)
    expect(await rewritten.keys.unlockKeys(PW)).toBe(true)
    await rewritten.keys.confirmKey(streetFile)
    const bytes = (await rewritten.report.makeReportPackage('full')).bytes
    const before = readPackageHeader(first).chainHeads[0]!.hash
    const e = await refused(bytes, 'chainChanged')
    expect(e.params).toMatchObject({
      meeting: '北门开通议事会',
      before,
      after: readPackageHeader(bytes).chainHeads[0]!.hash,
    })
    expect(e.params.before).not.toBe(e.params.after)
  })

  it('a package of changes since the last carries only what changed, and the chain whole', async () => {
    const { db } = a.schema
    await db.requests.update('c-xinhua-q2', { status: 'closed', updatedAt: new Date(Date.now() + 1000).toISOString() })
    const made = await a.report.makeReportPackage('since')
    const header = readPackageHeader(made.bytes)
    expect(header.since).not.toBeNull()
    expect(header.counts.requests).toBe(1)
    expect(header.counts.seals).toBe(9)
    await street.street.importReportPackage(made.bytes)
    const q2 = (await street.street.copies<{ id: string; status: string }>('c-xinhua', 'requests')).find(
      (r) => r.id === 'c-xinhua-q2',
    )
    expect(q2?.status).toBe('closed')
    expect((await a.report.sentPackages('c-xinhua')).map((p) => p.kind)).toEqual(['since', 'full'])
  })
})

describe('the street’s answers go back', () => {
  it('a filing reviewed and an escalation answered show in the community’s history; sealed rows untouched', async () => {
    const filings = await street.inbox.filingsInbox()
    expect(filings.map((f) => [f.communityName, f.meetingTitle, f.status])).toEqual([
      ['新华路社区', '北门开通议事会', 'received'],
    ])
    await street.inbox.addFilingReview('c-xinhua', 'c-xinhua-f1', {
      status: 'reviewed',
      opinion: '同意备案。',
      on: '2026-11-25',
      by: '周敏',
    })
    const escalations = await street.inbox.escalationsInbox('2026-11-30')
    expect(escalations).toHaveLength(1)
    expect(escalations[0]!.state).toMatchObject({ state: 'waiting', overdue: true, deadline: '2026-11-16' })
    await street.inbox.addEscalationStep('c-xinhua', 'c-xinhua-q1', {
      kind: 'callIn',
      department: '区城管局',
      text: '请排查北门外积水',
      on: '2026-11-26',
      deadline: '2026-12-03',
      by: '周敏',
    })
    await street.inbox.addEscalationStep('c-xinhua', 'c-xinhua-q1', {
      kind: 'answer',
      text: '已协调区城管局疏通排水管',
      on: '2026-11-27',
      by: '周敏',
    })
    const state = (await street.inbox.escalationsInbox('2026-11-30'))[0]!.state
    expect(state).toMatchObject({ state: 'departmentCalled', overdue: false, deadline: '2026-12-03' })
    expect((await street.inbox.filingsInbox())[0]!.status).toBe('reviewed')

    const reply = await street.inbox.makeReplyPackage('c-xinhua')
    expect(reply.rows).toBe(3)
    const links = async () => (await a.schema.db.sealBatches.toArray()).flatMap((b) => b.links).length
    const sealsBefore = await links()
    const r = await a.report.importReplyPackage(reply.bytes)
    expect(r).toMatchObject({ street: '新华路街道', filingReviews: 1, escalationSteps: 2, known: 0 })
    const trail = await a.schema.db.requestEvents.where('requestId').equals('c-xinhua-q1').toArray()
    expect(trail.map((e) => e.note).sort()).toEqual([
      '街道召集部门（区城管局）：请排查北门外积水，限2026-12-03前答复',
      '街道答复：已协调区城管局疏通排水管',
    ])
    expect((await a.report.repliesFor('c-xinhua-f1')).map((x) => x.record)).toMatchObject([
      { status: 'reviewed', opinion: '同意备案。' },
    ])
    expect(await links()).toBe(sealsBefore)
    // Imported again: nothing doubles.
    expect(await a.report.importReplyPackage(reply.bytes)).toMatchObject({
      filingReviews: 0,
      escalationSteps: 0,
      known: 3,
    })
  })

  it('a tampered reply is refused and adds nothing to the history', async () => {
    const before = await a.schema.db.requestEvents.count()
    const reply = await street.inbox.makeReplyPackage('c-xinhua')
    const bad = reply.bytes.slice()
    bad[bad.length - 3]! ^= 0xff
    await expect(a.report.importReplyPackage(bad)).rejects.toMatchObject({ code: 'badSignature' })
    expect(await a.schema.db.requestEvents.count()).toBe(before)
  })
})

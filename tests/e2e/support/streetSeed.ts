// TEST SETUP ONLY. A community's month: one meeting closed and sealed onto
// a real hash chain (computed here with the app's own chain code), its
// filing, an escalated request (上报件) and a resolved one — written straight
// into the profile's IndexedDB, so the street-office test starts from a
// community with records instead of running a whole meeting three times.
import type { Page } from '@playwright/test'
import { appendToChain, verificationCode, type ToSeal } from '@/domain/seal'
import { sha256Hex } from '@/platform/hash'
import { storeRows } from '@/db/per-meeting'

// The local calendar day (the calendar module itself loads JSON that Playwright's runner cannot import).
export const isoDay = (offset: number) => {
  const d = new Date()
  d.setDate(d.getDate() + offset)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export interface CommunitySeed {
  communityId: string
  meetingId: string
  requestId: string
  code: string
}

export async function seedReportingCommunity(page: Page, topic: string, escalation: string): Promise<CommunitySeed> {
  const communityId = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('shangliang')
        req.onsuccess = () => {
          const r = req.result.transaction('settings').objectStore('settings').get('currentCommunityId')
          r.onsuccess = () => {
            req.result.close()
            resolve((r.result as { value: string }).value)
          }
        }
        req.onerror = () => reject(req.error)
      }),
  )
  const day = isoDay(-20)
  const at = `${day}T02:00:00.000Z`
  const base = (id: string) => ({ id, communityId, createdAt: at, updatedAt: at })
  // Closing a meeting stamps sealedAt on its rows before hashing them (src/db/seal.repo.ts).
  const sealedBase = (id: string) => ({ ...base(id), sealedAt: at })
  const id = (k: string) => `${communityId}-${k}`
  const meetingId = id('m1')
  const meeting = {
    ...base(meetingId),
    title: `${topic}议事会`,
    type: 'majorMatter',
    procedureId: 'procedure-six-steps',
    stepIndex: 5,
    date: day,
    place: '社区党群服务中心',
    status: 'closed',
  }
  const attendance = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏'].map((name, i) => ({
    ...sealedBase(id(`a${i}`)),
    meetingId,
    name,
    meetingRole: i === 0 ? 'chair' : 'voting',
    state: 'present',
    walkIn: false,
  }))
  const vote = {
    ...sealedBase(id('v1')),
    meetingId,
    topicId: id('t1'),
    method: 'hands',
    for: 6,
    against: 1,
    abstain: 0,
    status: 'final',
  }
  const resolution = { ...sealedBase(id('r1')), meetingId, topicId: id('t1'), text: `同意${topic}，由居委会牵头实施。` }
  const item = {
    ...base(id('i1')),
    meetingId,
    topicId: id('t1'),
    resolutionId: id('r1'),
    title: topic,
    owner: '居委会',
    standard: '按方案完成并公示',
    dueOn: isoDay(-2),
    supervisor: '王建国',
    status: 'done',
    doneOn: isoDay(-5),
  }
  let n = 0
  const seals = await appendToChain(
    undefined,
    [
      { kind: 'meeting', record: meeting },
      ...attendance.map((a) => ({ kind: 'attendance' as const, record: a })),
      { kind: 'vote', record: vote },
      { kind: 'resolution', record: resolution },
      { kind: 'actionItem', record: item },
    ] as ToSeal[],
    { communityId, meetingId, at, newId: () => id(`s${n++}`), sha256: sha256Hex },
  )
  const code = verificationCode(seals.at(-1)!.hash)
  const requestId = id('q1')
  const rows: Record<string, object[]> = {
    // Stored per meeting since schema 13 (src/db/per-meeting.ts).
    signInSheets: storeRows('attendance', attendance) as object[],
    votes: [vote],
    resolutions: [resolution],
    actionItems: [{ ...item, sealedAt: at }],
    topics: [
      {
        ...base(id('t1')),
        title: topic,
        description: '',
        requestIds: [],
        meetingId,
        order: 1,
        status: 'deliberated',
        isMajor: true,
      },
    ],
    filings: [
      { ...base(id('f1')), meetingId, to: '新华路街道党工委', sentOn: isoDay(-15), by: '李秀英', reference: 'BA-01' },
    ],
    requests: [
      {
        ...base(requestId),
        channel: '居民说事厅',
        receivedOn: isoDay(-25),
        raisedBy: { kind: 'text', name: '赵德明' },
        category: '道路交通',
        description: escalation,
        handlingType: 'escalate',
        dueOn: isoDay(-10),
        status: 'escalated',
      },
      {
        ...base(id('q2')),
        channel: '网格微信群',
        receivedOn: isoDay(-24),
        raisedBy: { kind: 'anonymous' },
        category: '环境卫生',
        description: '垃圾清运不及时',
        handlingType: 'immediate',
        dueOn: isoDay(-24),
        status: 'resolved',
      },
    ],
    requestEvents: [
      { ...base(id('e1')), requestId, at, by: '网格员', kind: 'triage', note: '超出社区职权，上报街道' },
      { ...base(id('e2')), requestId: id('q2'), at, by: '网格员', kind: 'status', status: 'resolved' },
    ],
    meetings: [{ ...meeting, sealedAt: at, verificationCode: code }],
    sealBatches: storeRows('seals', seals) as object[],
  }
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('shangliang')
        req.onsuccess = () => {
          const tx = req.result.transaction(Object.keys(rows), 'readwrite')
          for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).add(row)
          tx.oncomplete = () => {
            req.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    rows,
  )
  return { communityId, meetingId, requestId, code }
}

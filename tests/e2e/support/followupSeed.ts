// TEST SETUP ONLY, not product code. Action items are created by the
// deliberation step (another feature); until it is merged, the follow-up
// tests seed a decided meeting by writing records of the shared shapes
// (src/domain/*.ts) straight into the app's IndexedDB. Everything after the
// seed goes through the real UI.
import type { Page } from '@playwright/test'

export const isoDay = (offset: number) => {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

export interface Seeded {
  meetingId: string
  /** The decision day (today − 30) */
  meetingDate: string
}

/** A closed meeting 30 days ago with one resolution, three action items and four requests. */
export async function seedDecidedMeeting(page: Page): Promise<Seeded> {
  const d = {
    m: isoDay(-30),
    late: isoDay(-10),
    later: isoDay(20),
    r1: isoDay(-45),
    r2: isoDay(-40),
    r3: isoDay(-50),
    r3done: isoDay(-48),
    r4: isoDay(-20),
  }
  return page.evaluate(async (d) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('shangliang')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
    const db = await open()
    const get = <T>(store: string, key: string) =>
      new Promise<T>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).get(key)
        r.onsuccess = () => resolve(r.result as T)
        r.onerror = () => reject(r.error)
      })
    const communityId = (await get<{ value: string }>('settings', 'currentCommunityId')).value
    const at = `${d.m}T02:00:00.000Z`
    const base = { communityId, createdAt: at, updatedAt: at }
    const meetingId = crypto.randomUUID()
    const topicId = crypto.randomUUID()
    const resolutionId = crypto.randomUUID()
    const item = (title: string, owner: string, standard: string, dueOn: string, supervisor: string) => ({
      ...base,
      id: crypto.randomUUID(),
      meetingId,
      topicId,
      resolutionId,
      title,
      owner,
      standard,
      dueOn,
      supervisor,
      status: 'notStarted',
      // Sealed with their meeting, as closing a meeting does (src/db/seal.repo.ts).
      sealedAt: at,
    })
    const request = (
      receivedOn: string,
      channel: string,
      handlingType: string,
      category: string,
      description: string,
      status: string,
      linked: boolean,
    ) => ({
      ...base,
      id: crypto.randomUUID(),
      receivedOn,
      channel,
      handlingType,
      category,
      description,
      status,
      dueOn: receivedOn,
      raisedBy: { kind: 'text', name: description.slice(0, 3) },
      ...(linked ? { topicId } : {}),
    })
    const r1 = request(d.r1, '入户走访', 'suggestion', '道路设施', '赵大爷：北门一下雨就积水', 'onAgenda', true)
    const r2 = request(d.r2, '热线电话', 'suggestion', '道路设施', '钱阿姨：北门路面坑洼', 'onAgenda', true)
    const r3 = request(d.r3, '热线电话', 'immediate', '环境卫生', '孙师傅：垃圾桶满溢', 'resolved', false)
    const r4 = request(d.r4, '居民说事厅', 'committed', '停车管理', '李先生：小区停车难', 'open', false)
    const rows: Record<string, object[]> = {
      meetings: [
        {
          ...base,
          id: meetingId,
          title: '十月党群议事日',
          type: 'partyMassDay',
          procedureId: 'procedure-six-steps',
          stepIndex: 5,
          date: d.m,
          place: '社区党群服务中心',
          status: 'closed',
          sealedAt: at,
        },
      ],
      topics: [
        {
          ...base,
          id: topicId,
          title: '北门积水和路面整治',
          description: '',
          requestIds: [r1.id, r2.id],
          meetingId,
          order: 1,
          status: 'deliberated',
        },
      ],
      resolutions: [
        {
          ...base,
          id: resolutionId,
          meetingId,
          topicId,
          text: '由物业公司疏通北门排水管，居委会修补路面，供电所加装路灯。',
        },
      ],
      actionItems: [
        item('疏通北门排水管', '物业公司', '雨后两小时内无积水', d.late, '王建国'),
        item('修补北门路面', '居委会', '路面平整无坑洼', d.later, '王建国'),
        item('加装北门路灯', '供电所', '夜间照明全覆盖', d.later, '刘芳'),
      ],
      requests: [r1, r2, r3, r4],
      requestEvents: [
        {
          ...base,
          id: crypto.randomUUID(),
          requestId: r3.id,
          at: `${d.r3done}T03:00:00.000Z`,
          by: '网格员',
          kind: 'status',
          status: 'resolved',
        },
      ],
    }
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([...Object.keys(rows), 'statMonths'], 'readwrite')
      for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).add(row)
      // Rows written below Dexie are unseen by the statistics' month rows, so mark
      // them stale, as the app's own bulk writes do (src/db/aggregates/middleware.ts).
      const empty = { requests: {}, closed: {}, settled: {}, items: {}, evals: {} }
      tx.objectStore('statMonths').put({ communityId: '', month: 'stale', ...empty })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
    return { meetingId, meetingDate: d.m }
  }, d)
}

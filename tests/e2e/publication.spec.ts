// Step 5 end to end in Chromium under the app's CSP: the PDF worker renders
// every document (checked with pdftotext), unprintable characters are named
// before saving, and the step gate follows the notice period and objections.
import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createMeeting, importRoster, setUpCommunity, shot } from './support/app'

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

/** Writes a closed, sealed meeting's records straight into IndexedDB (the deliberation step lives on another branch). */
async function seedClosedMeeting(page: Page, meetingId: string, rareName: string) {
  await page.evaluate(
    async ({ meetingId, rareName, date }) => {
      const open = indexedDB.open('shangliang')
      const idb: IDBDatabase = await new Promise((res, rej) => {
        open.onsuccess = () => res(open.result)
        open.onerror = () => rej(open.error)
      })
      const tx = idb.transaction(
        ['meetings', 'people', 'topics', 'votes', 'resolutions', 'actionItems', 'signInSheets', 'statements'],
        'readwrite',
      )
      const get = <T>(store: string, key: string) =>
        new Promise<T>((res) => {
          const r = tx.objectStore(store).get(key)
          r.onsuccess = () => res(r.result as T)
        })
      const all = <T>(store: string) =>
        new Promise<T[]>((res) => {
          const r = tx.objectStore(store).getAll()
          r.onsuccess = () => res(r.result as T[])
        })
      const m = await get<Record<string, unknown>>('meetings', meetingId)
      const people = await all<{ id: string; name: string }>('people')
      const c = m.communityId as string
      const base = { communityId: c, createdAt: '2026-12-10T06:00:00Z', updatedAt: '2026-12-10T06:00:00Z' }
      tx.objectStore('meetings').put({
        ...m,
        date,
        startTime: '14:30',
        place: '社区党群服务中心二楼会议室',
        chairId: people[0]!.id,
        recorderId: people[1]!.id,
        stepIndex: 4,
        status: 'closed',
        sealedAt: '2026-12-10T09:00:00Z',
        verificationCode: '7K3QF-9XD2M',
      })
      const topics = ['关于开通小区北门的议题', '关于5号楼加装电梯费用分摊的议题']
      topics.forEach((title, i) => {
        const topicId = `t${i}`
        tx.objectStore('topics').put({
          ...base,
          id: topicId,
          title,
          description: '居民多次反映。',
          requestIds: [],
          meetingId,
          order: i + 1,
          status: 'deliberated',
          noResearchNeeded: true,
          isMajor: i === 0,
        })
        tx.objectStore('votes').put({
          ...base,
          id: `v${i}`,
          meetingId,
          topicId,
          method: i === 0 ? 'hands' : 'secret',
          status: 'closed',
          expected: 12,
          present: 11,
          counts:
            i === 0 ? { for: 10, against: 0, abstain: 1, invalid: 0 } : { for: 4, against: 6, abstain: 1, invalid: 0 },
          passingRule: { base: 'present', threshold: { kind: 'half' } },
          result: i === 0 ? 'passed' : 'failed',
          openedAt: `2026-12-10T07:0${i}:00Z`,
          recusedIds: i === 1 ? [people[5]!.id] : [],
        })
        tx.objectStore('resolutions').put({
          ...base,
          id: `r${i}`,
          meetingId,
          topicId,
          voteId: `v${i}`,
          text: i === 0 ? '同意开通北门，每日6:00至22:00开放。' : '分摊方案未获通过，下次再议。',
        })
      })
      tx.objectStore('actionItems').put({
        ...base,
        id: 'a0',
        meetingId,
        topicId: 't0',
        resolutionId: 'r0',
        title: '安装北门道闸',
        owner: '物业服务中心',
        standard: '道闸可刷卡通行',
        dueOn: '2027-01-31',
        supervisor: '务监会',
        status: 'notStarted',
      })
      // The meeting's sign-in sheet: one row holding every attendance row (src/db/per-meeting.ts).
      const rows = people.slice(0, 12).map((p, i) => ({
        ...base,
        id: `at${i}`,
        meetingId,
        personId: p.id,
        name: i === 11 ? rareName : p.name,
        meetingRole: i === 0 ? 'chair' : i === 1 ? 'recorder' : 'voting',
        state: i === 3 ? 'absent' : 'present',
        walkIn: false,
      }))
      tx.objectStore('signInSheets').put({ ...base, id: meetingId, meetingId, rows })
      tx.objectStore('statements').put({
        ...base,
        id: 's0',
        meetingId,
        topicId: 't0',
        name: people[4]!.name,
        roleLabel: '居民代表',
        text: '赞成开门，但要装道闸，夜里关门。',
      })
      await new Promise((res) => (tx.oncomplete = res))
      idb.close()
    },
    { meetingId, rareName, date: ago(12) },
  )
}

/** Saves one document; the rare name's warning, when it comes, is answered with 仍然保存. */
async function savePdf(page: Page, doc: string): Promise<string> {
  const downloading = page.waitForEvent('download', { timeout: 60_000 })
  await page.locator(`[data-doc=${doc}] button`).last().click()
  const warning = page.getByRole('dialog').filter({ hasText: '有字无法打印' })
  const first = await Promise.race([
    downloading.then(() => 'download'),
    warning.waitFor({ timeout: 60_000 }).then(() => 'warning'),
  ])
  if (first === 'warning') await warning.getByRole('button', { name: '仍然保存' }).click()
  const file = await (await downloading).path()
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '')
}

test('step 5: documents render in the worker, the notice is posted, objections answered, the filing recorded', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await setUpCommunity(page)
  await importRoster(page)
  await createMeeting(page, '2026年12月党群议事日')
  const meetingId = /meetings\/([^/?#]+)/.exec(page.url())![1]!
  await seedClosedMeeting(page, meetingId, '吉𠮷')
  await page.goto(`/#/meetings/${meetingId}/publication`)
  await page.reload()
  await expect(page.getByTestId('publication')).toBeVisible()
  await expect(page.getByTestId('step-missing')).toContainText('决议尚未公示')

  // Minutes: the rare character is named before saving; saving anyway downloads a real PDF.
  await page.locator('[data-doc=minutes] button').click()
  const warning = page.getByRole('dialog').filter({ hasText: '有字无法打印' })
  // A cold render (fonts fetched and parsed) on a loaded 2-core machine takes several seconds.
  await expect(warning).toContainText('𠮷', { timeout: 60_000 })
  await expect(warning).toContainText('U+20BB7')
  await shot(page, 'publication-missing-glyphs')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: '仍然保存' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/会议纪要\.pdf$/)
  const minutes = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', await download.path(), '-'])
    .toString('utf8')
    .replace(/\s+/g, '')
  for (const s of [
    '2026年12月党群议事日会议纪要',
    '关于开通小区北门的议题',
    '同意10票',
    '表决结果：未通过',
    '回避表决',
    '安装北门道闸',
    '核验码：7K3QF-9XD2M',
    '第1页共',
  ])
    expect(minutes).toContain(s)
  const fonts = execFileSync('pdffonts', [await download.path()]).toString('utf8')
  expect(fonts).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/)

  // The other documents, one click each (no rare characters in them).
  expect(await savePdf(page, 'signInSheet')).toContain('签到表')
  expect(await savePdf(page, 'resolutionNotice')).toContain('协商结果公示')
  expect(await savePdf(page, 'filingForm')).toContain('重大事项备案表')
  const ballots = await savePdf(page, 'ballots')
  expect(ballots).toContain('表决票（无记名，画√）')
  expect(ballots).toContain('请在相应栏内画√')

  // Posting the resolution notice, 10 days ago for 7 days, with a photo as proof.
  const notice = page.getByTestId('publication-notice')
  await notice.locator('input[name=startsOn]').fill(ago(10))
  await notice.locator('input[name=startsOn]').press('Enter')
  await notice.locator('input[name=objectPhone]').fill('0931-8812345')
  await notice
    .getByTestId('notice-photo')
    .setInputFiles({ name: '公示栏.png', mimeType: 'image/png', buffer: readFileSync('resources/icon.png') })
  await notice.getByTestId('notice-record').click()
  await expect(notice.getByTestId('notice-status')).toContainText(`已于 ${ago(10)} 张贴`)
  await expect(notice.getByTestId('notice-status')).toContainText('公示期已满')
  await expect(notice.getByTestId('notice-status')).toContainText('公示栏.png')
  await expect(page.getByTestId('step-advance')).toBeVisible()

  // An objection blocks the next step until it is answered.
  const objections = page.getByTestId('publication-objections')
  await objections.locator('input[name=objectionFrom]').fill('郑昇')
  await objections.getByTestId('objection-add').click()
  await expect(page.getByText('异议内容：此项必填')).toBeVisible()
  await objections.locator('input[name=objectionContent]').fill('夜间关门时间能否延后到23点？')
  await objections.getByTestId('objection-add').click()
  await expect(objections.getByTestId('objections-table')).toContainText('夜间关门时间')
  await expect(page.getByTestId('step-missing')).toContainText('还有 1 条异议未答复')
  await expect(page.getByTestId('step-advance')).toHaveCount(0)
  await objections.getByRole('button', { name: '答复' }).click()
  await page.locator('textarea[name=answer]').fill('先按22点试行三个月，再征求意见。')
  await page.getByTestId('answer-save').click()
  await expect(objections.getByTestId('objections-table')).toContainText('先按22点试行')

  // The filing record.
  const filing = page.getByTestId('publication-filing')
  await filing.locator('input[name=filingBy]').fill('李秀英')
  await filing.getByTestId('filing-add').click()
  await expect(filing.getByTestId('filings-table')).toContainText('新华路街道')
  await shot(page, 'publication')

  // The dossier, public version: the objection and its answer are in it.
  const dossier = await savePdf(page, 'dossier')
  expect(dossier).toContain('一事一档')
  expect(dossier).toContain('先按22点试行')

  await page.getByTestId('step-advance').click()
  await expect(page.getByTestId('stepper').locator('[data-step=implement]')).toHaveAttribute('data-status', 'current')
  expect(errors.filter((e) => /Content Security Policy|worker/i.test(e))).toEqual([])
})

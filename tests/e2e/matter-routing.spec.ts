// Topics routed onward, through the screens only: a topic in the agenda pool
// is sent into a major matter (四议两公开) with its request and trail; the
// matter's 两委 stage is held as a meeting in the app, so its 应到, 实到, vote
// method and counts come across from that meeting; the 党员大会 stage takes
// 应到 from the branch's roll; the registration form prints the method and the
// sitting's notes. A topic deferred at that meeting (暂缓表决) waits in the
// pool once and goes onto the next meeting, its trail showing both meetings.
import { expect, test, type Page } from '@playwright/test'
import { rosterRows, rosterXlsx } from './fixtures/roster'
import { setUpCommunity, shot } from './support/app'
import {
  at,
  defer,
  goToDay,
  logTopic,
  openStep,
  pdfText,
  pick,
  prepareAgenda,
  signIn,
  startMeeting,
  typeNumber,
  vote,
} from './support/meeting'

const names = rosterRows(30).map((r) => r.姓名)

async function newBody(page: Page, kind: string) {
  await page.goto('/#/bodies')
  await page.getByTestId('body-new').click()
  const dialog = page.getByTestId('body-dialog')
  await pick(page, dialog.locator('.el-select').first(), kind)
  await dialog.getByTestId('body-all-members').click()
  await dialog.getByTestId('body-save').click()
  await expect(page.getByTestId('bodies-table')).toContainText(kind)
}

async function saveSitting(page: Page, verdict: string) {
  const form = page.getByTestId('sitting-form')
  await expect(form.getByTestId('sitting-preview').locator('strong')).toHaveText(verdict)
  await form.getByTestId('sitting-save').click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('记录保存后不能修改')
  await box.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.el-message--success').last()).toContainText(verdict)
}

const stage = (page: Page, id: string) => page.getByTestId('matter-stepper').locator(`[data-stage="${id}"]`)

test('a pool topic becomes a major matter whose stage is held as an app meeting; a deferred topic moves on', async ({
  page,
}) => {
  test.setTimeout(300_000)
  await page.clock.setFixedTime(at('2026-12-01'))
  await setUpCommunity(page)
  await page.getByTestId('roster-file').setInputFiles({
    name: '名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await rosterXlsx(rosterRows(30)),
  })
  await expect(page.getByText('共 30 人')).toBeVisible({ timeout: 30_000 })
  await newBody(page, '两委会议')
  await newBody(page, '党员大会')

  const parkingRequest = {
    description: '北片空地长期闲置堆放杂物，希望改建为停车场缓解停车难',
    channel: '居民说事厅',
    category: '公共设施',
    raisedName: '张秀英',
    dueOn: '2027-02-26',
  }
  await logTopic(page, parkingRequest, '北片空地改建停车场', names[0]!)
  await logTopic(
    page,
    { ...parkingRequest, description: '3号楼老人多，希望加装电梯', raisedName: '李德明' },
    '3号楼加装电梯',
    names[0]!,
  )

  // Step 2 of the December meeting: the parking topic is a major matter; it is sent on from the pool.
  const december = await startMeeting(page, '12月党群议事日')
  const pool = page.getByTestId('agenda-pool')
  await pool.locator('[data-topic="北片空地改建停车场"]').getByTestId('topic-to-matter').click()
  const dialog = page.getByTestId('topic-to-matter-dialog')
  await expect(dialog).toContainText('1 条民情')
  await dialog.getByTestId('topic-to-matter-save').click()
  await expect(dialog).toContainText('请选择提议来源')
  await dialog.getByText('党员群众建议').click()
  await pick(page, dialog.getByTestId('matter-template'), '四议两公开')
  await dialog.getByTestId('topic-to-matter-save').click()
  await expect(page.getByTestId('matter-title')).toHaveText('北片空地改建停车场')
  await expect(page.getByTestId('matter-source')).toContainText('议题关联 1 条民情')
  await page.getByTestId('matter-trail').click()
  const trail = page.getByTestId('trail-dialog')
  await expect(trail.getByTestId('trail-requests')).toContainText('张秀英')
  await expect(trail.getByTestId('trail-events')).toContainText('列为重大事项（四议两公开）')
  await page.keyboard.press('Escape')

  // The Party organisation's proposal, typed by hand with how it was voted.
  const form = page.getByTestId('sitting-form')
  const date = form.locator('input[name=date]')
  await date.fill('2026-12-03')
  await date.press('Enter')
  await page.keyboard.press('Escape')
  await typeNumber(form, 'expected', 5)
  await typeNumber(form, 'present', 5)
  await typeNumber(form, 'for', 5)
  await pick(page, form.getByTestId('sitting-method'), '举手表决')
  await form.locator('textarea[name=note]').fill('支委会认为北片空地改建涉及集体资产，按四议两公开办理。')
  await saveSitting(page, '通过')
  await expect(stage(page, 'discuss')).toHaveAttribute('data-status', 'current')

  // Back in the pool the topic is there once, linked to its matter, and is put on the agenda.
  await page.goto(december)
  await openStep(page, 'confirm', 'agenda-panel')
  const parking = pool.locator('[data-topic="北片空地改建停车场"]')
  await expect(parking).toHaveCount(1)
  await expect(parking.getByTestId('topic-matter-link')).toHaveText('重大事项 · 四议两公开')
  await expect(parking.getByTestId('topic-to-matter')).toHaveCount(0)
  await prepareAgenda(page, {
    title: '12月党群议事日',
    topics: ['北片空地改建停车场', '3号楼加装电梯'],
    chair: names[0]!,
    recorder: names[1]!,
  })

  // Step 4 on the 10th: the 两委 votes the parking lot by show of hands and defers the lift.
  await goToDay(page, '2026-12-10', '19:00')
  await signIn(page, '两委会议', [names[29]!])
  const expected = Number(await page.getByTestId('quorum-expected').first().textContent())
  await expect(page.getByTestId('quorum-present').first()).toHaveText(String(expected - 1))
  await vote(page, 1, { for: 25, against: 3, abstain: 1 }, '通过')
  await defer(page, 2, '需先征求一楼住户意见')

  // The matter's 两委 stage is that meeting: the numbers come across and cannot be typed over.
  await page.goto('/#/matters')
  await page.getByTestId('matters-table').getByText('北片空地改建停车场').click()
  await expect(stage(page, 'discuss')).toHaveAttribute('data-status', 'current')
  await pick(page, form.locator('.el-select').first(), '12月党群议事日')
  await expect(form.getByTestId('sitting-from-meeting')).toContainText('取自该会议的表决记录')
  await expect(form.locator('input[name=date]')).toHaveValue('2026-12-10')
  await expect(form.locator('input[name=expected]')).toHaveValue(String(expected))
  await expect(form.locator('input[name=expected]')).toBeDisabled()
  await expect(form.locator('input[name=present]')).toHaveValue(String(expected - 1))
  await expect(form.locator('input[name=for]')).toHaveValue('25')
  await expect(form.locator('input[name=against]')).toHaveValue('3')
  await expect(form.locator('input[name=abstain]')).toHaveValue('1')
  await expect(form.getByTestId('sitting-method')).toContainText('举手表决')
  await form.locator('textarea[name=note]').fill('逐户核对停车位分配办法，两委会议表决通过。')
  await shot(page, 'matter-stage-from-meeting')
  await saveSitting(page, '通过')
  await stage(page, 'discuss').click()
  await expect(page.getByTestId('stage-discuss').getByTestId('stage-attempts')).toContainText('本软件中的会议')
  await expect(page.getByTestId('stage-discuss').getByTestId('stage-attempts')).toContainText('25 / 3 / 1')
  await stage(page, 'review').click()

  // The Party members' meeting takes 应到 from the branch's roll (the 党员大会 body, 30 members).
  await expect(stage(page, 'review')).toHaveAttribute('data-status', 'current')
  await expect(form.getByTestId('sitting-roll')).toHaveText('取自党员名册（30 人）')
  await expect(form.locator('input[name=expected]')).toHaveValue('30')

  // The registration form prints how each vote was taken and each sitting's notes.
  const printed = await pdfText(page, page.getByTestId('matter-print'), true)
  expect(printed).toMatch(/应到 5人 实到 5人 比例 100\.0%/)
  expect(printed).toMatch(/表决 举手表决 同意 5 反对 0 弃权 0 结果 通过/)
  expect(printed).toMatch(new RegExp(`应到 ${expected}人 实到 ${expected - 1}人`))
  expect(printed).toMatch(/表决 举手表决 同意 25 反对 3 弃权 1 结果 通过/)
  expect(printed).toContain('会议情况 支委会认为北片空地改建涉及集体资产，按四议两公开办理。')
  expect(printed).toContain('会议情况 逐户核对停车位分配办法，两委会议表决通过。')

  // The deferred lift waits once in the January meeting's pool and goes onto its agenda.
  await goToDay(page, '2026-12-11')
  const january = await startMeeting(page, '1月党群议事日')
  const lift = pool.locator('[data-topic="3号楼加装电梯"]')
  await expect(lift).toHaveCount(1)
  await expect(lift.getByTestId('topic-deferred')).toContainText('需先征求一楼住户意见')
  await expect(pool.locator('[data-topic="北片空地改建停车场"]')).toHaveCount(0)
  await lift.getByTestId('topic-schedule').click()
  const item = page.getByTestId('agenda-list').getByTestId('agenda-item')
  await expect(item).toHaveCount(1)
  await expect(lift).toHaveCount(0)
  await item.getByTestId('topic-trail').click()
  const events = page.getByTestId('trail-dialog').getByTestId('trail-events')
  await expect(events).toContainText('12月党群议事日')
  await expect(events).toContainText('需先征求一楼住户意见')
  await expect(events).toContainText('列入1月党群议事日')
  await page.keyboard.press('Escape')
  expect(page.url()).toContain(january.split('#')[1]!)
})

// The whole loop through the screens only, nothing written to IndexedDB by the
// test: a resident's request is logged and assigned, becomes a topic, is put on
// the agenda, researched with a canvass, deliberated and voted with a resolution
// and an action item, sealed, published (notice posted, no objections), carried
// out (progress, the supervisor's check, an evaluation above the pass mark), the
// results notice printed, and the loop closed with the resident's satisfaction.
// Playwright's clock moves the days forward.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { rosterRows, rosterXlsx } from './fixtures/roster'
import { createMeeting, setUpCommunity, shot } from './support/app'

const names = rosterRows(30).map((r) => r.姓名)

/** 2026-12-01, a Tuesday, 09:00 in Shanghai; the meeting is on the community's regular day, the 10th. */
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`)

async function pick(page: Page, select: Locator, option: string) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

async function choose(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId(testId)).toContainText(value)
}

async function setDate(scope: Locator, name: string, value: string) {
  const input = scope.locator(`input[name=${name}]`)
  await input.fill(value)
  await input.press('Enter')
  await expect(input).toHaveValue(value)
}

/** Moves the wall clock to a day and reloads the page, as a user opening the app that morning. */
async function goToDay(page: Page, day: string, time = '09:00') {
  await page.clock.setFixedTime(at(day, time))
  await page.reload()
}

async function openStep(page: Page, step: string, testId: string) {
  await page.getByTestId('stepper').locator(`[data-step=${step}]`).click()
  await expect(page.getByTestId(testId)).toBeVisible()
}

/** Moves the meeting on to the next step once its guard is met. */
async function advance(page: Page, to: string) {
  await page.mouse.move(20, 600)
  await expect(page.locator('.el-message')).toHaveCount(0)
  await page.getByTestId('step-advance').click({ timeout: 15_000 })
  await expect(page.getByTestId('stepper').locator(`[data-step=${to}]`)).toHaveAttribute('data-status', 'current')
}

async function pdfText(page: Page, button: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()])
  return execFileSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'])
    .toString('utf8')
    .replace(/\s+/g, '')
}

test('the whole loop: a request logged, decided, published, carried out, evaluated and closed', async ({ page }) => {
  test.setTimeout(240_000)
  await page.clock.setFixedTime(at('2026-12-01'))
  await setUpCommunity(page)
  // The roster, checked by its count rather than by the toast, which a loaded machine can miss.
  await page.getByTestId('roster-file').setInputFiles({
    name: '名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await rosterXlsx(rosterRows(30)),
  })
  await expect(page.getByText('共 30 人')).toBeVisible({ timeout: 30_000 })

  // A residents' council of the whole roster decides the community's affairs here.
  await page.goto('/#/bodies')
  await page.getByTestId('body-new').click()
  const bodyDialog = page.getByTestId('body-dialog')
  await pick(page, bodyDialog.locator('.el-select').first(), '村民代表会议')
  await bodyDialog.getByTestId('body-all-members').click()
  await bodyDialog.getByTestId('body-save').click()
  await expect(page.getByTestId('bodies-table')).toContainText('村民代表会议')

  // Step 1: a resident's request is logged and handed to a grid worker.
  await page.goto('/#/ledger')
  const request = '小区北门常年锁闭，居民上班要绕行一公里，希望开放北门'
  await page.locator('textarea[name=description]').fill(request)
  await choose(page, 'entry-channel', '居民说事厅')
  await choose(page, 'entry-category', '道路交通')
  await page.getByTestId('ledger-entry').getByTestId('entry-type').getByText('承诺件').click()
  await setDate(page.getByTestId('ledger-entry'), 'dueOn', '2027-01-31')
  await page.locator('input[name=raisedName]').fill('张秀英')
  await page.locator('input[name=place]').fill('3号楼')
  await page.locator('input[name=place]').press('Enter')
  await expect(page.getByText(`已登记：${request.slice(0, 20)}`).first()).toBeVisible()
  const row = page.getByTestId('ledger-table').locator('.el-table__body-wrapper tr', { hasText: '希望开放北门' })
  await row.getByTestId('row-detail').click()
  const drawer = page.getByTestId('request-drawer')
  await drawer.getByRole('tab', { name: '交办' }).click()
  const handler = drawer.getByTestId('request-handler')
  await handler.locator('input[name=handlerName]').fill('网格员小周')
  await pick(page, handler.getByTestId('handler-kind'), '网格员')
  await setDate(handler, 'handlerDueOn', '2026-12-08')
  await handler.getByTestId('handler-save').click()
  await expect(handler.getByTestId('handler-current')).toContainText('网格员小周（网格员）')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // It becomes a topic.
  await row.getByTestId('row-triage').click()
  const triage = page.getByTestId('triage-dialog')
  await triage.getByTestId('decision-topic').click()
  await triage.locator('input[name=topicTitle]').fill('开放小区北门')
  await triage.locator('input[name=decidedBy]').fill(names[0]!)
  await triage.getByTestId('triage-save').click()
  await expect(row).toContainText('已列为议题')

  // Step 2: a meeting on the 10th with that topic, its basics, people and notice.
  await createMeeting(page, '12月党群议事日')
  const meetingUrl = page.url().replace(/#\/meetings\/([^/]+).*$/, '#/meetings/$1')
  await advance(page, 'confirm')
  await openStep(page, 'confirm', 'agenda-panel')
  await expect(page.locator('input[name=date]')).toHaveValue('2026-12-10')
  await page.getByTestId('agenda-pool').locator('[data-topic=开放小区北门]').getByTestId('topic-schedule').click()
  await expect(page.getByTestId('agenda-list').getByTestId('agenda-item')).toHaveCount(1)
  await page.locator('input[name=startTime]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '19:00' }).click()
  await page.locator('input[name=place]').fill('社区党群服务中心二楼会议室')
  for (const [field, name] of [
    ['chair', names[0]!],
    ['recorder', names[1]!],
  ] as const) {
    await page.locator(`input[name=${field}]`).click()
    await page.keyboard.type(name)
    await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
  }
  await page.getByTestId('agenda-basics-save').click()
  await expect(page.getByTestId('meeting-title').locator('..')).toContainText('2026-12-10 19:00')
  await page.getByTestId('invite-roles').click()
  await expect(page.getByText(/已邀请 \d+ 人/).first()).toBeVisible()
  await page.getByTestId('notice-save').click()
  await expect(page.getByTestId('notice-recorded')).toBeVisible()
  await advance(page, 'research')

  // Step 3: a door-to-door canvass of the buildings by the gate.
  await openStep(page, 'research', 'research-panel')
  const research = page.getByTestId('research-panel')
  await research.getByTestId('research-topics').getByText('开放小区北门').click()
  const canvass = research.getByTestId('research-canvass')
  await canvass.locator('input[name=canvassQuestion]').fill('是否同意开放小区北门')
  for (const [k, v] of ['1-6号楼', 120, 104, 6, 4, 6].entries()) {
    const input = canvass.locator(
      `input[name=${['group', 'asked', 'agree', 'disagree', 'noAnswer', 'notReached'][k]}0]`,
    )
    await input.fill(String(v))
    await input.press('Tab')
  }
  await canvass.getByTestId('canvass-save').click()
  await expect(canvass.getByTestId('canvass-saved')).toContainText('走访 120 户，104 户同意')
  await advance(page, 'deliberate')

  // Step 4 on the 10th: sign-in, the vote, the resolution with its action item, sealing.
  await goToDay(page, '2026-12-10', '19:00')
  await openStep(page, 'deliberate', 'deliberation')
  await pick(page, page.getByTestId('body-picker').locator('.el-select'), '村民代表会议')
  await page.getByTestId('sign-in-start').click()
  await expect(page.getByText(/已生成签到表：\d+ 人/)).toBeVisible()
  await page.getByTestId('sign-in-all').click()
  await page.getByTestId(`state-${names[29]}`).getByText('请假').click()
  await expect(page.getByTestId('quorum-present')).toHaveText('29')
  await page.getByRole('tab', { name: '逐项议事' }).click()
  // Signed in, the console is in its compact live mode: one topic at a time, named in the chips above it.
  await expect(page.getByTestId('live-topic-1')).toContainText('开放小区北门')
  await expect(page.getByTestId('live-topic-1')).toHaveAttribute('aria-selected', 'true')
  const topic = page.getByTestId('topic-1')
  await topic.getByTestId('vote-open').click()
  for (const [k, v] of [
    ['for', 26],
    ['against', 2],
    ['abstain', 1],
    ['invalid', 0],
  ] as const) {
    await topic.locator(`input[name=count-${k}]`).fill(String(v))
    await topic.locator(`input[name=count-${k}]`).press('Tab')
  }
  await topic.getByTestId('vote-close').click()
  await page
    .locator('.el-message-box__btns .el-button--primary')
    .click({ timeout: 2_000 })
    .catch(() => undefined)
  await expect(topic.getByTestId('vote-result')).toHaveText('通过')
  const resolution = topic.locator('[data-testid^=resolution-]')
  await resolution.locator('textarea[name=resolutionText]').fill('同意开放小区北门，每日6:00至22:00通行，加装门禁。')
  await resolution.getByTestId('item-add').click()
  for (const [k, v] of [
    ['title', '北门加装门禁并开放'],
    ['owner', '物业服务中心'],
    ['standard', '门禁运行正常，北门按时开放'],
    ['dueOn', '2027-01-10'],
    ['supervisor', '居务监督委员会'],
  ]) {
    const input = resolution.locator(`input[name=item1-${k}]`)
    await input.fill(v!)
    if (k === 'dueOn') await input.press('Enter')
  }
  await resolution.getByTestId('resolution-save').click()
  await expect(page.getByText('决议已保存')).toBeVisible()
  await page.getByRole('tab', { name: '闭会封存' }).click()
  await expect(page.getByTestId('seal-blocker')).toHaveCount(0)
  await page.getByTestId('seal-button').click()
  await page.getByRole('button', { name: '闭会并封存' }).last().click()
  await expect(page.getByTestId('verification-code')).toBeVisible()
  await page.goto(meetingUrl)
  await advance(page, 'publish')

  // Step 5 the next morning: the resolution notice is posted for its period; nobody objects.
  await goToDay(page, '2026-12-11')
  await openStep(page, 'publish', 'publication')
  const notice = page.getByTestId('publication-notice')
  await notice.getByTestId('notice-record').click()
  await expect(notice.getByTestId('notice-status')).toContainText('已于 2026-12-11 张贴')
  await expect(page.getByTestId('step-missing')).toContainText('公示期')
  await goToDay(page, '2026-12-19')
  await expect(page.getByTestId('publication-objections').locator('tbody tr')).toHaveCount(0)
  await expect(page.getByTestId('step-gate')).not.toContainText('异议')
  await advance(page, 'implement')

  // Step 6: the owner reports progress and completion, the supervisor checks, residents evaluate.
  await goToDay(page, '2026-12-28')
  await page.goto('/#/followup')
  await page.getByTestId('item-北门加装门禁并开放').click()
  const item = page.getByTestId('item-drawer')
  await item.getByTestId('act-progress').click()
  const progress = item.getByTestId('form-progress')
  await setDate(progress, 'on', '2026-12-20')
  await progress.locator('input[name=percent]').fill('60')
  await progress.locator('textarea[name=note]').fill('门禁设备已安装，正在录入居民信息')
  await progress.getByTestId('progress-submit').click()
  await expect(item.getByTestId('drawer-status')).toHaveText('进行中')
  for (const verb of ['reportDone', 'accept'] as const) {
    await item.getByTestId(`act-${verb}`).click()
    const form = item.getByTestId(`form-${verb}`)
    await setDate(form, 'on', '2026-12-28')
    if (verb === 'accept') await form.locator('textarea[name=note]').fill('现场查看，门禁刷卡正常')
    await form.getByTestId('status-submit').click()
  }
  await expect(item.getByTestId('drawer-status')).toHaveText('已验收待评议')
  await item.getByTestId('act-evaluate').click()
  const evaluation = item.getByTestId('form-evaluate')
  for (const [k, n] of [
    ['satisfied', 38],
    ['fairlySatisfied', 9],
    ['unsatisfied', 3],
  ] as const) {
    await evaluation.locator(`input[name=count-${k}]`).fill(String(n))
    await evaluation.locator(`input[name=count-${k}]`).blur()
  }
  await evaluation.getByTestId('evaluate-submit').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await expect(page.getByText('评议通过，满意率 94.0%，事项已办结')).toBeVisible()
  await expect(item.getByTestId('drawer-status')).toHaveText('已办结')

  // The results notice, printed; the resident is told and is satisfied: the loop closes.
  await page.goto(meetingUrl)
  await openStep(page, 'implement', 'followup-panel')
  const results = page.getByTestId('results-notice')
  await results.getByTestId('notice-post').click()
  await expect(page.getByText('已张贴公示，公示期至')).toBeVisible()
  const printed = await pdfText(page, results.getByTestId('notice-pdf'))
  expect(printed).toContain('实施结果公示')
  expect(printed).toContain('北门加装门禁并开放')
  expect(printed).toContain('满意率94.0%')
  const loop = page.getByTestId('loop-close')
  await loop.locator('textarea[name=feedback]').fill('北门已开放并加装门禁，群众评议满意率 94%')
  await pick(page, loop.getByTestId('loop-method'), '入户')
  await loop.getByTestId('loop-satisfaction').getByText('满意', { exact: true }).click()
  await loop.locator('tbody tr', { hasText: '张秀英' }).locator('.el-checkbox').click()
  await loop.getByTestId('loop-submit').click()
  await expect(page.getByText('已记录反馈，1 条诉求已闭环')).toBeVisible()
  await expect(loop.getByText('已闭环（2026-12-28）')).toBeVisible()
  await expect(page.getByTestId('step-gate')).toContainText('全部步骤已完成')
  await shot(page, 'loop-closed')

  // The ledger and the statistics count it resolved and satisfied.
  await page.goto('/#/ledger')
  await expect(row).toContainText('已归档')
  await page.goto('/#/stats?from=2026-12-01&to=2026-12-31')
  await expect(page.getByTestId('stats-summary')).toContainText('共受理群众诉求 1 件，已解决 1 件')
  await expect(page.getByTestId('tile-resolution')).toContainText('100.0%')
  await expect(page.getByTestId('tile-loops')).toContainText('1')
  await expect(page.getByTestId('tile-satisfaction')).toContainText('94.0%')
  await expect(page.getByTestId('tile-request-satisfaction')).toContainText('100.0%')
  await shot(page, 'loop-stats')
})

// Readable for older eyes (issue 16, item 11): every screen of the console,
// filled with a meeting's real records made through the screens, and the
// projector's slides, are checked with axe-core's color-contrast rule; no text
// may fall below 4.5:1 (large text included). The same sweep runs again with
// 大字号 on, which must scale the console and keep it readable. The keyboard's
// focus ring is checked on a button, a menu item, an input and a radio.
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { rosterRows, rosterXlsx } from './fixtures/roster'
import { createMeeting, setUpCommunity, shot } from './support/app'
import { lowContrast, type LowContrast } from './support/contrast'

const names = rosterRows(30).map((r) => r.姓名)
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

async function openStep(page: Page, step: string, testId: string) {
  await page.getByTestId('stepper').locator(`[data-step=${step}]`).click()
  await expect(page.getByTestId(testId)).toBeVisible()
}

async function advance(page: Page, to: string) {
  await page.mouse.move(20, 600)
  await expect(page.locator('.el-message')).toHaveCount(0)
  await page.getByTestId('step-advance').click({ timeout: 15_000 })
  await expect(page.getByTestId('stepper').locator(`[data-step=${to}]`)).toHaveAttribute('data-status', 'current')
}

/** Low-contrast text found so far, over every screen; reported together at the end. */
const found: LowContrast[] = []

// One page through every test: the records are made once, through the screens, then looked at.
test.describe.configure({ mode: 'serial' })
let page: Page
let context: BrowserContext
let meetingUrl = ''
let matterUrl = ''

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext()
  page = await context.newPage()
})
test.afterAll(async () => context.close())

async function check(page: Page, screen: string) {
  const low = await lowContrast(page, screen)
  // Printed as found, so a run that stops early still tells what it saw.
  for (const l of low) console.log(`low contrast: ${JSON.stringify(l)}`)
  found.push(...low)
}

const TOP_ROUTES = [
  '/settings',
  '/roster',
  '/bodies',
  '/meetings',
  '/ledger',
  '/matters',
  '/templates',
  '/followup',
  '/stats?from=2026-12-01&to=2026-12-31',
  '/report',
  '/backup',
  '/privacy',
]
const MEETING_STEPS = ['', '/agenda', '/research', '/deliberation', '/publication', '/followup']
const DELIBERATION_TABS = ['签到', '逐项议事', '闭会封存']

/** The CSS viewport a 1366×768 laptop gives the page at a browser zoom. */
const zoomed = (zoom: number) => ({ width: Math.round(1366 / zoom), height: Math.round(768 / zoom) })

/** The live mode on each of its tabs at 100% and 150%, for looking at (test-results/live). */
async function liveShots(page: Page, label: string) {
  for (const tab of DELIBERATION_TABS) {
    await page.getByRole('tab', { name: tab }).click()
    for (const zoom of [1, 1.5]) {
      await page.setViewportSize(zoomed(zoom))
      await page.waitForTimeout(300)
      await page.screenshot({ path: `test-results/live/${label}-${tab}-${zoom * 100}.png` })
    }
    await check(page, `live ${label} ${tab}`)
  }
  await page.setViewportSize({ width: 1366, height: 860 })
}

/** Every route of the console, the meeting's steps and the deliberation tabs, each checked. */
async function sweep(page: Page, meetingUrl: string, matterUrl: string, label: string) {
  for (const route of TOP_ROUTES) {
    await page.goto(`/#${route}`)
    await expect(page.locator('.page, .el-main').first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    await check(page, `${label} ${route}`)
  }
  await page.goto(matterUrl)
  await expect(page.getByTestId('matter-title')).toBeVisible()
  await check(page, `${label} matter`)
  await page.goto('/#/templates')
  await page.locator('[data-testid^=template-open-]').first().click()
  await expect(page.getByTestId('template-title')).toBeVisible()
  await check(page, `${label} template`)
  for (const step of MEETING_STEPS) {
    await page.goto(`${meetingUrl}${step}`)
    await expect(page.getByTestId('meeting-title')).toBeVisible()
    await page.waitForLoadState('networkidle')
    await check(page, `${label} meeting${step}`)
  }
  await page.goto(`${meetingUrl}/deliberation`)
  for (const tab of DELIBERATION_TABS) {
    await page.getByRole('tab', { name: tab }).click()
    await check(page, `${label} deliberation ${tab}`)
  }
  // A request's drawer and the triage dialog (the ledger's two overlays).
  await page.goto('/#/ledger')
  const row = page.getByTestId('ledger-table').locator('.el-table__body-wrapper tr').first()
  await row.getByTestId('row-detail').click()
  await expect(page.getByTestId('request-drawer')).toBeVisible()
  await check(page, `${label} request drawer`)
  await page.keyboard.press('Escape')
}

test('a meeting made through the screens, checked at each step and on the projector', async () => {
  test.setTimeout(600_000)
  await page.clock.setFixedTime(at('2026-12-01'))
  await setUpCommunity(page)
  await check(page, 'first run → roster')
  await page.getByTestId('roster-file').setInputFiles({
    name: '名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await rosterXlsx(rosterRows(30)),
  })
  await expect(page.getByText('共 30 人')).toBeVisible({ timeout: 30_000 })

  await page.goto('/#/bodies')
  await page.getByTestId('body-new').click()
  const bodyDialog = page.getByTestId('body-dialog')
  await pick(page, bodyDialog.locator('.el-select').first(), '村民代表会议')
  await bodyDialog.getByTestId('body-all-members').click()
  await check(page, 'body dialog')
  await bodyDialog.getByTestId('body-save').click()
  await expect(page.getByTestId('bodies-table')).toContainText('村民代表会议')

  // A request, assigned and made a topic; a second one left open for the ledger's states.
  await page.goto('/#/ledger')
  for (const [text, place] of [
    ['小区北门常年锁闭，居民上班要绕行一公里，希望开放北门', '3号楼'],
    ['5号楼楼道灯坏了两个月，晚上老人上下楼看不清', '5号楼'],
  ]) {
    await page.locator('textarea[name=description]').fill(text!)
    await choose(page, 'entry-channel', '居民说事厅')
    await choose(page, 'entry-category', '道路交通')
    await page.locator('input[name=raisedName]').fill('张秀英')
    await page.locator('input[name=place]').fill(place!)
    await page.locator('input[name=place]').press('Enter')
    await expect(page.getByTestId('ledger-table')).toContainText(text!.slice(0, 12), { timeout: 30_000 })
  }
  const row = page.getByTestId('ledger-table').locator('.el-table__body-wrapper tr', { hasText: '希望开放北门' })
  await row.getByTestId('row-triage').click()
  const triage = page.getByTestId('triage-dialog')
  await triage.getByTestId('decision-topic').click()
  await check(page, 'triage dialog')
  await triage.locator('input[name=topicTitle]').fill('开放小区北门')
  await triage.locator('input[name=decidedBy]').fill(names[0]!)
  await triage.getByTestId('triage-save').click()
  await expect(row).toContainText('已列为议题')

  // A major matter under 四议两公开.
  await page.goto('/#/matters')
  await page.getByTestId('matter-new').click()
  const matterDialog = page.getByTestId('matter-create')
  await matterDialog.locator('input[name=matterTitle]').fill('老旧小区加装电梯')
  await matterDialog.getByText('村（社区）干部提出').click()
  await check(page, 'matter dialog')
  await matterDialog.getByTestId('matter-create-save').click()
  await expect(page.getByTestId('matter-title')).toHaveText('老旧小区加装电梯')
  matterUrl = page.url()

  // The meeting: agenda with its people and notice, a canvass, sign-in, a vote, a resolution, sealed.
  await createMeeting(page, '12月党群议事日')
  meetingUrl = page.url().replace(/#\/meetings\/([^/]+).*$/, '#/meetings/$1')
  await advance(page, 'confirm')
  await openStep(page, 'confirm', 'agenda-panel')
  await page.getByTestId('agenda-pool').locator('[data-topic=开放小区北门]').getByTestId('topic-schedule').click()
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
  await page.getByTestId('invite-roles').click()
  await expect(page.getByTestId('participant-table')).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('notice-save').click()
  await expect(page.getByTestId('notice-recorded')).toBeVisible()
  await check(page, 'agenda filled')
  await advance(page, 'research')
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
  await check(page, 'research filled')
  await advance(page, 'deliberate')

  await page.clock.setFixedTime(at('2026-12-10', '19:00'))
  await page.reload()
  await openStep(page, 'deliberate', 'deliberation')
  await pick(page, page.getByTestId('body-picker').locator('.el-select'), '村民代表会议')
  await page.getByTestId('sign-in-start').click()
  await expect(page.getByTestId('sign-in-all')).toBeVisible({ timeout: 30_000 })
  await check(page, 'sign-in empty')
  await page.getByTestId('sign-in-all').click()
  await page.getByTestId(`state-${names[29]}`).getByText('请假').click()
  await expect(page.getByTestId('quorum-present')).toHaveText('29')
  await check(page, 'sign-in live')

  // The projector window, on each slide the chair shows.
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-open').click()])
  await projector.setViewportSize({ width: 1280, height: 720 })
  for (const slide of ['standby', 'agenda', 'quorum']) {
    await page.getByTestId(`slide-${slide}`).click()
    await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', slide)
    await check(projector, `projector ${slide}`)
  }

  await page.getByRole('tab', { name: '逐项议事' }).click()
  const topic = page.getByTestId('topic-1')
  await check(page, 'topic live')
  await topic.getByTestId('project-topic').click()
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', 'topic')
  await check(projector, 'projector topic')
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
  await check(page, 'vote open')
  await topic.getByTestId('vote-close').click()
  await page
    .locator('.el-message-box__btns .el-button--primary')
    .click({ timeout: 2_000 })
    .catch(() => undefined)
  await expect(topic.getByTestId('vote-result')).toHaveText('通过')
  await topic.getByTestId('project-result').click()
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', 'result')
  await check(projector, 'projector result')
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
  await expect(topic.getByTestId('project-resolution')).toBeVisible({ timeout: 30_000 })
  await check(page, 'resolution saved')
  await topic.getByTestId('project-resolution').click()
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', 'resolution')
  await check(projector, 'projector resolution')
  // The live mode on every tab, then the same with 大字号 switched on from the folded sidebar.
  await expect(page.getByTestId('live-menu')).toBeVisible()
  await liveShots(page, 'standard')
  await page.getByTestId('live-menu').click()
  await page.getByTestId('large-text').click()
  await page.getByTestId('sidebar-backdrop').click()
  await expect(page.locator('html')).toHaveClass(/sl-large-text/)
  await liveShots(page, 'large-text')
  await page.getByTestId('live-menu').click()
  await page.getByTestId('large-text').click()
  await page.getByTestId('sidebar-backdrop').click()
  await expect(page.locator('html')).not.toHaveClass(/sl-large-text/)
  await page.getByRole('tab', { name: '闭会封存' }).click()
  await page.getByTestId('seal-button').click()
  await check(page, 'seal confirm')
  await page.getByRole('button', { name: '闭会并封存' }).last().click()
  await expect(page.getByTestId('verification-code')).toBeVisible()
  await check(page, 'sealed')
  await projector.close()
  await page.goto(meetingUrl)
  await advance(page, 'publish')
  await page.clock.setFixedTime(at('2026-12-11'))
  await page.reload()
  await openStep(page, 'publish', 'publication')
  await page.getByTestId('publication-notice').getByTestId('notice-record').click()
  await expect(page.getByTestId('publication-notice').getByTestId('notice-status')).toContainText('已于 2026-12-11')

  // The follow-up board with the action item in progress.
  await page.goto('/#/followup')
  await page.getByTestId('item-北门加装门禁并开放').click()
  await expect(page.getByTestId('item-drawer')).toBeVisible()
  await check(page, 'action item drawer')
  await page.keyboard.press('Escape')
})

test('every route, every step and every deliberation tab', async () => {
  test.setTimeout(600_000)
  await sweep(page, meetingUrl, matterUrl, '标准')
})

test('大字号 scales the console, is kept, and every screen still reads', async () => {
  test.setTimeout(600_000)
  // 大字号: one switch, kept on this machine, makes the text and the controls larger.
  await page.goto('/#/meetings')
  const bodySize = () =>
    page
      .locator('.el-menu-item')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  const controlHeight = () => page.getByTestId('meeting-new').evaluate((e) => e.getBoundingClientRect().height)
  const [normalText, normalControl] = [await bodySize(), await controlHeight()]
  await page.getByTestId('large-text').click()
  expect(await bodySize()).toBeGreaterThanOrEqual(normalText * 1.25)
  expect(await controlHeight()).toBeGreaterThanOrEqual(normalControl * 1.2)
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/sl-large-text/)
  await shot(page, 'contrast-large-text-meetings')
  await sweep(page, meetingUrl, matterUrl, '大字号')
  await page.goto(`${meetingUrl}/deliberation`)
  await shot(page, 'contrast-large-text-deliberation')
})

test('a visible focus ring on an input, a menu item, a button and a radio', async () => {
  // The focus ring: reached by Tab, drawn in the ring colour, on each kind of control.
  await page.goto('/#/ledger')
  const ring = async (locator: Locator) =>
    locator.evaluate((e) => {
      const s = getComputedStyle(e)
      return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`
    })
  // Chrome shows :focus-visible on a programmatic focus when the last input was the keyboard.
  const RING = 'solid 3px rgb(180, 83, 9)'
  const focusByKeyboard = async (locator: Locator) => {
    await page.keyboard.press('Shift')
    await locator.focus()
  }
  await focusByKeyboard(page.locator('textarea[name=description]'))
  await expect.poll(() => ring(page.locator('.el-textarea:has(textarea[name=description])'))).toBe(RING)
  await focusByKeyboard(page.locator('.el-menu-item').first())
  await expect.poll(() => ring(page.locator('.el-menu-item').first())).toBe(RING)
  await focusByKeyboard(page.getByTestId('row-detail').first())
  await expect.poll(() => ring(page.getByTestId('row-detail').first())).toBe(RING)
  const types = page.getByTestId('ledger-entry').getByTestId('entry-type')
  await focusByKeyboard(types.locator('input').first())
  await expect.poll(() => ring(types.locator('.el-radio-button__inner').first())).toBe(RING)
  await shot(page, 'contrast-focus-ring')
})

test('no text anywhere below 4.5:1', () => {
  expect(found, JSON.stringify(found, null, 1)).toEqual([])
})

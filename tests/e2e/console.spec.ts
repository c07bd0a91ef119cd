import { expect, test, type Locator, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { rosterRows } from './fixtures/roster'
import { pinyin } from 'pinyin-pro'
import { createMeeting, importRoster, setUpCommunity, shot, skipToDeliberation } from './support/app'

// The secretary in front of thirty residents (issue 16): keys that never change
// the record, steps and dates that hold, paper that never contradicts itself.

const names = rosterRows(30).map((r) => r.姓名)

async function pick(page: Page, select: Locator, option: string) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** A community with 30 people, a 村民代表会议 body of all of them, and a meeting on its deliberation step. */
async function liveMeeting(page: Page, title = '2026年12月村民代表会议') {
  await setUpCommunity(page)
  await importRoster(page, 30)
  await page.goto('/#/bodies')
  await page.getByTestId('body-new').click()
  const dialog = page.getByTestId('body-dialog')
  await pick(page, dialog.locator('.el-select').first(), '村民代表会议')
  await dialog.getByTestId('body-all-members').click()
  await dialog.getByTestId('body-save').click()
  await createMeeting(page, title)
  await skipToDeliberation(page)
  await pick(page, page.getByTestId('body-picker').locator('.el-select'), '村民代表会议')
}

async function addTopic(page: Page, title: string, description: string) {
  await page.locator('input[name=topicTitle]').fill(title)
  await page.locator('textarea[name=topicDescription]').fill(description)
  await page.getByTestId('topic-add-save').click()
  await expect(page.getByTestId('topics')).toContainText(title)
}

test('→ after clicking 出席 changes nothing on the sheet and moves the slide; ? lists the keys', async ({
  page,
  context,
}) => {
  await liveMeeting(page)
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await addTopic(page, '小区北门开通方案', '开通北门方便居民出行，需加装门禁。')
  await addTopic(page, '停车位收费标准调整', '地面停车位月租由 60 元调整为 80 元。')
  await page.getByRole('tab', { name: '签到' }).click()
  await page.getByTestId('sign-in-start').click()
  await page.locator('.el-message-box').getByRole('button', { name: '改为今天' }).click()
  // These checks read the full layout; the compact live mode has its own test.
  await page.getByTestId('live-off').click()
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-open').click()])
  const screen = projector.getByTestId('projector')
  await expect(screen).toHaveAttribute('data-slide', 'standby')

  // Click 出席 on one row: the radio has focus. → must not move it to 缺席.
  const row = page.getByTestId(`state-${names[3]}`)
  await row.getByText('出席', { exact: true }).click()
  await expect(page.getByTestId('quorum-present')).toHaveText('1')
  await page.keyboard.press('ArrowRight')
  await expect(screen).toHaveAttribute('data-slide', 'topic')
  await expect(screen).toContainText('小区北门开通方案')
  await page.keyboard.press('ArrowRight')
  await expect(screen).toContainText('停车位收费标准调整')
  await expect(row.locator('input[value=present]')).toBeChecked()
  await expect(page.getByTestId('quorum-present')).toHaveText('1')
  await page.keyboard.press('ArrowLeft')
  await expect(screen).toContainText('小区北门开通方案')
  await expect(row.locator('input[value=present]')).toBeChecked()

  // After clicking a slide button, → is still "next topic", not the next radio (法定人数, then black).
  await page.getByTestId('slide-agenda').click()
  await expect(screen).toHaveAttribute('data-slide', 'agenda')
  await page.keyboard.press('ArrowRight')
  await expect(screen).toHaveAttribute('data-slide', 'topic')
  await page.keyboard.press('PageDown')
  await expect(screen).toContainText('停车位收费标准调整')

  // A focused meeting-role select keeps its value too.
  const role = page.getByTestId(`role-${names[5]}`)
  await expect(role).toContainText('表决成员')
  await role.locator('input').focus()
  await page.keyboard.press('ArrowLeft')
  await expect(screen).toContainText('小区北门开通方案')
  await expect(role).toContainText('表决成员')

  // Typing in a text field is typing, not a shortcut.
  await page.locator('input[name=walkInName]').fill('')
  await page.locator('input[name=walkInName]').press('b')
  await expect(screen).toHaveAttribute('data-slide', 'topic')
  await expect(page.locator('input[name=walkInName]')).toHaveValue('b')

  // ? opens the list of keys with what each does now.
  await page.getByTestId('sign-in-table').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('?')
  const help = page.getByTestId('shortcut-help')
  await expect(help).toBeVisible()
  await expect(help.getByTestId('help-nextTopic')).toContainText('投屏议题：停车位收费标准调整')
  await expect(help.getByTestId('help-toggleBlack')).toContainText('投影黑屏')
  await shot(page, 'console-shortcut-help')
})

test('an impossible day is refused in red and changes nothing; sign-in on another day offers today', async ({
  page,
}) => {
  await liveMeeting(page)
  await page.goto(page.url().replace(/\/deliberation$/, ''))
  const date = page.locator('input[name=date]')
  await date.fill('2026/13/45')
  await date.press('Enter')
  await expect(page.getByText('没有这一天：2026/13/45')).toBeVisible()
  await expect(page.locator('.el-date-editor.is-bad-day')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await page.getByTestId('basics-save').click()
  await expect(page.getByTestId('meeting-title').locator('..')).not.toContainText('2027-02-14')
  await shot(page, 'console-bad-day')
  await date.fill('2026-12-10')
  await date.press('Enter')
  await page.keyboard.press('Escape')
  await page.getByTestId('basics-save').click()
  await expect(page.getByTestId('meeting-title').locator('..')).toContainText('2026-12-10')

  // Sign-in on another day than the meeting's: asked, and moved to today when the chair says so.
  await page.goto(page.url() + '/deliberation')
  await page.getByTestId('sign-in-start').click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('本次会议的日期是 2026-12-10')
  await box.getByRole('button', { name: '改为今天' }).click()
  await expect(page.getByText('已生成签到表：30 人')).toBeVisible()
  // These checks read the full layout; the compact live mode has its own test.
  await page.getByTestId('live-off').click()
  const today = await page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
  await expect(page.getByTestId('meeting-title').locator('..')).toContainText(today)
})

async function counts(scope: Locator, c: [number, number, number, number]) {
  const keys = ['for', 'against', 'abstain', 'invalid']
  for (let i = 0; i < 4; i++) {
    const input = scope.locator(`input[name=count-${keys[i]}]`)
    await input.fill(String(c[i]))
    await input.press('Tab')
  }
}

async function savePdfText(page: Page, doc: string): Promise<string> {
  const downloading = page.waitForEvent('download', { timeout: 60_000 })
  await page.locator(`[data-doc=${doc}] button`).last().click()
  const file = await (await downloading).path()
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, '')
}

test('a failed vote takes no action items and the notice says 未通过; a typed resolution survives leaving', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await liveMeeting(page)
  await page.getByTestId('sign-in-start').click()
  await page.locator('.el-message-box').getByRole('button', { name: '改为今天' }).click()
  // These checks read the full layout; the compact live mode has its own test.
  await page.getByTestId('live-off').click()
  for (const name of names.slice(0, 25))
    await page.getByTestId(`state-${name}`).getByText('出席', { exact: true }).click()
  await expect(page.getByTestId('quorum-present')).toHaveText('25')
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await addTopic(page, '更换小区门禁系统', '现有门禁老化，拟整体更换为人脸识别门禁。')
  await addTopic(page, '小区北门开通方案', '开通北门方便居民出行。')
  const t1 = page.getByTestId('topic-1')
  const res1 = t1.locator('[data-testid^=resolution-]')

  // While the vote is open no resolution can be saved.
  await t1.getByTestId('vote-open').click()
  await expect(res1.getByTestId('resolution-save')).toBeDisabled()
  await counts(t1, [12, 8, 5, 0])
  await t1.getByTestId('vote-close').click()
  const sure = page.locator('.el-message-box')
  await sure.getByRole('button', { name: '确认结束表决' }).click()
  await expect(t1.getByTestId('vote-result')).toHaveText('未通过')

  // 未通过: the resolution opens with the fixed not-adopted line and offers no action items.
  await expect(res1.getByTestId('resolution-not-adopted')).toContainText('不设落实事项')
  await expect(res1.getByTestId('resolution-fixed')).toHaveText('经表决，本议题未获通过，不予实施。')
  await expect(res1.getByTestId('item-add')).toHaveCount(0)
  await res1.locator('textarea[name=resolutionText]').fill('建议物业重新询价后再提交议事会。')
  await res1.getByTestId('resolution-save').click()
  await expect(page.getByText('决议已保存')).toBeVisible()
  await shot(page, 'console-failed-resolution')

  // A resolution typed on topic 2 survives a click on the menu and the way back.
  const res2 = page.getByTestId('topic-2').locator('[data-testid^=resolution-]')
  const typed = '同意开通小区北门，加装人脸识别门禁，费用由公共收益列支。'
  await res2.locator('textarea[name=resolutionText]').fill(typed)
  const url = page.url()
  await page.getByRole('menuitem', { name: '民情台账' }).click()
  await expect(page.locator('.el-message-box')).toContainText('还有未保存的内容')
  await page.locator('.el-message-box').getByRole('button', { name: '留下继续编辑' }).click()
  await expect(page).toHaveURL(url)
  await page.getByRole('menuitem', { name: '民情台账' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '离开' }).click()
  await expect(page).not.toHaveURL(url)
  await page.goto(url)
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await expect(page.getByTestId('topic-2').locator('textarea[name=resolutionText]')).toHaveValue(typed)

  // The resolution notice for the failed topic says 未通过 and never 同意更换.
  await page.getByRole('menuitem', { name: '民情台账' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '离开' }).click()
  await expect(page).not.toHaveURL(url)
  await page.goto(url.replace(/\/deliberation$/, '/publication'))
  await expect(page.getByTestId('publication-docs')).toBeVisible()
  const notice = await savePdfText(page, 'resolutionNotice')
  expect(notice).toContain('更换小区门禁系统')
  expect(notice).toContain('未通过')
  expect(notice).toContain('经表决，本议题未获通过，不予实施。')
  expect(notice).not.toContain('同意更换')
})

/** The shortest pinyin-initials prefix that makes `target` the first of `remaining` found (sheet order). */
function shortestPrefix(target: string, remaining: string[]): string {
  const initials = (n: string) =>
    pinyin(n, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase()
  const own = initials(target)
  for (let k = 1; k <= own.length; k++) {
    const q = own.slice(0, k)
    if (remaining.find((n) => initials(n).startsWith(q)) === target) return q
  }
  return target.slice(0, 2)
}

test('25 people signed in by typing initials in under 60 keystrokes; 全部出席; one explained counts line', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await liveMeeting(page)
  await page.getByTestId('sign-in-start').click()
  await page.locator('.el-message-box').getByRole('button', { name: '改为今天' }).click()
  // These checks read the full layout; the compact live mode has its own test.
  await page.getByTestId('live-off').click()
  const summary = page.getByTestId('sign-in-summary')
  await expect(summary).toHaveText(
    '应到 30 人；实到 0 人（有表决权 0 人，列席 0 人）；请假 0 人；书面意见 0 人；缺席 0 人；未到 30 人',
  )
  // Every row starts 未到: no radio is chosen.
  await expect(page.getByTestId(`state-${names[0]}`).locator('input:checked')).toHaveCount(0)

  const sheet = await page.getByTestId('sign-in-table').locator('tbody tr td:nth-child(2)').allInnerTexts()
  const order = sheet.map((s) => s.trim())
  // People arrive in their own order, not the sheet's: every third, then the rest.
  const arrivals = [...order.filter((_, i) => i % 3 === 2), ...order.filter((_, i) => i % 3 !== 2)].slice(0, 25)
  let remaining = [...order]
  let keystrokes = 0
  const quick = page.locator('input[name=signInQuick]')
  await quick.focus()
  for (const name of arrivals) {
    const q = shortestPrefix(name, remaining)
    await page.keyboard.type(q)
    await expect(page.getByTestId('sign-in-found')).toContainText(`回车签到：${name}`)
    await page.keyboard.press('Enter')
    keystrokes += q.length + 1
    remaining = remaining.filter((n) => n !== name)
    await expect(page.getByTestId(`state-${name}`).locator('input[value=present]')).toBeChecked()
  }
  expect(keystrokes).toBeLessThan(60)
  test.info().annotations.push({ type: 'keystrokes', description: String(keystrokes) })
  await expect(page.getByTestId('quorum-present')).toHaveText('25')
  await expect(summary).toHaveText(
    '应到 30 人；实到 25 人（有表决权 25 人，列席 0 人）；请假 0 人；书面意见 0 人；缺席 0 人；未到 5 人',
  )

  // One on leave, then 全部出席 marks only those still 未到.
  await page.getByTestId(`state-${remaining[0]}`).getByText('请假').click()
  await page.getByTestId('sign-in-all').click()
  await expect(summary).toHaveText(
    '应到 30 人；实到 29 人（有表决权 29 人，列席 0 人）；请假 1 人；书面意见 0 人；缺席 0 人；未到 0 人',
  )
  await expect(page.getByTestId(`state-${remaining[0]}`).locator('input[value=leave]')).toBeChecked()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'console-sign-in')
})

/** The screen size a 1366×768 laptop gives the page at a browser zoom: Chromium shrinks the CSS viewport. */
const zoomed = (zoom: number) => ({ width: Math.round(1366 / zoom), height: Math.round(768 / zoom) })

/** Asserts the element's box lies wholly inside the first screen (no scrolling, nothing under the edge). */
async function onFirstScreen(page: Page, target: Locator, what: string) {
  await expect(target, what).toBeVisible()
  const box = (await target.boundingBox())!
  const view = page.viewportSize()!
  const scrolled = await page.evaluate(() => document.querySelector('.shell-main')?.scrollTop ?? 0)
  expect(scrolled, `${what}: the page is not scrolled`).toBe(0)
  expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, `${what} bottom within ${view.height}`).toBeLessThanOrEqual(view.height)
  expect(box.x + box.width, `${what} right edge within ${view.width}`).toBeLessThanOrEqual(view.width)
}

test('live mode: topic, speaker clock, vote entry and next step on one 1366×768 screen, at 100% and 150%', async ({
  page,
}) => {
  const dir = 'test-results/live'
  await page.setViewportSize({ width: 1366, height: 768 })
  await liveMeeting(page)
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await addTopic(page, '小区北门开通方案', '开通北门方便居民出行，需加装人脸识别门禁，费用由公共收益列支。')
  await addTopic(page, '停车位收费标准调整', '地面停车位月租由 60 元调整为 80 元。')
  await addTopic(page, '楼道堆物清理', '组织志愿者清理楼道堆放杂物。')
  // Before sign-in the meeting is not live: the full header, stepper and sidebar.
  await expect(page.getByTestId('live-bar')).toHaveCount(0)
  await expect(page.getByTestId('sidebar')).toBeVisible()

  await page.getByRole('tab', { name: '签到' }).click()
  await page.getByTestId('sign-in-start').click()
  await page.locator('.el-message-box').getByRole('button', { name: '改为今天' }).click()
  await page.getByTestId('sign-in-all').click()
  await expect(page.getByTestId('quorum-present')).toHaveText('30')

  // Live: one line for header and stepper, no sidebar.
  const bar = page.getByTestId('live-bar')
  await expect(bar).toBeVisible()
  await expect(page.getByTestId('sidebar')).toBeHidden()
  expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(48)
  await expect(bar.getByTestId('stepper')).toContainText('4/6 协商议事')
  await page.screenshot({ path: `${dir}/signin-100.png` })

  await page.getByRole('tab', { name: '逐项议事' }).click()
  const topic = page.getByTestId('topic-1')
  await expect(page.getByTestId('live-topic-1')).toHaveAttribute('aria-selected', 'true')
  // Two speakers, the first one speaking.
  const speakers = topic.locator('[data-testid^=speakers-]')
  for (const name of [names[4]!, names[7]!]) {
    await pick(page, speakers.locator('.el-select').first(), name)
    await speakers.getByTestId('speaker-add').click()
    await expect(speakers.getByTestId(`speaker-${name}`)).toBeVisible()
  }
  await speakers.getByTestId(`speaker-${names[4]}`).getByTestId('speaker-start').click()
  const clock = speakers.getByTestId('speaker-clock')
  await expect(clock).toHaveText(/0[23]:\d\d/)
  await speakers.getByTestId('speaker-pause').click()
  await expect(clock).toContainText('已暂停')
  const frozen = (await clock.innerText()).slice(0, 5)
  await speakers.getByTestId('speaker-extend').click()
  const [m, s] = frozen.split(':').map(Number) as [number, number]
  await expect(clock).toContainText(`${String(m + 1).padStart(2, '0')}:${String(s).padStart(2, '0')}`)
  await speakers.getByTestId('speaker-resume').click()
  await expect(clock).not.toContainText('已暂停')
  await expect(topic.getByTestId('live-next')).toHaveAttribute('data-phase', 'speak')

  const keyControls = async (phase: string) => {
    await onFirstScreen(page, bar.getByTestId('meeting-title'), 'the meeting')
    await onFirstScreen(page, bar.getByTestId('step-advance').or(bar.getByTestId('step-missing-count')), 'the step')
    await onFirstScreen(page, page.getByTestId('live-topic-1'), 'the current topic')
    await onFirstScreen(page, clock, 'the speaker clock')
    await onFirstScreen(page, speakers.getByTestId('speaker-pause'), 'pause')
    await onFirstScreen(page, speakers.getByTestId('speaker-extend'), '+1 minute')
    await onFirstScreen(page, topic.getByTestId('live-next'), 'the next step')
    if (phase === 'speaking') await onFirstScreen(page, topic.getByTestId('vote-open'), 'open the vote')
    else {
      for (const k of ['for', 'against', 'abstain', 'invalid'])
        await onFirstScreen(page, topic.locator(`input[name=count-${k}]`), `count ${k}`)
      await onFirstScreen(page, topic.getByTestId('vote-close'), 'close the vote')
    }
  }
  for (const zoom of [1, 1.25, 1.5]) {
    await page.setViewportSize(zoomed(zoom))
    await keyControls('speaking')
    await page.screenshot({ path: `${dir}/topics-speaking-${zoom * 100}.png` })
  }
  await topic.getByTestId('vote-open').click()
  await expect(topic.getByTestId('live-next')).toHaveAttribute('data-phase', 'voting')
  for (const zoom of [1, 1.25, 1.5]) {
    await page.setViewportSize(zoomed(zoom))
    await keyControls('voting')
    await page.screenshot({ path: `${dir}/topics-voting-${zoom * 100}.png` })
  }

  // The other tabs, and the sidebar opened by hand.
  for (const zoom of [1, 1.5]) {
    await page.setViewportSize(zoomed(zoom))
    await page.getByRole('tab', { name: '签到' }).click()
    await onFirstScreen(page, page.getByTestId('sign-in-quick'), 'the quick sign-in')
    await page.screenshot({ path: `${dir}/signin-${zoom * 100}.png` })
    await page.getByRole('tab', { name: '闭会封存' }).click()
    await page.screenshot({ path: `${dir}/seal-${zoom * 100}.png` })
  }
  await page.getByTestId('live-menu').click()
  await expect(page.getByTestId('sidebar')).toBeVisible()
  await onFirstScreen(page, page.getByTestId('live-off'), 'the full-layout switch beside the open menu')
  await page.screenshot({ path: `${dir}/menu-150.png` })
  await page.getByTestId('sidebar-backdrop').click({ position: { x: 600, y: 300 } })
  await expect(page.getByTestId('sidebar')).toBeHidden()

  // The chair may go back to the full layout, and the choice is kept.
  await page.setViewportSize(zoomed(1))
  await page.getByTestId('live-off').click()
  await expect(page.getByTestId('live-bar')).toHaveCount(0)
  await expect(page.getByTestId('sidebar')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('live-on')).toBeVisible()
  await page.getByTestId('live-on').click()
  await expect(page.getByTestId('live-bar')).toBeVisible()
})

/**
 * Every text box on the projector, page by page (↓ at the console): none overflows its own box, each
 * is seen whole on some page, and no text is smaller than 4% of the slide area's height.
 */
async function readWholeSlide(page: Page, projector: Page): Promise<string[]> {
  const stage = projector.getByTestId('projector-stage')
  const seen = new Set<string>()
  const pages = Number(await stage.getAttribute('data-pages'))
  for (let p = 1; p <= pages; p++) {
    await expect(stage).toHaveAttribute('data-page', String(p))
    await projector.waitForTimeout(200)
    const report = await projector.evaluate(() => {
      const slide = document.querySelector<HTMLElement>('.slide')!
      const stageBox = document.querySelector<HTMLElement>('.stage')!.getBoundingClientRect()
      const box = slide.getBoundingClientRect()
      const cut = Number(document.querySelector<HTMLElement>('.stage')!.dataset.cut)
      const view = { top: box.top, bottom: box.bottom - cut }
      const out = { whole: [] as string[], overflow: [] as string[], small: [] as string[], cut: [] as string[] }
      for (const el of slide.querySelectorAll<HTMLElement>('td, th, .text, .slide-sub, .slide-title, li span')) {
        const text = el.innerText.trim()
        if (!text) continue
        if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) out.overflow.push(text)
        const r = el.getBoundingClientRect()
        if (r.top >= view.top - 1 && r.bottom <= view.bottom + 1 && r.right <= stageBox.right + 1) out.whole.push(text)
        else if (r.top < view.bottom - 1 && r.bottom > view.top + 1) out.cut.push(text)
        if (parseFloat(getComputedStyle(el).fontSize) < 0.04 * stageBox.height - 0.5) out.small.push(text)
      }
      return out
    })
    expect(report.overflow, 'text boxes that overflow').toEqual([])
    expect(report.small, 'text under 4% of the screen height').toEqual([])
    expect(report.cut, 'text cut at the edge of the page').toEqual([])
    report.whole.forEach((x) => seen.add(x))
    if (p < pages) {
      await page.getByTestId('deliberation').click({ position: { x: 5, y: 5 } })
      await page.keyboard.press('ArrowDown')
    }
  }
  return [...seen]
}

test('a 7-item resolution slide shows all its text at 1280×720 and 1024×768; the agenda has numbers and times', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000)
  await liveMeeting(page)
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await addTopic(page, '老旧小区改造提升方案', '对小区道路、管网、照明、绿化和停车设施进行整体改造。')
  await addTopic(page, '停车位收费标准调整', '地面停车位月租由 60 元调整为 80 元。')
  await page.getByRole('tab', { name: '签到' }).click()
  await page.getByTestId('sign-in-start').click()
  await page.locator('.el-message-box').getByRole('button', { name: '改为今天' }).click()
  await page.getByTestId('sign-in-all').click()
  await page.getByTestId('live-off').click()
  await page.getByRole('tab', { name: '逐项议事' }).click()
  const t1 = page.getByTestId('topic-1')
  await t1.click()
  await t1.getByTestId('vote-open').click()
  await counts(t1, [26, 2, 2, 0])
  await t1.getByTestId('vote-close').click()
  const sure = page.locator('.el-message-box')
  await sure.getByRole('button', { name: '确认结束表决' }).click()
  await expect(t1.getByTestId('vote-result')).toHaveText('通过')

  const res = t1.locator('[data-testid^=resolution-]')
  const text =
    '同意实施老旧小区改造提升方案：改造小区主干道和消防通道，更换雨污分流管网，增设路灯和监控，补种绿化，' +
    '施划停车位并增设充电桩；资金由区级改造资金和公共收益共同承担，施工期间分段封闭，提前三天张贴告示。'
  await res.locator('textarea[name=resolutionText]').fill(text)
  const items = [
    ['主干道和消防通道改造', '街道城建办', '路面平整无积水，消防通道全线畅通', '2027-03-31', '居务监督委员会'],
    ['雨污分流管网更换', '区住建局', '管网全部更换并通过闭水试验', '2027-04-30', '业主委员会'],
    ['增设路灯和监控', '物业服务中心', '新增路灯 40 盏、监控 24 路，全部接入值班室', '2027-02-28', '社区党委'],
    ['补种绿化', '社区居委会', '补种乔木 60 株、绿篱 800 米，成活率九成以上', '2027-04-15', '居民代表'],
    ['施划停车位', '物业服务中心', '施划停车位 120 个并编号公示', '2027-03-15', '业主委员会'],
    ['增设充电桩', '供电所', '安装充电桩 20 个并通电试运行', '2027-05-31', '社区党委'],
    ['施工告示和分段封闭', '施工单位', '每段施工前三天张贴告示，夜间不施工', '2027-05-31', '居务监督委员会'],
  ]
  for (let i = 0; i < items.length; i++) {
    await res.getByTestId('item-add').click()
    const keys = ['title', 'owner', 'standard', 'dueOn', 'supervisor']
    for (let k = 0; k < 5; k++) {
      const input = res.locator(`input[name=item${i + 1}-${keys[k]}]`)
      await input.fill(items[i]![k]!)
      if (keys[k] === 'dueOn') await input.press('Enter')
    }
  }
  await res.getByTestId('resolution-save').click()
  await expect(page.getByText('决议已保存')).toBeVisible()

  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-open').click()])
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    await projector.setViewportSize(size)
    await res.getByTestId('project-resolution').click()
    await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', 'resolution')
    await expect(projector.getByTestId('projector-items').locator('tbody tr')).toHaveCount(7)
    await projector.waitForTimeout(500)
    await projector.screenshot({ path: `test-results/projector/resolution-${size.width}x${size.height}-p1.png` })
    const seen = await readWholeSlide(page, projector)
    await projector.screenshot({ path: `test-results/projector/resolution-${size.width}x${size.height}-last.png` })
    expect(seen).toContain(text)
    for (const item of items) for (const cell of item) expect(seen, `${size.width}: ${cell}`).toContain(cell)
  }

  // 4:3 and a larger zoom are projector settings, kept; the slide still reads whole.
  await page.getByTestId('projector-settings').click()
  await page.getByTestId('aspect-4:3').click()
  await page.getByTestId('zoom-130').click()
  await projector.setViewportSize({ width: 1280, height: 720 })
  await res.getByTestId('project-resolution').click()
  await expect(projector.getByTestId('projector-stage')).toHaveCSS('width', '960px')
  await projector.waitForTimeout(500)
  const seen = await readWholeSlide(page, projector)
  await projector.screenshot({ path: 'test-results/projector/resolution-4x3-zoom130.png' })
  for (const item of items) for (const cell of item) expect(seen).toContain(cell)
  await projector.reload()
  await expect(projector.getByTestId('projector-stage')).toHaveCSS('width', '960px')

  // The agenda numbers every topic and gives the clock time.
  await page.getByTestId('slide-agenda').click()
  const agenda = projector.getByTestId('projector-agenda-item')
  await expect(agenda).toHaveCount(2)
  await expect(agenda.nth(0)).toContainText('1.')
  await expect(agenda.nth(1)).toContainText('2.停车位收费标准调整')
  await projector.screenshot({ path: 'test-results/projector/agenda.png' })
})

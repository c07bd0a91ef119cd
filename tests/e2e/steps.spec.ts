// Steps that hold and nothing typed is lost (issue 16, items 2 and 4), through the
// screens only: a later step is read-only with a banner until the steps before it
// are done or skipped with a reason; the skips are printed on the minutes; closing
// a vote shows the counts and the result first; a typed resolution and a statement
// survive the menu. (Sealing without a chair is refused: deliberation.spec; the
// skip lines on the minutes: tests/unit/step-readiness.test.ts.)
import { expect, test, type Locator, type Page } from '@playwright/test'
import { rosterRows } from './fixtures/roster'
import { createMeeting, importRoster, setUpCommunity, shot } from './support/app'

const names = rosterRows(30).map((r) => r.姓名)

async function pick(page: Page, select: Locator, option: string) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

async function counts(scope: Locator, c: [number, number, number, number]) {
  const keys = ['for', 'against', 'abstain', 'invalid']
  for (let i = 0; i < 4; i++) {
    const input = scope.locator(`input[name=count-${keys[i]}]`)
    await input.fill(String(c[i]))
    await input.press('Tab')
  }
}

/** Skips the current step through the dialog that `button` opens. */
async function skip(page: Page, button: Locator, reason: string, done: string) {
  await button.click()
  const dialog = page.getByTestId('skip-dialog')
  await expect(dialog).toBeVisible()
  await dialog.locator('textarea[name=skipReason]').fill(reason)
  await dialog.getByTestId('skip-save').click()
  await expect(page.getByText(done)).toBeVisible()
  await expect(dialog).toBeHidden()
}

test('a later step is read-only until earlier ones are skipped with a reason; votes close on confirmation; drafts survive', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  // Tuesday 2026-12-01, 09:00 in Shanghai.
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+08:00'))
  await setUpCommunity(page)
  await importRoster(page, 30)
  await page.goto('/#/bodies')
  await page.getByTestId('body-new').click()
  const bodyDialog = page.getByTestId('body-dialog')
  await pick(page, bodyDialog.locator('.el-select').first(), '村民代表会议')
  await bodyDialog.getByTestId('body-all-members').click()
  await bodyDialog.getByTestId('body-save').click()
  await createMeeting(page, '2026年12月村民代表会议')
  const meetingUrl = page.url().replace(/#\/meetings\/([^/]+).*$/, '#/meetings/$1')

  // Straight to step 4 while the meeting is at step 1: read, not changed.
  await page.goto(`${meetingUrl}/deliberation`)
  const banner = page.getByTestId('step-read-only')
  await expect(banner).toContainText('本步骤暂为只读')
  await expect(banner).toContainText('第一步“收集议题”尚未完成')
  await expect(banner).toContainText('还没有议题')
  await page.getByTestId('body-picker').locator('.el-select').click({ force: true })
  await expect(page.locator('.el-select-dropdown__item:visible')).toHaveCount(0)
  // Its tabs can be looked through, but typing changes nothing.
  await page.getByRole('tab', { name: '逐项议事' }).click()
  const title = page.locator('input[name=topicTitle]')
  await title.click({ force: true })
  await title.pressSequentially('北门', { timeout: 5_000 })
  await expect(title).toHaveValue('')
  await page.getByRole('tab', { name: '签到' }).click()
  await shot(page, 'steps-read-only')

  // A skip needs a reason: refused with a red message, and the step stays.
  await banner.getByTestId('read-only-skip').click()
  const dialog = page.getByTestId('skip-dialog')
  await expect(dialog).toContainText('跳过第一步“收集议题”')
  await expect(dialog.locator('input[name=skipBy]')).toBeVisible()
  await dialog.locator('input[name=skipBy]').fill('王书记')
  await dialog.getByTestId('skip-save').click()
  await expect(dialog).toContainText('请写明跳过的原因')
  await shot(page, 'steps-skip-dialog')
  await dialog.locator('textarea[name=skipReason]').fill('议题由上月会议转来，无需另行收集')
  await dialog.getByTestId('skip-save').click()
  await expect(page.getByText('已跳过第一步“收集议题”')).toBeVisible()
  await expect(banner).toContainText('第二步“确定议题”尚未完成')

  // The stepper offers the same for its current step: 跳过此步.
  await skip(page, page.getByTestId('step-skip'), '本次为临时会议，议题已在党组织会上确定', '已跳过第二步“确定议题”')
  await expect(banner).toContainText('第三步“议前调研”尚未完成')
  await skip(page, banner.getByTestId('read-only-skip'), '议题简单，经党组织研究无需入户调研', '已跳过第三步“议前调研”')
  await expect(banner).toHaveCount(0)
  const stepper = page.getByTestId('stepper')
  for (const step of ['collect', 'confirm', 'research'])
    await expect(stepper.locator(`[data-step=${step}]`)).toHaveAttribute('data-status', 'skipped')
  await expect(stepper.locator('[data-step=deliberate]')).toHaveAttribute('data-status', 'current')
  await expect(page.getByTestId('step-skips')).toContainText(
    '第三步“议前调研”未进行，原因：议题简单，经党组织研究无需入户调研（王书记，2026-12-01 09:00）',
  )
  await shot(page, 'steps-skipped')

  // Step 4 is open now: sign in 25 of 30, one topic.
  await pick(page, page.getByTestId('body-picker').locator('.el-select'), '村民代表会议')
  await page.getByTestId('sign-in-start').click()
  await page.locator('.el-message-box').getByRole('button', { name: '改为今天' }).click()
  await page.getByTestId('live-off').click()
  for (const name of names.slice(0, 25))
    await page.getByTestId(`state-${name}`).getByText('出席', { exact: true }).click()
  await expect(page.getByTestId('quorum-present')).toHaveText('25')
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await page.locator('input[name=topicTitle]').fill('小区北门开通方案')
  await page.locator('textarea[name=topicDescription]').fill('开通北门方便居民出行，需加装门禁。')
  await page.getByTestId('topic-add-save').click()
  const t1 = page.getByTestId('topic-1')
  await expect(t1).toBeVisible()

  // Closing the vote asks first, with the counts and the rule's result; cancelling leaves it open.
  await t1.getByTestId('vote-open').click()
  await counts(t1, [18, 4, 3, 0])
  await t1.getByTestId('vote-close').click()
  const sure = page.locator('.el-message-box')
  const summary = sure.getByTestId('vote-close-confirm')
  await expect(sure).toContainText('确认表决结果')
  await expect(summary.getByTestId('confirm-counts')).toHaveText('同意 18 · 反对 4 · 弃权 3 · 无效 0')
  await expect(summary.getByTestId('confirm-base')).toHaveText('应到 30 人，实到 25 人')
  await expect(summary.getByTestId('confirm-result')).toHaveText('按规则计算，表决结果：通过')
  await shot(page, 'steps-vote-confirm')
  await sure.getByRole('button', { name: '返回修改' }).click()
  await expect(sure).toBeHidden()
  await expect(t1.getByTestId('vote-close')).toBeVisible()
  await expect(t1.getByTestId('vote-result')).toHaveCount(0)
  // The counts are corrected before closing: 12 of 25 is not more than half.
  await counts(t1, [12, 10, 3, 0])
  await t1.getByTestId('vote-close').click()
  await expect(summary.getByTestId('confirm-result')).toHaveText('按规则计算，表决结果：未通过')
  await sure.getByRole('button', { name: '返回修改' }).click()
  await counts(t1, [18, 4, 3, 0])
  await t1.getByTestId('vote-close').click()
  await expect(summary.getByTestId('confirm-counts')).toHaveText('同意 18 · 反对 4 · 弃权 3 · 无效 0')
  await sure.getByRole('button', { name: '确认结束表决' }).click()
  await expect(t1.getByTestId('vote-result')).toHaveText('通过')

  // A typed resolution and a statement survive the menu and the way back.
  const resolution = '同意开通小区北门，加装人脸识别门禁，费用由公共收益列支。'
  const gist = '建议北门早七点至晚十点开放，夜间刷卡通行。'
  await t1.locator('textarea[name=resolutionText]').fill(resolution)
  await pick(page, t1.getByTestId(/^statements-/).locator('.el-select'), names[5]!)
  await t1.locator('input[name=statementGist]').fill(gist)
  const url = page.url()
  await page.getByRole('menuitem', { name: '民情台账' }).click()
  await expect(sure).toContainText('还有未保存的内容')
  await sure.getByRole('button', { name: '留下继续编辑' }).click()
  await expect(page).toHaveURL(url)
  await page.getByRole('menuitem', { name: '民情台账' }).click()
  // One question, however many forms hold text.
  await expect(sure).toHaveCount(1)
  await sure.getByRole('button', { name: '离开' }).click()
  await expect(page).not.toHaveURL(url)
  await page.goto(url)
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await expect(t1.locator('textarea[name=resolutionText]')).toHaveValue(resolution)
  await expect(t1.locator('input[name=statementGist]')).toHaveValue(gist)
  await expect(t1.getByTestId(/^statements-/).locator('.el-select')).toContainText(names[5]!)
})

import { expect, test, type Locator, type Page } from '@playwright/test'
import { importRoster, setUpCommunity, shot } from './support/app'

// 07:30 in Beijing is 23:30 UTC the day before: every "today" must be the local day.
const MORNING = new Date('2026-03-10T07:30:00+08:00')

async function pick(page: Page, select: Locator, option: string) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

test('at 07:30 Beijing time an entry dated today is accepted, and 即办件 is due today', async ({ page }) => {
  await page.clock.setFixedTime(MORNING)
  await setUpCommunity(page)
  await page.goto('/#/ledger')
  const entry = page.getByTestId('ledger-entry')
  await expect(page.locator('input[name=receivedOn]')).toHaveValue('2026-03-10')
  await page.locator('textarea[name=description]').fill('楼道灯坏了，晚上看不清台阶')
  await page.getByTestId('entry-category').click()
  await page.keyboard.type('公共设施')
  await page.keyboard.press('Enter')
  await entry.getByTestId('entry-type').getByText('即办件').click()
  await expect(page.locator('input[name=dueOn]')).toHaveValue('2026-03-10')
  await page.locator('input[name=place]').press('Enter')
  await expect(page.getByText('已登记：楼道灯坏了').first()).toBeVisible()
  await expect(page.getByTestId('ledger-count')).toContainText('共 1 条')
  await expect(page.getByTestId('ledger-count')).toContainText('逾期 0 条')
  await shot(page, 'counts-0730-ledger')
})

test('the bodies editor and the template editor use the same rule picker; a quorum cannot count those present', async ({
  page,
}) => {
  await setUpCommunity(page)
  await importRoster(page, 12)
  await page.goto('/#/bodies')
  await page.getByTestId('body-new').click()
  const dialog = page.getByTestId('body-dialog')
  await pick(page, dialog.locator('.el-select').first(), '党员大会')
  await expect(dialog.getByTestId('rule-quorum-words')).toHaveText('全体成员过半数出席')
  await expect(dialog.getByTestId('rule-passing-words')).toHaveText('应到人数过半数同意')
  // The quorum offers the roll and 应到 only.
  await dialog.getByTestId('rule-quorum').locator('.el-select').first().click()
  await expect(page.locator('.el-select-dropdown__item:visible')).toHaveText(['全体成员', '应到人数'])
  await page.keyboard.press('Escape')
  await pick(page, dialog.getByTestId('rule-passing').locator('.el-select').nth(1), '自定义比例')
  await expect(dialog.getByTestId('rule-passing-words')).toHaveText('应到人数超过80%同意')
  await shot(page, 'counts-bodies-editor')
  await dialog.getByTestId('body-all-members').click()
  await dialog.getByTestId('body-save').click()
  await expect(page.getByTestId('bodies-table')).toContainText('应到人数超过80%同意')

  await page.getByRole('menuitem', { name: '程序模板' }).click()
  await page.getByTestId('template-copy-template-five-one-two').click()
  const prompt = page.locator('.el-message-box')
  await prompt.locator('input').fill('本社区五议一备两公开')
  await prompt.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('template-title')).toContainText('第 1 版')
  const decide = page.getByTestId('stage-editor-4')
  await expect(decide.getByTestId('rule-stage-4-quorum-words')).toHaveText('全体成员过半数出席')
  await expect(decide.locator('input[name=stage-4-basis]')).toHaveValue('《中华人民共和国城市居民委员会组织法》第十条')
  await decide.scrollIntoViewIfNeeded()
  await shot(page, 'counts-template-editor')
})

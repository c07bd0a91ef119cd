import { expect, test } from '@playwright/test'
import { rosterRows, rosterXlsx } from './fixtures/roster'
import { createMeeting, setUpCommunity, shot } from './support/app'

test('a new user sets up, imports a roster, creates a meeting and projects it', async ({ page, context }) => {
  await setUpCommunity(page)

  // A roster with two bad rows is refused whole, each bad row named.
  const rows = rosterRows(30)
  const bad = rows.map((r) => ({ ...r }))
  bad[3]!.电话 = '1380013'
  bad[10]!.姓名 = ''
  const file = (buffer: Buffer) => ({ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer })
  await page.getByTestId('roster-file').setInputFiles(file(await rosterXlsx(bad)))
  const report = page.getByTestId('import-report')
  await expect(report).toBeVisible()
  await expect(report).toContainText('2 处错误')
  await expect(report.getByRole('row', { name: /5.*电话“1380013”格式不正确/ })).toBeVisible()
  await expect(report.getByRole('row', { name: /12.*姓名为空/ })).toBeVisible()
  await shot(page, 'roster-import-rejected')
  await report.getByRole('button', { name: '关闭', exact: true }).click()
  await expect(page.getByTestId('roster-empty')).toBeVisible()

  // The corrected file goes in whole.
  await page.getByTestId('roster-file').setInputFiles(file(await rosterXlsx(rows)))
  await expect(page.getByText('已导入 30 人')).toBeVisible()
  await expect(page.getByText('共 30 人')).toBeVisible()
  await expect(page.getByTestId('roster-table')).toContainText(rows[16]!.姓名)
  await shot(page, 'roster')

  // A new meeting's stepper says what is missing before step 2.
  await createMeeting(page, '2026年12月党群议事日')
  const stepper = page.getByTestId('stepper')
  await expect(stepper.locator('[data-step=collect]')).toHaveAttribute('data-status', 'current')
  await expect(page.getByTestId('step-missing')).toContainText('还没有议题')
  await expect(page.getByTestId('step-advance')).toHaveCount(0)
  await page.locator('input[name=place]').fill('社区党群服务中心二楼会议室')
  await page.getByTestId('basics-save').click()
  await expect(page.getByText('社区党群服务中心二楼会议室').first()).toBeVisible()
  await shot(page, 'console-meeting')

  // The projector opens as a second window of the same origin and follows.
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-open').click()])
  await projector.setViewportSize({ width: 1280, height: 720 })
  const screen = projector.getByTestId('projector')
  await expect(screen).toHaveAttribute('data-slide', 'standby')
  await expect(screen).toContainText('2026年12月党群议事日')
  await expect(screen).toContainText('新华路社区')
  await shot(projector, 'projector-standby')

  await page.getByTestId('slide-agenda').click()
  await expect(screen).toHaveAttribute('data-slide', 'agenda')
  await expect(screen).toContainText('议程待定')
  await page.getByTestId('slide-black').click()
  await expect(screen).toHaveAttribute('data-slide', 'black')
  await expect(screen).not.toContainText('新华路社区')

  // A reloaded projector comes back on the same slide.
  await page.getByTestId('slide-agenda').click()
  await expect(screen).toHaveAttribute('data-slide', 'agenda')
  await projector.reload()
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', 'agenda')
  await shot(projector, 'projector-agenda')
})

test('settings refuse an empty name and keep what was stored', async ({ page }) => {
  await setUpCommunity(page, '河西村')
  await page.goto('/#/settings')
  await page.locator('input[name=name]').fill('')
  await page.getByTestId('settings-save').click()
  await expect(page.getByText('请先改正标红的内容')).toBeVisible()
  await expect(page.getByText('此项必填')).toBeVisible()
  await page.reload()
  await expect(page.locator('input[name=name]')).toHaveValue('河西村')
})

test('English is the second language: chosen, kept after a restart, and switched back', async ({ page }) => {
  await setUpCommunity(page, '河西村')
  await page.goto('/#/meetings')
  await page.locator('.locale .el-select').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
  await expect(page.locator('.shell-aside')).toContainText('Backup & verify')
  await page.reload()
  await expect(page.locator('.shell-aside')).toContainText('Backup & verify')
  await page.locator('.locale .el-select').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '简体中文' }).click()
  await expect(page.locator('.shell-aside')).toContainText('备份与核验')
})

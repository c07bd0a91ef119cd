import { expect, test, type Locator, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { rosterRows } from './fixtures/roster'
import { importRoster, setUpCommunity, shot } from './support/app'

/** First run for a village: the community kind is 村. */
async function setUpVillage(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByText('欢迎使用“商量”')).toBeVisible()
  await page.locator('input[name=name]').fill('河西村')
  await page.getByRole('radio', { name: '村', exact: true }).check({ force: true })
  await page.locator('input[name=partyOrg]').fill('中共河西村支部委员会')
  await page.locator('input[name=superior]').fill('河西镇')
  await page.getByTestId('settings-save').click()
  await expect(page).toHaveURL(/#\/roster/)
}

async function typeNumber(form: Locator, name: string, value: number): Promise<void> {
  const input = form.locator(`input[name=${name}]`)
  await input.fill(String(value))
  await input.press('Tab')
}
async function typeDate(form: Locator, value: string): Promise<void> {
  const input = form.locator('input[name=date]')
  await input.fill(value)
  await input.press('Enter')
  await form.page().keyboard.press('Escape')
}
async function confirmSave(page: Page): Promise<void> {
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('记录保存后不能修改')
  await box.getByRole('button', { name: '保存' }).click()
}

interface Sitting {
  date: string
  expected: number
  present: number
  for: number
  against?: number
  attendees?: string[]
  officials?: string[]
}
/** Fills the sitting form the way a recorder would, checks the verdict shown, saves. */
async function recordSitting(page: Page, s: Sitting, verdict: string): Promise<void> {
  const form = page.getByTestId('sitting-form')
  await typeDate(form, s.date)
  await form.locator('input[name=place]').fill('村委会议室')
  await typeNumber(form, 'expected', s.expected)
  await typeNumber(form, 'present', s.present)
  await typeNumber(form, 'for', s.for)
  await typeNumber(form, 'against', s.against ?? 0)
  for (const name of s.attendees ?? []) {
    const input = form.locator('input[name=attendees]')
    await input.fill(name)
    await input.press('Enter')
  }
  for (const name of s.officials ?? []) {
    const input = form.locator('input[name=officials]')
    await input.fill(name)
    await input.press('Enter')
  }
  await expect(form.getByTestId('sitting-preview').locator('strong')).toHaveText(verdict)
  await form.getByTestId('sitting-save').click()
  await confirmSave(page)
  await expect(page.locator('.el-message--success').last()).toContainText(verdict)
}

const stageStatus = (page: Page, id: string) => page.getByTestId('matter-stepper').locator(`[data-stage="${id}"]`)

test('a village major matter goes through 四议两公开: four bodies, a sitting held again, two notices, the registration form', async ({
  page,
}) => {
  await setUpVillage(page)
  await importRoster(page)
  const people = rosterRows(30).map((r) => r.姓名)

  await page.getByRole('menuitem', { name: '重大事项' }).click()
  await expect(page.getByTestId('matters-empty')).toContainText('四议两公开')

  // Register the matter; without an origin nothing is saved.
  await page.getByTestId('matter-new').click()
  const dialog = page.getByTestId('matter-create')
  await dialog.locator('input[name=matterTitle]').fill('村集体北片土地流转')
  await dialog
    .locator('textarea[name=matterDescription]')
    .fill('北片120亩耕地流转给种植合作社，期限十年，租金归村集体。')
  await dialog.getByTestId('matter-create-save').click()
  await expect(dialog).toContainText('请选择提议来源')
  await dialog.getByText('村（社区）干部提出').click()
  await expect(dialog.locator('[data-testid=matter-template]')).toContainText('四议两公开')
  await dialog.getByTestId('matter-create-save').click()
  await expect(page.getByTestId('matter-title')).toHaveText('村集体北片土地流转')

  const stepper = page.getByTestId('matter-stepper')
  await expect(stepper.locator('[data-stage]')).toHaveCount(6)
  await expect(stageStatus(page, 'propose')).toHaveAttribute('data-status', 'current')
  // A later stage cannot start before the one before it has passed.
  await stageStatus(page, 'review').click()
  await expect(page.getByTestId('stage-blocked')).toContainText('须在“村“两委”会议商议”通过后才能开始本环节')
  await expect(page.getByTestId('sitting-form')).toHaveCount(0)
  await stageStatus(page, 'propose').click()
  await expect(page.getByTestId('stage-propose')).toContainText('到会：全体成员过半数出席；通过：应到人数过半数同意')

  await recordSitting(
    page,
    { date: '2026-09-01', expected: 5, present: 5, for: 5, attendees: people.slice(0, 5) },
    '通过',
  )
  await expect(stageStatus(page, 'propose')).toHaveAttribute('data-status', 'passed')
  await expect(stageStatus(page, 'discuss')).toHaveAttribute('data-status', 'current')

  await recordSitting(
    page,
    { date: '2026-09-03', expected: 9, present: 8, for: 7, against: 1, officials: ['河西镇包村干部 赵立新'] },
    '通过',
  )

  // The Party members' meeting: impossible counts are refused and nothing is saved.
  await expect(page.getByTestId('stage-review')).toContainText('党员大会')
  const form = page.getByTestId('sitting-form')
  await typeDate(form, '2026-09-05')
  await typeNumber(form, 'expected', 25)
  await typeNumber(form, 'present', 30)
  await typeNumber(form, 'for', 12)
  await form.getByTestId('sitting-save').click()
  await expect(form).toContainText('实到人数不能多于应到人数')
  await expect(page.locator('.el-message-box')).toHaveCount(0)
  await expect(page.getByTestId('stage-review')).toContainText('本环节还没有记录')

  // First sitting lacks its quorum (12 of 25) and stays on record; it is held again.
  await recordSitting(page, { date: '2026-09-05', expected: 25, present: 12, for: 12 }, '未达法定人数')
  await expect(stageStatus(page, 'review')).toHaveAttribute('data-status', 'failed')
  await expect(page.getByTestId('stage-review')).toContainText('另行召开并记录')
  await expect(page.getByTestId('stage-attempts')).toContainText('须到会 13 人，实到 12 人')
  await shot(page, 'matter-review-no-quorum')
  await recordSitting(page, { date: '2026-09-08', expected: 25, present: 20, for: 18, against: 2 }, '通过')
  await expect(stageStatus(page, 'review')).toHaveAttribute('data-status', 'passed')
  await stageStatus(page, 'review').click()
  await expect(page.getByTestId('stage-attempts').locator('tbody tr')).toHaveCount(2)
  await stageStatus(page, 'decide').click()

  // The villager representatives decide: two thirds present, more than half of those present.
  await recordSitting(page, { date: '2026-09-10', expected: 30, present: 24, for: 20, against: 4 }, '通过')
  await expect(stageStatus(page, 'decision-notice')).toHaveAttribute('data-status', 'current')

  // Both notices, each with its posting date and period.
  const notice = page.getByTestId('notice-form')
  await typeDate(notice, '2026-09-11')
  await expect(notice).toContainText('至 2026-09-17')
  await notice.getByTestId('notice-save').click()
  await confirmSave(page)
  await expect(stageStatus(page, 'decision-notice')).toHaveAttribute('data-status', 'passed')
  await typeDate(notice, '2026-11-01')
  await notice.getByTestId('notice-save').click()
  await confirmSave(page)
  await expect(stageStatus(page, 'results-notice')).toHaveAttribute('data-status', 'passed')
  await expect(page.getByTestId('matter-done')).toBeVisible()

  await page.locator('textarea[name=opinion]').fill('程序合规，表决有效，同意。')
  await page.getByTestId('opinion-save').click()
  await expect(page.getByText('已保存').first()).toBeVisible()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'matter-four-two-done')

  // The registration form, made from the records.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('matter-print').click()])
  expect(download.suggestedFilename()).toBe('村集体北片土地流转-四议两公开登记表.pdf')
  const bytes = readFileSync((await download.path())!)
  const rows = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes })
    .toString('utf8')
    .replace(/[ \t]+/g, ' ')
  expect(rows).toContain('村级重大事项“四议两公开”登记表')
  for (const stage of [
    '村党组织提议',
    '村“两委”会议商议',
    '党员大会审议（第1次）',
    '党员大会审议（第2次）',
    '村民代表会议决议',
    '决议公开',
    '实施结果公开',
    '村务监督委员会意见',
  ]) {
    expect(rows).toContain(stage)
  }
  expect(rows).toMatch(/应到 5人 实到 5人 比例 100\.0%/)
  expect(rows).toMatch(/应到 9人 实到 8人 比例 88\.9%/)
  expect(rows).toMatch(/应到 25人 实到 12人 比例 48\.0%/)
  expect(rows).toMatch(/应到 25人 实到 20人 比例 80\.0%/)
  expect(rows).toMatch(/应到 30人 实到 24人 比例 80\.0%/)
  expect(rows).toMatch(/同意 20 反对 4 弃权 0 结果 通过/)
  expect(rows).toMatch(/公开期限 7天 截止日期 2026年9月17日/)
  expect(rows).toContain('程序合规，表决有效，同意。')

  await page.getByRole('menuitem', { name: '重大事项' }).click()
  await expect(page.getByTestId('matters-table')).toContainText('已办结')
})

test('a copied template is edited as a new version; the matter started under the old one keeps its rules', async ({
  page,
}) => {
  await setUpVillage(page)
  await page.getByRole('menuitem', { name: '程序模板' }).click()
  await page.getByTestId('template-copy-template-four-two').click()
  const prompt = page.locator('.el-message-box')
  await prompt.locator('input').fill('河西村四议两公开')
  await prompt.getByRole('button', { name: '确定' }).click()
  await expect(page.getByTestId('template-title')).toContainText('河西村四议两公开')
  await expect(page.getByTestId('template-title')).toContainText('第 1 版')

  // A matter started under version 1.
  await page.getByRole('menuitem', { name: '重大事项' }).click()
  await page.getByTestId('matter-new').click()
  const dialog = page.getByTestId('matter-create')
  await dialog.locator('input[name=matterTitle]').fill('村道硬化')
  await dialog.getByText('党员群众建议').click()
  await dialog.locator('[data-testid=matter-template]').click()
  await page.getByRole('option', { name: '河西村四议两公开（第 1 版）' }).click()
  await dialog.getByTestId('matter-create-save').click()
  await expect(page.getByTestId('matter-title')).toHaveText('村道硬化')
  const matterUrl = page.url()

  // Edit: the decision goes to the villagers' meeting, with an empty name refused first.
  await page.getByRole('menuitem', { name: '程序模板' }).click()
  await page.getByTestId('templates-table').getByRole('button', { name: '编辑' }).click()
  await page.locator('input[name=stage-3-name]').fill('')
  await page.getByTestId('template-save').click()
  await expect(page.getByTestId('stage-editor-3')).toContainText('此项必填')
  await page.locator('input[name=stage-3-name]').fill('村民会议决议')
  await page.locator('input[name=stage-3-body]').fill('村民会议')
  await page.getByTestId('template-save').click()
  await expect(page.getByText('已保存为第 2 版')).toBeVisible()
  await expect(page.getByTestId('template-title')).toContainText('第 2 版')
  await shot(page, 'template-edit')

  // The matter made under version 1 still shows its own stage and rule.
  await page.goto(matterUrl)
  await page.getByTestId('matter-stepper').locator('[data-stage=decide]').click()
  await expect(page.getByTestId('stage-decide')).toContainText('村民代表会议决议')
  await expect(page.getByTestId('stage-decide')).toContainText('全体成员三分之二以上出席')
})

test('an urban major matter under 五议一备两公开 is filed with the street Party committee before its notices', async ({
  page,
}) => {
  await setUpCommunity(page, '胜利社区')
  await page.getByRole('menuitem', { name: '重大事项' }).click()
  await page.getByTestId('matter-new').click()
  const dialog = page.getByTestId('matter-create')
  await dialog.locator('input[name=matterTitle]').fill('老旧小区加装电梯')
  await dialog.getByText('上级交办').click()
  await expect(dialog.locator('[data-testid=matter-template]')).toContainText('五议一备两公开')
  await dialog.getByTestId('matter-create-save').click()
  await expect(page.getByTestId('matter-stepper').locator('[data-stage]')).toHaveCount(8)

  const sittings: [string, string][] = [
    ['propose', '2026-10-08'],
    ['discuss', '2026-10-09'],
    ['joint', '2026-10-12'],
    ['review', '2026-10-14'],
    ['decide', '2026-10-16'],
  ]
  for (const [id, date] of sittings) {
    await expect(stageStatus(page, id)).toHaveAttribute('data-status', 'current')
    await recordSitting(page, { date, expected: 9, present: 9, for: 9 }, '通过')
  }
  const filing = page.getByTestId('date-form')
  // 报送 the street Party committee named by the settings (新华路街道 → 新华路街道党工委), not the template's word.
  await expect(filing.locator('input[name=office]')).toHaveValue('新华路街道党工委')
  await typeDate(filing, '2026-10-17')
  await filing.getByTestId('date-save').click()
  await confirmSave(page)
  await expect(stageStatus(page, 'filing')).toHaveAttribute('data-status', 'passed')
  await expect(stageStatus(page, 'filing')).toContainText('已完成')
  await expect(page.getByTestId('notice-form')).toBeVisible()
  await expect(page.getByTestId('notice-form').locator('.el-select')).toContainText('社区公示栏')
})

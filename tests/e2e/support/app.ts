import { expect, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { rosterRows, rosterXlsx } from '../fixtures/roster'

export const SHOTS = join(import.meta.dirname, '..', 'screenshots')
mkdirSync(SHOTS, { recursive: true })

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })
}

/** First run: fills in the community settings and lands on the roster. */
export async function setUpCommunity(page: Page, name = '新华路社区'): Promise<void> {
  await page.goto('/')
  await expect(page.getByText('欢迎使用“商量”')).toBeVisible()
  await page.locator('input[name=name]').fill(name)
  await page.locator('input[name=partyOrg]').fill(`中共${name}委员会`)
  await page.locator('input[name=superior]').fill('新华路街道')
  await page.getByTestId('settings-save').click()
  await expect(page).toHaveURL(/#\/roster/)
}

/** Imports the standard 30-person roster from an .xlsx file. */
export async function importRoster(page: Page, count = 30): Promise<void> {
  await page.goto('/#/roster')
  const buffer = await rosterXlsx(rosterRows(count))
  await page.getByTestId('roster-file').setInputFiles({
    name: '名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  })
  await expect(page.getByText(`已导入 ${count} 人`)).toBeVisible()
}

/** Creates a meeting from the list and opens its page. */
export async function createMeeting(page: Page, title: string): Promise<void> {
  await page.goto('/#/meetings')
  await page.getByTestId('meeting-new').click()
  await page.locator('input[name=meetingTitle]').fill(title)
  await page.getByTestId('meeting-create-save').click()
  await expect(page.getByTestId('meeting-title')).toHaveText(title)
}

/**
 * Opens step 4 of the open meeting after skipping steps 1–3 through the read-only banner,
 * each with a reason: for tests about the meeting itself, not the steps before it.
 */
export async function skipToDeliberation(page: Page): Promise<void> {
  await page.goto(page.url().replace(/#\/meetings\/([^/]+).*$/, '#/meetings/$1/deliberation'))
  const banner = page.getByTestId('step-read-only')
  for (const n of ['一', '二', '三']) {
    await expect(banner).toContainText(`第${n}步`)
    await banner.getByTestId('read-only-skip').click()
    const dialog = page.getByTestId('skip-dialog')
    await dialog.locator('textarea[name=skipReason]').fill('测试会议，只检查议事环节')
    await dialog.locator('input[name=skipBy]').fill('测试员')
    await dialog.getByTestId('skip-save').click()
    await expect(dialog).toBeHidden()
  }
  await expect(banner).toHaveCount(0)
}

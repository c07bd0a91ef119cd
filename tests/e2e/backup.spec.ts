import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { importRoster, setUpCommunity, shot } from './support/app'

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  return readFile((await file.path())!)
}

async function pickArchive(page: Page, bytes: Buffer) {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '归档.slarchive', mimeType: 'application/octet-stream', buffer: bytes })
}

test('encrypted archive: export, refuse a wrong passphrase, a flipped byte and a cut-off end, then restore', async ({
  page,
}) => {
  await setUpCommunity(page)
  await importRoster(page)
  await page.goto('/#/backup')
  await expect(page.getByTestId('backup-browser-note')).toContainText('无法自动备份')
  await page.getByTestId('verify-run').click()
  await expect(page.getByTestId('verify-result')).toContainText('核验通过')

  await page.locator('input[name=exportPassphrase]').fill('短')
  await page.getByTestId('export-run').click()
  await expect(page.getByTestId('export-error')).toContainText('口令至少 10 位')
  await page.locator('input[name=exportPassphrase]').fill('新华路社区2026年')
  await page.locator('input[name=exportConfirm]').fill('新华路社区2026年')
  const archive = await download(page, () => page.getByTestId('export-run').click())
  expect(archive.subarray(0, 4).toString('latin1')).toBe('SLAE')
  await shot(page, 'backup-page')

  // Wrong passphrase, flipped byte, cut-off end: a Chinese message, nothing imported.
  const flipped = Buffer.from(archive)
  flipped[Math.floor(flipped.length / 2)]! ^= 0x10
  for (const [bytes, pass] of [
    [archive, '不对的口令123'],
    [flipped, '新华路社区2026年'],
    [archive.subarray(0, archive.length - 100), '新华路社区2026年'],
  ] as const) {
    await pickArchive(page, Buffer.from(bytes))
    await page.locator('input[name=importPassphrase]').fill(pass)
    await page.getByTestId('import-check').click()
    await expect(page.getByTestId('import-error')).toContainText('口令不对，或文件已被改动、不完整')
    await expect(page.getByTestId('import-summary')).toHaveCount(0)
  }
  await shot(page, 'backup-refused')
  // Not an archive at all.
  await pickArchive(page, Buffer.from('这不是归档'))
  await expect(page.getByTestId('import-error')).toContainText('不是“商量”的归档文件')

  await pickArchive(page, archive)
  await page.locator('input[name=importPassphrase]').fill('新华路社区2026年')
  await page.getByTestId('import-check').click()
  await expect(page.getByTestId('import-summary')).toContainText('完整有效')
  await expect(page.getByTestId('import-summary')).toContainText('人员')
  await page.getByText('恢复：用此文件替换全部数据').click()
  await page.getByTestId('import-run').click()
  // A restore first saves the current state (a download in the browser).
  const before = await download(page, () => page.getByRole('button', { name: '导入' }).last().click())
  expect(before.subarray(0, 4).toString('latin1')).toBe('SLAR')
  await expect(page.getByText('导入完成')).toBeVisible()
  await page.goto('/#/roster')
  await expect(page.getByTestId('roster-table').locator('tbody tr')).toHaveCount(30)
})

// Kenli's names for the handling types (即办件、待办件、上报件): renamed in the
// settings, the committed-date type keeps its meaning and its 15 working
// days, and its new name shows on the entry form, the ledger, the exported
// ledger, the statistics screen and the statistics PDF.
import { expect, test } from '@playwright/test'
import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { setUpCommunity, shot } from './support/app'
import { at, logRequest, pdfText } from './support/meeting'

test('a handling type renamed in the settings shows under its new name everywhere', async ({ page }) => {
  test.setTimeout(120_000)
  await page.clock.setFixedTime(at('2026-12-01'))
  await setUpCommunity(page, '胜利社区')

  // Two types under one name are refused and nothing is saved.
  await page.goto('/#/settings')
  const names = page.getByTestId('handling-names')
  await names.locator('input[name=handlingName-committed]').fill('上报件')
  await page.getByTestId('settings-save').click()
  await expect(names).toContainText('两种办理类型不能用同一个名称')
  await names.locator('input[name=handlingName-committed]').fill('待办件')
  await page.getByTestId('settings-save').click()
  await expect(page.getByText('设置已保存').first()).toBeVisible()
  await shot(page, 'handling-names-settings')

  // The entry form offers 待办件, and its due date is still 15 working days on.
  await page.goto('/#/ledger')
  const types = page.getByTestId('ledger-entry').getByTestId('entry-type')
  await expect(types).toContainText('待办件')
  await expect(types).not.toContainText('承诺件')
  const row = await logRequest(page, {
    description: '小区南门道闸经常失灵，车辆进出排长队',
    channel: '居民说事厅',
    category: '停车管理',
    raisedName: '王建国',
    type: '待办件',
  })
  await expect(row).toContainText('待办件')
  await expect(row).toContainText('2026-12-22')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()])
  const wb = new ExcelJS.Workbook()
  const file = await readFile(await download.path())
  await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer)
  const ws = wb.getWorksheet('民情台账')!
  const header = (ws.getRow(2).values as unknown[]).slice(1).map(String)
  expect(String(ws.getRow(3).getCell(header.indexOf('办理类型') + 1).value)).toBe('待办件')

  // The statistics, on screen and in the PDF.
  await page.goto('/#/stats?from=2026-12-01&to=2026-12-31')
  await expect(page.getByTestId('stats-byHandlingType')).toContainText('待办件')
  await expect(page.getByTestId('stats-byHandlingType')).not.toContainText('承诺件')
  const printed = await pdfText(page, page.getByTestId('stats-pdf'))
  expect(printed).toContain('待办件')
  expect(printed).not.toContain('承诺件')
})

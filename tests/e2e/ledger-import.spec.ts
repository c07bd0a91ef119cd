// Bringing years of Excel ledgers in: a file with three bad rows is refused
// whole with each row named; the 2025 ledger of 1,240 requests (1,198 settled,
// 37 rejected with a reason, 5 open) imports in seconds, and the year's
// statistics match on screen, in the .xlsx export and in the PDF.
import { expect, test } from '@playwright/test'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { badLedgerRows, ledgerRows, ledgerXlsx } from './fixtures/ledger'
import { setUpCommunity, shot } from './support/app'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

test('imports a 1,240-row ledger after refusing one with three bad rows; the year adds up everywhere', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await setUpCommunity(page, '幸福社区')
  await page.goto('/#/ledger')

  // The template to fill in.
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-template').click()])
  const tpl = new ExcelJS.Workbook()
  await tpl.xlsx.load(readFileSync(await template.path()) as unknown as ArrayBuffer)
  expect((tpl.worksheets[0]!.getRow(1).values as unknown[]).slice(1, 7)).toEqual([
    '受理日期',
    '收集渠道',
    '反映人',
    '楼栋/小区/村民小组',
    '类别',
    '诉求内容',
  ])

  // Three bad rows: nothing is imported and each row is named.
  await page.getByTestId('ledger-file').setInputFiles({
    name: '2025年民情台账（有误）.xlsx',
    mimeType: XLSX,
    buffer: await ledgerXlsx(badLedgerRows()),
  })
  const report = page.getByTestId('ledger-import-report')
  await expect(report).toContainText('导入被拒绝：文件中有 3 处错误，未导入任何民情')
  const rows = report.locator('.el-table__body tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('6受理日期日期“2025-02-30”无法识别')
  await expect(rows.nth(1)).toContainText('13理由/上报去向不予采纳必须写明理由')
  await expect(rows.nth(2)).toContainText('28办理类型办理类型“急办件”无法识别')
  await shot(page, 'ledger-import-refused')
  await report.getByRole('button', { name: '关闭', exact: true }).click()
  await expect(page.getByTestId('ledger-empty')).toBeVisible()

  // The whole year: the new channel is offered, then 1,240 requests in seconds.
  await page.getByTestId('ledger-file').setInputFiles({
    name: '2025年民情台账.xlsx',
    mimeType: XLSX,
    buffer: await ledgerXlsx(ledgerRows()),
  })
  const offer = page.locator('.el-message-box')
  await expect(offer).toContainText('新渠道：12345热线')
  const started = Date.now()
  await offer.getByRole('button', { name: '加入设置并导入' }).click()
  await expect(page.getByTestId('ledger-import-progress')).toBeVisible()
  await expect(page.getByText('已导入 1240 条民情')).toBeVisible({ timeout: 30_000 })
  // Seconds on an idle laptop; generous here because seven checkouts share two cores.
  expect(Date.now() - started).toBeLessThan(30_000)
  await expect(page.getByTestId('ledger-import-progress')).toBeHidden()
  await expect(page.getByTestId('ledger-count')).toContainText('共 1240 条')
  await page.getByTestId('filter-status').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '不予采纳' }).click()
  await expect(page.getByTestId('ledger-count')).toContainText('共 37 条')
  await page.keyboard.press('Escape')

  // Statistics for 2025.
  await page.goto('/#/stats?from=2025-01-01&to=2025-12-31')
  await expect(page.getByTestId('stats-summary')).toHaveText(
    // 1,198 resolved + 37 rejected with an answer = 1,235 answered; the 5 open ones are neither.
    '共受理群众诉求 1240 件，已解决 1198 件，已答复 1235 件（含不予采纳并已答复）',
  )
  await expect(page.getByTestId('tile-resolution')).toContainText('96.6%')
  await expect(page.getByTestId('tile-request-satisfaction')).toContainText('100.0%')
  await expect(page.getByTestId('tile-request-satisfaction')).toContainText('回访 1198 人：满意 1174，基本满意 24')
  await shot(page, 'ledger-import-stats')

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-xlsx').click()])
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer)
  const summary = book.getWorksheet('汇总')!
  expect(summary.getRow(2).values).toEqual([undefined, '受理群众诉求（件）', 1240])
  expect(summary.getRow(3).values).toEqual([undefined, '已解决（件）', 1198])
  expect(summary.getRow(4).values).toEqual([undefined, '解决率', '96.6%'])

  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('stats-pdf').click(),
  ])
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdf.path(), '-'])
    .toString('utf8')
    .replace(/\s+/g, '')
  expect(text).toContain('本期共受理群众诉求1240件，已解决1198件。')
  expect(text).toContain('解决率96.6%')
  expect(text).toContain('诉求满意率100.0%（回访1198人）')
})

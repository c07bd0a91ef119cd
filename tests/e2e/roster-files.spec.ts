// Real roster files and the role preset (issue 16, item 7), and the step
// documents, a stakeholder's identity and the households quorum, through the
// screens: a WPS workbook with a merged title row, a GBK CSV from Chinese
// Windows Excel and an old .xls all import; a role the preset lacks is added on
// confirmation and then edited on the role-preset screen, where a role in use
// can only be retired. A 村民会议 counts households on its quorum panel.
import { expect, test, type Locator, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createMeeting, setUpCommunity, shot, skipToDeliberation } from './support/app'

async function pick(page: Page, select: Locator, option: string) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Text as GBK bytes, the way Excel on a Chinese Windows saves a CSV (no BOM). */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail])
    }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else out.push(...table.get(ch)!)
  }
  return Buffer.from(out)
}

async function upload(page: Page, name: string, buffer: Buffer, count: number) {
  await page.getByTestId('roster-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer })
  await expect(page.getByText(`共 ${count} 人`)).toBeVisible({ timeout: 30_000 })
}

test('a WPS roster with a title row, a GBK CSV and an .xls import; a new role is added, then retired, not deleted', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await setUpCommunity(page)

  // WPS: a merged title row above the header, a 序号 column.
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('名册')
  ws.addRow(['新华路社区协商议事会成员名册'])
  ws.mergeCells('A1:D1')
  ws.addRow(['序号', '姓名', '角色', '电话'])
  for (const [i, [name, role]] of [
    ['王建国', '党组织书记'],
    ['李秀英', '党组织代表'],
    ['张志强', '法律工作者'],
    ['刘桂兰', '德高望重居民代表'],
  ].entries())
    ws.addRow([i + 1, name, role, `1391234560${i}`])
  await upload(page, '成员名册（WPS）.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 4)

  // GBK CSV with a title line and a blank line; 楼长 is not in the preset.
  const csv = '新华路社区居民代表名册\r\n\r\n姓名,角色,电话\r\n陈海燕,楼长,13912345610\r\n杨国庆,法律工作者,\r\n'
  await page.getByTestId('roster-file').setInputFiles({ name: '居民代表.csv', mimeType: 'text/csv', buffer: gbk(csv) })
  const ask = page.locator('.el-message-box')
  await expect(ask).toContainText('楼长')
  await ask.getByRole('button', { name: '加入模板并导入' }).click()
  await expect(page.getByText('共 6 人')).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('tr', { hasText: '陈海燕' })).toContainText('楼长')

  // An Excel 97-2003 workbook, also with a title row.
  const XLSX = await import('@e965/xlsx')
  const old = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(
    old,
    XLSX.utils.aoa_to_sheet([
      ['2026年议事会成员名册'],
      ['姓名', '角色', '电话'],
      ['黄玉梅', '居（村）委会代表', '13912345620'],
      ['赵文博', '楼长', 13912345621],
    ]),
    '名册',
  )
  const xls = Buffer.from(XLSX.write(old, { bookType: 'biff8', type: 'array' }) as ArrayBuffer)
  await upload(page, '名册.xls', xls, 8)
  await expect(page.locator('tr', { hasText: '赵文博' })).toContainText('楼长')
  await shot(page, 'roster-files-imported')

  // The role-preset screen, reached from the settings: the imported role is there.
  await page.goto('/#/settings')
  await page.getByTestId('roles-edit').click()
  const table = page.getByTestId('roles-table')
  await expect(table).toContainText('楼长')
  // Two people hold 楼长: it cannot be deleted, only retired.
  await page.getByTestId('role-楼长').getByTestId('role-delete').click()
  await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
  await expect(page.getByText('“楼长”已有人员担任或已用于会议，不能删除，只能停用')).toBeVisible()
  await expect(table).toContainText('楼长')
  await page.getByTestId('role-楼长').getByTestId('role-retire').click()
  await expect(page.getByTestId('role-status-楼长')).toHaveText('已停用')
  // A new role, renamed, then deleted (nobody holds it).
  await page.locator('input[name=roleName]').fill('网格员')
  await page.getByTestId('role-add').click()
  await expect(table).toContainText('网格员')
  await page.getByTestId('role-网格员').getByTestId('role-rename').click()
  await page.locator('.el-message-box input').fill('专职网格员')
  await page.locator('.el-message-box').getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('role-专职网格员')).toBeVisible()
  await page.locator('input[name=roleName]').fill('业委会代表')
  await page.getByTestId('role-add').click()
  await page.getByTestId('role-专职网格员').getByTestId('role-delete').click()
  await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('role-专职网格员')).toHaveCount(0)
  await shot(page, 'roster-role-preset')

  // The people who held the retired role keep its name.
  await page.goto('/#/roster')
  await expect(page.locator('tr', { hasText: '陈海燕' })).toContainText('楼长')
})

test('step 2 and 3 offer their documents with Word; a stakeholder’s identity is on the minutes; households count', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await setUpCommunity(page, '河西村')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('名册')
  ws.addRow(['姓名', '角色', '电话'])
  const names = ['王建国', '李秀英', '张志强', '刘桂兰', '陈海燕', '杨国庆']
  for (const [i, n] of names.entries()) ws.addRow([n, i === 0 ? '党组织书记' : '德高望重居民代表', `1391234570${i}`])
  await upload(page, '名册.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 6)

  // A 村民会议 whose quorum counts households.
  await page.goto('/#/bodies')
  await page.getByTestId('body-new').click()
  const bodyDialog = page.getByTestId('body-dialog')
  await pick(page, bodyDialog.locator('.el-select').first(), '村民会议')
  await pick(page, bodyDialog.getByTestId('rule-quorum').locator('.el-select').first(), '本村户数')
  await bodyDialog.getByTestId('body-all-members').click()
  await bodyDialog.getByTestId('body-save').click()
  await expect(page.getByTestId('bodies-table')).toContainText('村民会议')

  await createMeeting(page, '河西村村民会议')
  const meetingUrl = page.url().replace(/#\/meetings\/([^/]+).*$/, '#/meetings/$1')
  // Steps 1–3 are passed over with a reason, so step 4 takes the topic; the earlier panels stay editable.
  await skipToDeliberation(page)
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await page.locator('input[name=topicTitle]').fill('村集体北片土地流转')
  await page.locator('textarea[name=topicDescription]').fill('北片120亩耕地流转给种植合作社，期限十年。')
  await page.getByTestId('topic-add-save').click()
  await expect(page.getByTestId('topics')).toContainText('村集体北片土地流转')

  // Step 2: a stakeholder with their own identity; the agenda notice as PDF and as Word.
  await page.goto(`${meetingUrl}/agenda`)
  const form = page.getByTestId('topic-party-form')
  await pick(page, form.getByTestId('party-topic'), '村集体北片土地流转')
  await form.locator('input[name=partyName]').fill('周德明')
  await form.locator('input[name=partyIdentity]').fill('种植合作社理事长')
  await form.getByTestId('party-add').click()
  await expect(page.getByTestId('participant-table')).toContainText('种植合作社理事长')
  const agendaDocs = page.getByTestId('agenda-panel').getByTestId('publication-docs')
  await expect(agendaDocs.locator('[data-doc]')).toHaveCount(1)
  const [word] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    agendaDocs.getByTestId('word-agendaNotice').click(),
  ])
  expect(word.suggestedFilename()).toMatch(/\.docx$/)
  const docx = readFileSync(await word.path())
  expect([...docx.subarray(0, 2)]).toEqual([0x50, 0x4b])
  const documentXml = execFileSync('unzip', ['-p', await word.path(), 'word/document.xml']).toString('utf8')
  expect(documentXml.replace(/<[^>]+>/g, '')).toContain('村集体北片土地流转')

  // Step 3: the sign-in sheet (with the identity) and the ballots.
  await page.goto(`${meetingUrl}/research`)
  const researchDocs = page.getByTestId('research-panel').getByTestId('publication-docs')
  await expect(researchDocs.locator('[data-doc]')).toHaveCount(2)
  await expect(researchDocs.locator('[data-doc=ballots]')).toBeVisible()
  const [sheet] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    researchDocs.locator('[data-doc=signInSheet]').getByRole('button').last().click(),
  ])
  const sheetText = execFileSync('pdftotext', ['-enc', 'UTF-8', await sheet.path(), '-']).toString('utf8')
  expect(sheetText.replace(/\s+/g, '')).toContain('种植合作社理事长')

  // Step 4: households confirmed on the quorum panel, and the minutes print the identity.
  await page.goto(`${meetingUrl}/deliberation`)
  await pick(page, page.getByTestId('body-picker').locator('.el-select'), '村民会议')
  // The secretary counts the 户代表签到册 and confirms the households on the quorum panel.
  const households = page.getByTestId('households')
  await expect(households).toBeVisible()
  for (const [field, n] of [
    ['householdsTotal', '320'],
    ['householdsPresent', '230'],
  ]) {
    await households.locator(`input[name=${field}]`).fill(n!)
    await households.locator(`input[name=${field}]`).press('Tab')
  }
  await households.getByTestId('households-confirm').click()
  await expect(page.getByTestId('quorum-expected')).toHaveText('320')
  await page.getByTestId('sign-in-start').click()
  // The meeting was set for the community's regular day: sign-in today moves it to today.
  await page
    .locator('.el-message-box')
    .getByRole('button', { name: '改为今天' })
    .click({ timeout: 5_000 })
    .catch(() => undefined)
  await page.getByTestId('sign-in-all').click()
  // The live mode's one-line quorum reads the households too.
  await expect(page.getByTestId('quorum-expected')).toHaveText('320')
  await expect(page.getByTestId('quorum-present')).toHaveText('230')
  await expect(page.getByTestId('quorum-verdict')).toHaveClass(/(^|\s)met(\s|$)/)
  await shot(page, 'roster-households')
  await page.goto(`${meetingUrl}/publication`)
  const docs = page.getByTestId('publication-docs')
  const [minutes] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    docs.locator('[data-doc=minutes]').getByRole('button').last().click(),
  ])
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await minutes.path(), '-'])
    .toString('utf8')
    .replace(/\s+/g, '')
  expect(text).toContain('周德明（种植合作社理事长）')
  expect(text).toContain('应到320户，实到230户')
})

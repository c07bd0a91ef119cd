// 社区吹哨、部门报到 through the screens: a neighbours' dispute escalated three
// times (community → street office → three departments → the district's
// mediation centre), twelve dated log entries over three months, a handler
// and a reassignment, settled and closed with the resident's satisfaction;
// the exported ledger holds the chain and the log.
import { expect, test, type Locator, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SHOTS, setUpCommunity, shot } from './support/app'

async function setDate(scope: Locator | Page, name: string, value: string) {
  const input = scope.locator(`input[name=${name}]`)
  await input.fill(value)
  await input.press('Enter')
  await expect(input).toHaveValue(value)
}

/** Picks an option of an Element Plus select by its label. */
async function pick(page: Page, select: Locator, label: string) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
  await expect(select).toContainText(label)
}

/** Types into a filterable select that allows new entries, and takes the match. */
async function typeIn(page: Page, select: Locator, value: string) {
  await select.click()
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
  await expect(select).toContainText(value)
}

const LOG: [string, '走访' | '谈话' | '调解' | '电话' | '实地察看', string][] = [
  ['2026-08-21', '实地察看', '7号楼202顶板渗水，302卫生间地面开裂'],
  ['2026-08-24', '走访', '202住户赵桂兰要求302赔偿装修损失'],
  ['2026-08-28', '谈话', '302住户孙明称已多次维修，拒绝赔偿'],
  ['2026-09-04', '调解', '第一次调解，双方争执，未达成一致'],
  ['2026-09-15', '电话', '联系物业查维修记录'],
  ['2026-09-22', '调解', '第二次调解，孙明同意重做防水'],
  ['2026-10-08', '实地察看', '区住建局认定防水层老化'],
  ['2026-10-16', '谈话', '与孙明谈费用分担'],
  ['2026-10-27', '调解', '第三次调解，费用分担仍有分歧'],
  ['2026-11-05', '调解', '区调处中心主持调解，达成分担比例'],
  ['2026-11-12', '走访', '防水重做完工，202不再渗水'],
  ['2026-11-20', '谈话', '双方签订调解协议书'],
]

test('a dispute escalated three times, logged over three months and closed; the ledger export holds it all', async ({
  page,
}) => {
  test.setTimeout(480_000)
  await setUpCommunity(page, '幸福社区')
  await page.goto('/#/ledger')

  // The departments the street office calls in, with their contact person.
  await page.getByTestId('departments-open').click()
  const rows = page.getByTestId('department-row')
  for (const [i, [name, contact]] of [
    ['区住建局', '李科长'],
    ['区司法局', '王主任'],
    ['街道城建办', '陈工'],
  ].entries()) {
    if (i > 0) await page.getByTestId('department-add').click()
    await rows.nth(i).locator('input[name=departmentName]').fill(name!)
    await rows.nth(i).locator('input[name=departmentContact]').fill(contact!)
  }
  await page.getByTestId('departments-save').click()
  await expect(page.getByText('部门名单已保存')).toBeVisible()

  // The request, back-dated to the day it came in.
  await page.locator('textarea[name=description]').fill('7号楼302漏水殃及202，双方多次争吵')
  await typeIn(page, page.getByTestId('entry-channel'), '居民说事厅')
  await typeIn(page, page.getByTestId('entry-category'), '邻里纠纷')
  await setDate(page, 'receivedOn', '2026-08-20')
  await page.getByTestId('ledger-entry').getByTestId('entry-type').getByText('上报件').click()
  await page.locator('input[name=raisedName]').fill('赵桂兰')
  await page.locator('input[name=place]').fill('7号楼')
  await page.locator('input[name=place]').press('Enter')
  await expect(page.getByText('已登记：7号楼302漏水').first()).toBeVisible()
  const row = page.getByTestId('ledger-table').locator('.el-table__body-wrapper tr', { hasText: '7号楼302漏水' })

  // Hop 1 at triage: the community sends it to the street office.
  await row.getByTestId('row-triage').click()
  const dialog = page.getByTestId('triage-dialog')
  await dialog.getByTestId('decision-escalate').click()
  await dialog.locator('input[name=escalateTo]').fill('新华路街道综治中心')
  await setDate(dialog, 'sentOn', '2026-08-25')
  await setDate(dialog, 'decidedOn', '2026-08-25')
  await dialog.locator('input[name=decidedBy]').fill('王建国')
  await dialog.locator('textarea[name=reason]').fill('涉及房屋维修责任认定，社区无权处理')
  await dialog.getByTestId('triage-save').click()
  await expect(row).toContainText('已上报至新华路街道综治中心')

  await row.getByTestId('row-detail').click()
  const drawer = page.getByTestId('request-drawer')
  const chain = drawer.getByTestId('escalation-chain')
  await drawer.getByRole('tab', { name: '上报' }).click()
  const answer = async (line: Locator, text: string, on: string) => {
    await line.locator('input[name=lineAnswer]').fill(text)
    await setDate(line, 'lineAnsweredOn', on)
    await line.getByTestId('line-answer').click()
    await expect(line).toContainText(`${on} 答复：${text}`)
  }
  await answer(chain.getByTestId('escalation-line').nth(0), '提交街道联席会议，召集部门报到', '2026-09-08')

  // Hop 2: the joint meeting calls in three departments, each with its own deadline.
  await chain.getByTestId('escalate-next').click()
  const form = chain.getByTestId('escalate-form')
  await form.locator('input[name=hopFrom]').fill('新华路街道联席会议')
  await setDate(form, 'hopAt', '2026-09-10')
  await form.locator('textarea[name=hopReason]').fill('联席会议决定召集住建、司法、城建部门报到')
  for (const [i, [name, due]] of [
    ['区住建局', '2026-09-30'],
    ['区司法局', '2026-09-30'],
    ['街道城建办', '2026-09-20'],
  ].entries()) {
    if (i > 0) await form.getByRole('button', { name: '添加报送单位' }).click()
    await pick(page, form.getByTestId(`hop-to-${i}`), name!)
    await setDate(form, `hopDue${i}`, due!)
  }
  await form.getByTestId('hop-save').click()
  await expect(chain.getByTestId('escalation-hop')).toHaveCount(2)
  const lines = chain.getByTestId('escalation-line')
  await expect(lines.nth(1)).toContainText('区住建局（李科长）')
  await answer(lines.nth(1), '认定为302防水层老化，应由302负责维修', '2026-10-08')
  await answer(lines.nth(3), '已督促物业配合查勘', '2026-09-18')
  // 区司法局 has not answered by its deadline: flagged overdue.
  await expect(lines.nth(2).getByTestId('line-state-overdue')).toHaveText('逾期未答复')

  // Hop 3: the street office sends the cost dispute to the district's mediation centre.
  await chain.getByTestId('escalate-next').click()
  await form.locator('input[name=hopFrom]').fill('新华路街道')
  await pick(page, form.locator('.el-select').first(), '区（县）')
  await setDate(form, 'hopAt', '2026-10-20')
  await form.locator('textarea[name=hopReason]').fill('维修费用分担无法协商一致')
  await form.locator('input[name=hopAsk]').fill('请区矛盾纠纷调处中心组织调解')
  await typeIn(page, form.getByTestId('hop-to-0'), '区矛盾纠纷调处中心')
  await setDate(form, 'hopDue0', '2026-11-10')
  await form.getByTestId('hop-save').click()
  await expect(chain.getByTestId('escalation-hop')).toHaveCount(3)
  await answer(lines.nth(4), '11月5日主持调解，双方达成分担比例', '2026-11-06')
  await expect(page.getByTestId('ledger-table')).toContainText('已上报至区矛盾纠纷调处中心')

  // The 上报 form of hop 2, printed and looked at.
  const [pdf] = await Promise.all([page.waitForEvent('download'), chain.getByTestId('hop-print-2').click()])
  const pdfPath = join(SHOTS, 'escalation-form.pdf')
  copyFileSync(await pdf.path(), pdfPath)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8').replace(/\s+/g, '')
  for (const s of ['群众诉求上报单', '报送：区住建局、区司法局、街道城建办', '事由联席会议决定召集', '（盖章）'])
    expect(text).toContain(s)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(SHOTS, 'escalation-form')])

  // 交办, then reassigned: the history keeps both.
  await drawer.getByRole('tab', { name: '交办' }).click()
  const handler = drawer.getByTestId('request-handler')
  await handler.locator('input[name=handlerName]').fill('网格员小周')
  await pick(page, handler.getByTestId('handler-kind'), '网格员')
  await setDate(handler, 'assignedOn', '2026-08-21')
  await setDate(handler, 'handlerDueOn', '2026-09-05')
  await handler.getByTestId('handler-save').click()
  await expect(handler.getByTestId('handler-current')).toContainText('网格员小周（网格员）')
  await handler.locator('input[name=handlerName]').fill('人民调解员老孙')
  await pick(page, handler.getByTestId('handler-kind'), '社区工作者')
  await setDate(handler, 'assignedOn', '2026-09-01')
  await setDate(handler, 'handlerDueOn', '2026-11-30')
  await handler.locator('input[name=handlerNote]').fill('纠纷转人民调解员')
  await handler.getByTestId('handler-save').click()
  await expect(handler.getByTestId('handler-history')).toContainText('网格员小周')
  await expect(handler.getByTestId('handler-current')).toContainText('人民调解员老孙')

  // Twelve dated log entries over three months, and the dispute register state.
  await drawer.getByRole('tab', { name: '办理日志' }).click()
  const log = drawer.getByTestId('request-log')
  await pick(page, log.getByTestId('dispute-state'), '调解中')
  for (const [on, kind, outcome] of LOG) {
    await setDate(log, 'logOn', on)
    await pick(page, log.getByTestId('log-kind'), kind)
    await log.locator('input[name=logParticipants]').fill('赵桂兰、孙明、老孙')
    await log.locator('textarea[name=logOutcome]').fill(outcome)
    await log.getByTestId('log-save').click()
    await expect(log.getByTestId('log-entry').filter({ hasText: outcome })).toHaveCount(1)
  }
  await expect(log.getByTestId('log-count')).toHaveText('共 12 条')
  await pick(page, log.getByTestId('dispute-state'), '已化解')

  // Settled on its real day (late against its deadline), then the loop closed with satisfaction.
  await setDate(drawer, 'resolvedOn', '2026-11-20')
  await drawer.getByTestId('move-resolved').click()
  await expect(drawer.getByTestId('request-resolved-on')).toContainText('2026-11-20 超期办结')
  await drawer.getByRole('tab', { name: '反馈' }).click()
  const loop = drawer.getByTestId('loop-form')
  await setDate(loop, 'loopOn', '2026-11-25')
  await loop.locator('textarea[name=feedback]').fill('防水已重做，双方签订调解协议，入户告知')
  await loop.locator('input[name=feedbackBy]').fill('人民调解员老孙')
  await loop.getByTestId('loop-satisfaction').getByText('基本满意', { exact: true }).click()
  await loop.getByTestId('loop-submit').click()
  await expect(drawer.getByTestId('loop-closed')).toHaveText('已于 2026-11-25 告知（基本满意）')

  await drawer.getByRole('tab', { name: '上报' }).click()
  // A closed case takes no more answers or hops.
  await expect(chain.getByTestId('escalate-next')).toBeHidden()
  await expect(chain.getByTestId('escalate-form')).toBeHidden()
  await expect(chain.locator('input[name=lineAnswer]')).toHaveCount(0)
  await drawer.locator('.el-drawer__body').evaluate((el) => (el.scrollTop = 420))
  await shot(page, 'escalation-drawer-timeline')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // The exported ledger holds the chain and the log.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()])
  const wb = new ExcelJS.Workbook()
  const file = await readFile(await download.path())
  await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer)
  const ws = wb.getWorksheet('民情台账')!
  const header = (ws.getRow(2).values as unknown[]).slice(1).map(String)
  const cell = (name: string) => String(ws.getRow(3).getCell(header.indexOf(name) + 1).value ?? '')
  const hops = cell('上报及答复')
    .split('\n')
    .filter((l) => /^\d\. /.test(l))
  expect(hops).toEqual([
    '1. 2026-08-25 幸福社区 → 新华路街道综治中心：涉及房屋维修责任认定，社区无权处理',
    '2. 2026-09-10 新华路街道联席会议 → 区住建局、区司法局、街道城建办：联席会议决定召集住建、司法、城建部门报到',
    '3. 2026-10-20 新华路街道 → 区矛盾纠纷调处中心：维修费用分担无法协商一致',
  ])
  expect(cell('上报及答复')).toContain('区住建局（时限 2026-09-30）2026-10-08 答复：认定为302防水层老化')
  expect(cell('上报及答复')).toContain('区司法局（时限 2026-09-30）未答复')
  const entries = cell('办理日志').split('\n')
  expect(entries).toHaveLength(12)
  expect(entries[0]).toBe('2026-08-21 实地察看（赵桂兰、孙明、老孙）：7号楼202顶板渗水，302卫生间地面开裂')
  expect(entries[11]).toBe('2026-11-20 谈话（赵桂兰、孙明、老孙）：双方签订调解协议书')
  expect(cell('承办人')).toBe('人民调解员老孙')
  expect(cell('办结日期')).toBe('2026-11-20')
  expect(cell('按期情况')).toBe('超期办结')
  expect(cell('满意度')).toBe('基本满意')
  expect(cell('办理状态')).toBe('已归档')
  expect(cell('反馈情况')).toContain('2026-11-25 入户：防水已重做')

  // A second request handed to the grid worker, now past his date: the filter shows who is behind.
  await page.locator('textarea[name=description]').fill('5号楼单元门禁损坏')
  await typeIn(page, page.getByTestId('entry-category'), '物业管理')
  await setDate(page, 'receivedOn', '2026-11-16')
  await page.locator('input[name=raisedName]').fill('李淑珍')
  await page.locator('input[name=place]').fill('5号楼')
  await page.locator('input[name=place]').press('Enter')
  await expect(page.getByText('已登记：5号楼单元门禁损坏').first()).toBeVisible()
  await page
    .getByTestId('ledger-table')
    .locator('.el-table__body-wrapper tr', { hasText: '5号楼单元门禁' })
    .getByTestId('row-detail')
    .click()
  await drawer.getByRole('tab', { name: '交办' }).click()
  await handler.locator('input[name=handlerName]').fill('网格员小周')
  await pick(page, handler.getByTestId('handler-kind'), '网格员')
  await setDate(handler, 'assignedOn', '2026-11-16')
  await setDate(handler, 'handlerDueOn', '2026-11-23')
  await handler.getByTestId('handler-save').click()
  await expect(handler.getByTestId('handler-current')).toContainText('已超过承办时限')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // The handler filter: each handler's open and overdue items.
  await page.getByTestId('filter-handler').click()
  const option = (name: string) => page.locator('.el-select-dropdown__item:visible', { hasText: name })
  await expect(option('人民调解员老孙')).toContainText('在办 0 件，逾期 0 件')
  await expect(option('网格员小周')).toContainText('在办 1 件，逾期 1 件')
  await shot(page, 'escalation-handler-filter')
  await option('网格员小周').click()
  await expect(page.getByTestId('ledger-count')).toContainText('共 1 条')
  await expect(page.getByTestId('handler-load')).toHaveText('网格员小周：在办 1 件，逾期 1 件')
})

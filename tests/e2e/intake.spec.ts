import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { createMeeting, importRoster, setUpCommunity, shot } from './support/app'

interface Entry {
  text: string
  channel: string
  category: string
  place?: string
  name?: string
  receivedOn?: string
  type?: '即办件' | '补办件' | '承诺件' | '建议件' | '上报件'
}

/** Picks or types a value in an Element Plus select that allows new entries. */
async function choose(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId(testId)).toContainText(value)
}

async function setDate(page: Page, name: string, value: string) {
  const input = page.locator(`input[name=${name}]`)
  await input.fill(value)
  await input.press('Enter')
  await expect(input).toHaveValue(value)
}

/** Logs one request the way a staff member would, ending with Enter. */
async function logRequest(page: Page, e: Entry) {
  const entry = page.getByTestId('ledger-entry')
  await page.locator('textarea[name=description]').fill(e.text)
  if (!(await entry.getByTestId('entry-channel').textContent())?.includes(e.channel))
    await choose(page, 'entry-channel', e.channel)
  await choose(page, 'entry-category', e.category)
  if (e.receivedOn) await setDate(page, 'receivedOn', e.receivedOn)
  if (e.type) await entry.getByTestId('entry-type').getByText(e.type).click()
  if (e.name) await page.locator('input[name=raisedName]').fill(e.name)
  await page.locator('input[name=place]').fill(e.place ?? '')
  await page.locator('input[name=place]').press('Enter')
  await expect(page.getByText(`已登记：${e.text.slice(0, 20)}`).first()).toBeVisible()
}

const row = (page: Page, text: string) =>
  page.getByTestId('ledger-table').locator('.el-table__body-wrapper tr', { hasText: text })

async function triage(page: Page, text: string) {
  await row(page, text).getByTestId('row-triage').click()
  return page.getByTestId('triage-dialog')
}

/** Today in the browser's time zone (Asia/Shanghai), and the next 10th from it. */
function nextTenth(): string {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const month = d > 10 ? (m % 12) + 1 : m
  const year = d > 10 && m === 12 ? y + 1 : y
  return `${year}-${String(month).padStart(2, '0')}-10`
}

const REQUESTS: Entry[] = [
  {
    text: '3号楼北侧小区门常年锁闭，上班绕行一公里，希望开放北门',
    channel: '居民说事厅',
    category: '道路交通',
    place: '3号楼',
    name: '张秀英',
  },
  {
    text: '北门一直不开，接送孩子很不方便，建议早晚开放北门',
    channel: '网格微信群',
    category: '道路交通',
    place: '5号楼',
    name: '刘海燕',
  },
  {
    text: '小区路灯坏了三盏，晚上出行不安全',
    channel: '服务热线',
    category: '公共设施',
    place: '7号楼',
    name: '陈国庆',
  },
  {
    text: '老旧小区改造：楼道照明和雨污管网都需要改',
    channel: '居民说事厅',
    category: '公共设施',
    place: '2号楼',
    name: '杨玉梅',
  },
  {
    text: '楼道堆放杂物，消防通道堵塞',
    channel: '网格微信群',
    category: '安全隐患',
    place: '9号楼',
    name: '黄文博',
    type: '即办件',
  },
  {
    text: '主干道井盖破损，需市政维修',
    channel: '服务热线',
    category: '道路交通',
    place: '小区东门外',
    type: '上报件',
  },
  { text: '要求社区给每户发放免费米面', channel: '意见箱', category: '民生保障', name: '赵晓东' },
  { text: '垃圾分类投放点太远', channel: '居民说事厅', category: '环境卫生', place: '11号楼' },
  { text: '希望增设电动车充电桩', channel: '网格微信群', category: '公共设施', place: '4号楼', type: '建议件' },
  { text: '物业费公示不清楚', channel: '服务热线', category: '物业管理', place: '6号楼', type: '承诺件' },
  { text: '健身器材老化松动', channel: '意见箱', category: '公共设施', place: '中心广场', type: '补办件' },
  // Received weeks ago and still open: overdue.
  {
    text: '广场舞音响太吵，影响休息',
    channel: '意见箱',
    category: '邻里纠纷',
    place: '中心广场',
    receivedOn: '2026-10-19',
    type: '即办件',
  },
]

test('steps 1–3: a new user logs requests, triages them, schedules a meeting and researches a topic', async ({
  page,
}) => {
  test.setTimeout(300_000)
  await setUpCommunity(page)
  await importRoster(page)
  await page.goto('/#/ledger')
  await expect(page.getByTestId('ledger-empty')).toBeVisible()
  await expect(page.locator('textarea[name=description]')).toBeFocused()

  // Bad input is refused whole: an empty description, a due date before the date received.
  await page.getByTestId('entry-save').click()
  await expect(page.getByText('此项必填').first()).toBeVisible()
  await page.locator('textarea[name=description]').fill('测试：时限早于受理日期')
  await choose(page, 'entry-category', '其他')
  await setDate(page, 'receivedOn', '2026-11-10')
  await setDate(page, 'dueOn', '2026-11-02')
  await page.getByTestId('entry-save').click()
  await expect(page.getByText('办结时限不能早于受理日期').first()).toBeVisible()
  await expect(page.getByTestId('ledger-empty')).toBeVisible()
  await page.reload()

  // Twelve requests from four channels, from the keyboard.
  for (const e of REQUESTS) await logRequest(page, e)
  await expect(page.getByTestId('ledger-count')).toContainText('共 12 条')
  // The one received on 19 October as 即办件 is overdue and stands out.
  await expect(row(page, '广场舞音响太吵').locator('.due-tag')).toHaveText('已逾期')
  await expect(page.getByTestId('ledger-count')).toContainText('逾期 1 条')

  // Filters: by channel and by text.
  await page.getByTestId('filter-channel').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '意见箱' }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('ledger-count')).toContainText('共 3 条')
  await page.getByRole('button', { name: '清除筛选' }).click()
  await page.locator('input[name=ledgerSearch]').fill('北门')
  await expect(page.getByTestId('ledger-count')).toContainText('共 2 条')
  await page.locator('input[name=ledgerSearch]').fill('')
  await shot(page, 'intake-ledger')

  // Triage: handled directly.
  let dialog = await triage(page, '楼道堆放杂物')
  await dialog.getByTestId('decision-direct').click()
  await dialog.locator('input[name=decidedBy]').fill('王建国')
  await dialog.locator('textarea[name=reason]').fill('网格员当天清理')
  await dialog.getByTestId('triage-save').click()
  await expect(row(page, '楼道堆放杂物')).toContainText('办理中')

  // Escalated upward.
  dialog = await triage(page, '主干道井盖破损')
  await dialog.getByTestId('decision-escalate').click()
  await dialog.locator('input[name=escalateTo]').fill('新华路街道城建办')
  await dialog.getByTestId('triage-save').click()
  await expect(row(page, '主干道井盖破损')).toContainText('已上报至新华路街道城建办')

  // Rejected: a reason is required, then fed back.
  dialog = await triage(page, '免费米面')
  await dialog.getByTestId('decision-reject').click()
  await dialog.getByTestId('triage-save').click()
  await expect(page.getByText('不予采纳必须写明理由').first()).toBeVisible()
  await expect(row(page, '免费米面')).toContainText('待处理')
  await dialog.locator('textarea[name=reason]').fill('不属于社区职责范围，也无相应资金，已向居民解释')
  await dialog.getByTestId('triage-save').click()
  await expect(row(page, '免费米面')).toContainText('不予采纳')
  // The reason goes back to the person who raised it, and the trail shows it.
  await row(page, '免费米面').getByTestId('row-detail').click()
  const drawer = page.getByTestId('request-drawer')
  await expect(drawer.locator('textarea[name=feedbackContent]')).toHaveValue(/不属于社区职责范围/)
  await drawer.getByTestId('feedback-save').click()
  await expect(drawer.getByTestId('request-trail')).toContainText('电话')
  // A typo is corrected; the old wording stays in the trail.
  await drawer.getByTestId('request-edit').click()
  const edit = page.getByTestId('ledger-edit')
  await edit.locator('textarea[name=description]').fill('要求社区给每户发放免费米面油')
  await edit.getByTestId('entry-save').click()
  await expect(edit).toBeHidden()
  await expect(drawer.getByTestId('request-trail')).toContainText('原内容：要求社区给每户发放免费米面')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // A request cannot be merged into itself.
  dialog = await triage(page, '健身器材老化')
  await dialog.getByTestId('decision-merge').click()
  await dialog.getByTestId('merge-target').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '健身器材老化' }).click()
  await dialog.getByTestId('triage-save').click()
  await expect(page.getByText('不能把一条民情合并到它自己').first()).toBeVisible()
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(row(page, '健身器材老化')).toContainText('待处理')

  // Two duplicates merged into one topic; an empty title is refused first.
  await row(page, '希望开放北门').locator('.el-checkbox').click()
  await row(page, '早晚开放北门').locator('.el-checkbox').click()
  await page.getByTestId('ledger-merge').click()
  dialog = page.getByTestId('triage-dialog')
  await dialog.getByTestId('triage-save').click()
  await expect(page.getByText('议题名称不能为空').first()).toBeVisible()
  await dialog.locator('input[name=topicTitle]').fill('开放小区北门')
  await dialog.locator('textarea[name=reason]').fill('两条民情反映同一问题')
  await dialog.getByTestId('triage-save').click()
  await expect(row(page, '希望开放北门')).toContainText('开放小区北门')
  await expect(row(page, '早晚开放北门')).toContainText('开放小区北门')

  // Two more topics; one of them too broad.
  for (const [text, title] of [
    ['路灯坏了三盏', '修复小区路灯'],
    ['老旧小区改造', '老旧小区改造'],
  ]) {
    dialog = await triage(page, text!)
    await dialog.getByTestId('decision-topic').click()
    await dialog.locator('input[name=topicTitle]').fill(title!)
    await shot(page, 'intake-triage')
    await dialog.getByTestId('triage-save').click()
    await expect(row(page, text!)).toContainText('已列为议题')
  }

  // A meeting on the next 10th with three topics.
  await createMeeting(page, '党群议事日')
  // Topics wait in the pool, so step 1 is done: moving on opens step 2's panel for editing.
  await page.getByTestId('step-advance').click()
  await expect(page.getByTestId('stepper').locator('[data-step=confirm]')).toHaveAttribute('data-status', 'current')
  await page.mouse.move(20, 600)
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 })
  await page.getByTestId('stepper').locator('[data-step=confirm]').click()
  await expect(page.getByTestId('agenda-panel')).toBeVisible()
  // 党群议事日 falls on the community's regular day (the 10th) unless changed.
  await expect(page.locator('input[name=date]')).toHaveValue(nextTenth())

  const pool = page.getByTestId('agenda-pool')
  await pool.locator('[data-topic=老旧小区改造]').getByTestId('topic-split').click()
  const reshape = page.getByTestId('reshape-dialog')
  await reshape.locator('input[name=part0]').fill('楼道照明改造')
  await reshape.getByTestId('reshape-save').click()
  await expect(page.getByText('议题名称不能为空').first()).toBeVisible()
  await reshape.locator('input[name=part1]').fill('雨污管网改造')
  await reshape.locator('input[name=reshapeReason]').fill('两项工程资金来源不同，分开议')
  await reshape.getByTestId('reshape-save').click()
  await expect(pool.locator('[data-topic=楼道照明改造]')).toBeVisible()
  await expect(pool.locator('[data-topic=雨污管网改造]')).toBeVisible()
  await expect(pool.locator('[data-topic=老旧小区改造]')).toHaveCount(0)

  for (const title of ['开放小区北门', '修复小区路灯', '楼道照明改造'])
    await pool.locator(`[data-topic=${title}]`).getByTestId('topic-schedule').click()
  const list = page.getByTestId('agenda-list')
  await expect(list.getByTestId('agenda-item')).toHaveCount(3)

  // Basics: time, place, chair and recorder.
  await page.locator('input[name=startTime]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '19:00' }).click()
  await page.locator('input[name=place]').fill('社区党群服务中心二楼会议室')
  await page.locator('input[name=chair]').click()
  await page.keyboard.type('王建国')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '王建国' }).first().click()
  await page.locator('input[name=recorder]').click()
  await page.keyboard.type('李文博')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '李文博' }).first().click()
  await page.getByTestId('agenda-basics-save').click()
  await expect(page.getByTestId('meeting-title').locator('..')).toContainText(`${nextTenth()} 19:00`)

  // Minutes and order give the end time.
  const minutes = list.getByTestId('agenda-minutes').locator('input')
  for (const [i, m] of ['30', '20', '25'].entries()) {
    await minutes.nth(i).fill(m)
    await minutes.nth(i).press('Tab')
  }
  await expect(list.getByTestId('agenda-end')).toContainText('20:15')
  await list.getByTestId('agenda-down').first().click()
  await expect(list.getByTestId('agenda-item').first()).toHaveAttribute('data-topic', '修复小区路灯')
  await expect(list.getByTestId('agenda-time').first()).toHaveText('19:00–19:20')

  // Participants by role preset, and the X of the north-gate topic.
  await page.getByTestId('invite-roles').click()
  await expect(page.getByText(/已邀请 \d+ 人/).first()).toBeVisible()
  const parties = page.getByTestId('topic-party-form')
  await parties.getByTestId('party-topic').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '开放小区北门' }).click()
  await parties.locator('input[name=partyName]').fill('3号楼住户代表 周桂兰')
  await parties.getByTestId('party-add').click()
  await parties.getByTestId('party-role').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '政府相关部门' }).click()
  await parties.locator('input[name=partyName]').fill('新华路街道城管执法中队')
  await parties.getByTestId('party-add').click()
  const table = page.getByTestId('participant-table')
  await expect(table.locator('tr', { hasText: '3号楼住户代表 周桂兰' })).toContainText('利益相关方')
  await expect(table.locator('tr', { hasText: '城管执法中队' })).toContainText('开放小区北门')

  // The agenda notice.
  await page.getByTestId('notice-save').click()
  await expect(page.getByTestId('notice-recorded')).toContainText('公示栏、网格微信群')

  // The trail of the merged topic: both requests, each decision with date, who and reason.
  await list.locator('[data-topic=开放小区北门]').getByTestId('topic-trail').click()
  const trail = page.getByTestId('trail-dialog')
  await expect(trail.getByTestId('trail-requests')).toContainText('希望开放北门')
  await expect(trail.getByTestId('trail-requests')).toContainText('早晚开放北门')
  await expect(trail.getByTestId('trail-events')).toContainText('合并：两条民情反映同一问题')
  await expect(trail.getByTestId('trail-events')).toContainText('排入会议')
  await trail
    .getByRole('button', { name: /close|关闭/i })
    .first()
    .click()
  await list.locator('[data-topic=楼道照明改造]').getByTestId('topic-trail').click()
  await expect(page.getByTestId('trail-dialog')).toContainText('由议题“老旧小区改造”拆分而来')
  await expect(page.getByTestId('trail-dialog')).toContainText('两项工程资金来源不同')
  await page.keyboard.press('Escape')
  await shot(page, 'intake-agenda')

  // Step 2's guard is met: date, place, chair, recorder, people and notice.
  // The success toast sits over the top of the page, where the scrolled stepper now is,
  // and stays while the pointer rests on it: move away and let it go first.
  await page.mouse.move(20, 600)
  await expect(page.locator('.el-message')).toHaveCount(0)
  await page.getByTestId('step-advance').click()
  await expect(page.getByTestId('stepper').locator('[data-step=research]')).toHaveAttribute('data-status', 'current')
  await expect(page.getByTestId('step-missing')).toContainText('议题“开放小区北门”还没有议前调研记录')

  // Research: a canvass that does not add up is refused, then the right one is kept.
  await page.getByTestId('stepper').locator('[data-step=research]').click()
  const panel = page.getByTestId('research-panel')
  await panel.getByTestId('research-topics').getByText('开放小区北门').click()
  const canvass = panel.getByTestId('research-canvass')
  await canvass.locator('input[name=canvassQuestion]').fill('是否同意开放小区北门')
  const fillRow = async (i: number, values: (string | number)[]) => {
    const names = ['group', 'asked', 'agree', 'disagree', 'noAnswer', 'notReached']
    for (const [k, v] of values.entries()) {
      const input = canvass.locator(`input[name=${names[k]}${i}]`)
      await input.fill(String(v))
      await input.press('Tab')
    }
  }
  await fillRow(0, ['1-6号楼', 1000, 980, 10, 6, 4])
  await canvass.getByTestId('canvass-add-row').click()
  await fillRow(1, ['7-12号楼', 800, 780, 10, 5, 4])
  await canvass.getByTestId('canvass-save').click()
  await expect(page.getByText('“7-12号楼”的各项之和（799）与走访户数（800）不一致').first()).toBeVisible()
  await expect(canvass.getByTestId('canvass-saved')).toHaveCount(0)
  await fillRow(1, ['7-12号楼', 800, 780, 10, 5, 5])
  await canvass.getByTestId('canvass-save').click()
  await expect(canvass.getByTestId('canvass-saved')).toContainText('走访 1800 户，1760 户同意（97.8%）')

  const options = panel.getByTestId('research-options')
  for (const o of [
    { title: '全天开放北门，加装门禁', cost: '48000', funding: '社区公益金', rec: true },
    { title: '早晚高峰时段开放', cost: '12000', funding: '物业维修基金', rec: false },
  ]) {
    await options.locator('input[name=optionTitle]').fill(o.title)
    await options.locator('input[name=optionCost]').fill(o.cost)
    await options.locator('input[name=optionFunding]').fill(o.funding)
    if (o.rec) await options.getByText('推荐方案').click()
    await options.getByTestId('option-save').click()
    await expect(options.getByTestId('option-item').filter({ hasText: o.title })).toBeVisible()
  }
  await expect(options.getByTestId('option-item').filter({ hasText: '全天开放北门' })).toContainText('48,000 元')

  await panel.getByTestId('research-activities').locator('input[name=activityWho]').fill('王建国、网格员刘海燕')
  await panel
    .getByTestId('research-activities')
    .locator('textarea[name=activityFindings]')
    .fill('北门外为城市道路，开门后需加装门禁和减速带')
  await panel.getByTestId('activity-save').click()

  // An attachment over the limit is refused with the size named; a photo goes in.
  const files = panel.getByTestId('attachment-file')
  await files.setInputFiles({
    name: '北门全景.mp4',
    mimeType: 'video/mp4',
    buffer: Buffer.alloc(11 * 1024 * 1024, 1) as Buffer,
  })
  await expect(page.getByText('超过了 10 MB 的上限').first()).toBeVisible()
  await expect(panel.getByTestId('attachment-item')).toHaveCount(0)
  await files.setInputFiles({ name: '北门现状.png', mimeType: 'image/png', buffer: Buffer.alloc(2048, 7) as Buffer })
  await expect(panel.getByTestId('attachment-item')).toContainText('北门现状.png')

  await panel
    .locator('textarea[name=researchSummary]')
    .fill('北门开放涉及 12 个楼栋，绝大多数住户同意；推荐全天开放并加装门禁。')
  await panel.getByTestId('summary-save').click()
  await panel.getByTestId('summary-show').click()
  const summary = page.getByTestId('research-summary')
  await expect(summary).toContainText('1,760')
  await expect(summary).toContainText('48,000 元')
  await shot(page, 'intake-research-summary')
  await page.keyboard.press('Escape')

  // Export the ledger and read it back.
  await page.goto('/#/ledger')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()])
  const wb = new ExcelJS.Workbook()
  const file = await readFile(await download.path())
  await wb.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer)
  const ws = wb.getWorksheet('民情台账')!
  const header = (ws.getRow(2).values as unknown[]).slice(1)
  expect(header).toEqual(
    expect.arrayContaining([
      '受理日期',
      '收集渠道',
      '反映人',
      '诉求内容',
      '办理类型',
      '办结时限',
      '办理状态',
      '处理决定',
      '所列议题',
    ]),
  )
  const rows: Record<string, unknown>[] = []
  ws.eachRow((r, n) => {
    if (n > 2) rows.push(Object.fromEntries(header.map((h, i) => [String(h), r.getCell(i + 1).value])))
  })
  expect(rows).toHaveLength(12)
  const find = (text: string) => rows.find((r) => String(r.诉求内容).includes(text))!
  expect(find('希望开放北门')).toMatchObject({
    收集渠道: '居民说事厅',
    反映人: '张秀英',
    办理状态: '已列为议题',
    所列议题: '开放小区北门',
  })
  expect(find('早晚开放北门')).toMatchObject({ 收集渠道: '网格微信群', 所列议题: '开放小区北门' })
  expect(find('免费米面')).toMatchObject({ 处理决定: '不予采纳', 办理状态: '不予采纳' })
  expect(String(find('免费米面')['理由/上报去向'])).toContain('不属于社区职责范围')
  expect(String(find('免费米面').反馈情况)).toMatch(/电话：不属于社区职责范围/)
  expect(String(find('井盖破损').上报及答复)).toContain('新华路社区 → 新华路街道城建办')
  expect(find('井盖破损').办理状态).toBe('已上报至新华路街道城建办')
  expect(find('广场舞音响')).toMatchObject({ 时限提醒: '已逾期', 办理类型: '即办件' })
})

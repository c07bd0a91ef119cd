import { expect, test, type Locator, type Page } from '@playwright/test'
import { rosterRows } from './fixtures/roster'
import { createMeeting, importRoster, setUpCommunity, shot, skipToDeliberation } from './support/app'

const names = rosterRows(30).map((r) => r.姓名)

/** Picks an option of an Element Plus select (the dropdown is teleported to body). */
async function pick(page: Page, select: Locator, option: string) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

async function counts(scope: Locator, prefix: string, c: [number, number, number, number]) {
  const keys = ['for', 'against', 'abstain', 'invalid']
  for (let i = 0; i < 4; i++) {
    const input = scope.locator(`input[name=${prefix}-${keys[i]}]`)
    await input.fill(String(c[i]))
    await input.press('Tab')
  }
}

async function addTopic(page: Page, title: string, description: string) {
  await page.locator('input[name=topicTitle]').fill(title)
  await page.locator('textarea[name=topicDescription]').fill(description)
  await page.getByTestId('topic-add-save').click()
  await expect(page.getByTestId('topics')).toContainText(title)
}

/** The meeting's basics in the overview: time, place, chair and recorder. */
async function fillBasics(page: Page, chair: string, recorder: string) {
  await page.locator('input[name=startTime]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '19:00' }).click()
  await expect(page.locator('.el-select-dropdown__item:visible', { hasText: '19:00' })).toHaveCount(0)
  await page.locator('input[name=place]').fill('村委会二楼会议室')
  for (const [field, name] of [
    ['chair', chair],
    ['recorder', recorder],
  ]) {
    await page.locator(`input[name=${field}]`).click()
    await page.keyboard.type(name!)
    await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
  }
  await page.getByTestId('basics-save').click()
  await expect(page.getByText('已保存').first()).toBeVisible()
}

async function signIn(page: Page, from: number, to: number) {
  for (const name of names.slice(from, to))
    await page.getByTestId(`state-${name}`).getByText('出席', { exact: true }).click()
}

test('a live meeting: sign-in, quorum, three topics with votes, recusal, resolution, projector, sealing', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000)
  await setUpCommunity(page)
  await importRoster(page, 30)

  // A villagers' representatives' meeting: the legal defaults fill in (⅔ quorum).
  await page.goto('/#/bodies')
  await expect(page.getByTestId('bodies-empty')).toBeVisible()
  await page.getByTestId('body-new').click()
  const dialog = page.getByTestId('body-dialog')
  await pick(page, dialog.locator('.el-select').first(), '村民代表会议')
  await expect(dialog.locator('input[name=bodyName]')).toHaveValue('村民代表会议')
  await dialog.getByTestId('body-all-members').click()
  await expect(dialog).toContainText('已选 30 人')
  await dialog.getByTestId('body-save').click()
  const table = page.getByTestId('bodies-table')
  await expect(table).toContainText('全体成员三分之二以上出席')
  await expect(table).toContainText('实到人数过半数同意')
  await shot(page, 'bodies')

  await createMeeting(page, '2026年12月村民代表会议')
  await skipToDeliberation(page)
  await pick(page, page.getByTestId('body-picker').locator('.el-select'), '村民代表会议')
  await expect(page.getByTestId('decides-tag')).toHaveText('决定事项')

  // Sign-in from the body's members; the chair and two tellers get their roles.
  await page.getByTestId('sign-in-start').click()
  // The meeting has no date yet: sign-in asks to date it today.
  await page.locator('.el-message-box').getByRole('button', { name: '改为今天' }).click()
  await expect(page.getByText('已生成签到表：30 人')).toBeVisible()
  // These checks read the full layout; the compact live mode has its own test.
  await page.getByTestId('live-off').click()
  await pick(page, page.getByTestId(`role-${names[0]}`), '主持人')
  await pick(page, page.getByTestId(`role-${names[1]}`), '监票人/计票人')
  await pick(page, page.getByTestId(`role-${names[2]}`), '监票人/计票人')
  await signIn(page, 0, 10)
  await expect(page.getByTestId('quorum-present')).toHaveText('10')
  await expect(page.getByTestId('quorum-verdict')).toHaveText('未达到法定人数：至少需要 20 人出席')

  // The chair tries to vote too early: refused in Chinese, nothing recorded.
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await expect(page.getByTestId('topics')).toContainText('还没有议题')
  await addTopic(page, '小区北门开通方案', '开通北门方便居民出行，需加装门禁。')
  const t1 = page.getByTestId('topic-1')
  await t1.getByTestId('vote-open').click()
  await counts(t1, 'count', [8, 1, 1, 0])
  await t1.getByTestId('vote-close').click()
  await expect(page.getByText('未达到法定人数（实到 10 人，至少需要 20 人），不能结束表决')).toBeVisible()
  await expect(t1.getByTestId('vote-open-hands')).toBeVisible()
  await expect(t1.getByTestId('vote-result')).toHaveCount(0)

  // Everyone else arrives: 25 of 30 present, two on leave, one written opinion, a walk-in recorder and stakeholder.
  await page.getByRole('tab', { name: '签到' }).click()
  await signIn(page, 10, 25)
  await page.getByTestId(`state-${names[25]}`).getByText('请假').click()
  await page.getByTestId(`state-${names[26]}`).getByText('请假').click()
  await page.getByTestId(`state-${names[27]}`).getByText('书面意见').click()
  await page.locator('input[name=walkInName]').fill('林晓')
  await pick(page, page.locator('[data-testid=walk-in] .el-select').last(), '记录人')
  await page.getByTestId('walk-in-add').click()
  await page.locator('input[name=walkInName]').fill('周物业')
  await pick(page, page.locator('[data-testid=walk-in] .el-select').last(), '利益相关方')
  await page.getByTestId('walk-in-add').click()
  await expect(page.getByTestId('sign-in-summary')).toContainText(
    '实到 27 人（有表决权 25 人，列席 2 人）；请假 2 人；书面意见 1 人',
  )
  await expect(page.getByTestId('quorum-present')).toHaveText('25')
  await expect(page.getByTestId('quorum-verdict')).toHaveText('已达到法定人数（需 20 人）')
  await shot(page, 'deliberation-sign-in')

  // The projector opens as a second page and shows the quorum.
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-open').click()])
  await projector.setViewportSize({ width: 1280, height: 720 })
  const screen = projector.getByTestId('projector')
  await expect(screen).toHaveAttribute('data-slide', 'standby')
  await page.getByTestId('slide-quorum').click()
  await expect(projector.getByTestId('projector-quorum')).toHaveText('已达到法定人数，会议有效')
  await expect(projector.getByTestId('projector-present')).toHaveText('25')
  await shot(projector, 'projector-quorum')

  // Topic 1: speakers with a countdown, then a show of hands that passes.
  await page.getByRole('tab', { name: '逐项议事' }).click()
  await addTopic(page, '停车位收费标准调整', '地面停车位月租由 60 元调整为 80 元。')
  await addTopic(page, '广场舞活动时段调整', '晚间活动结束时间由 21:30 提前到 21:00。')
  await page.getByTestId('deliberation').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('ArrowRight')
  await expect(screen).toHaveAttribute('data-slide', 'topic')
  await expect(screen).toContainText('小区北门开通方案')
  await shot(projector, 'projector-topic')

  const sp = t1.locator('[data-testid^=speakers-]')
  await pick(page, sp.locator('.el-select'), names[3]!)
  await sp.getByTestId('speaker-add').click()
  await pick(page, sp.locator('.el-select'), names[4]!)
  await sp.getByTestId('speaker-add').click()
  await expect(sp.locator('li')).toHaveCount(2)
  await sp.getByTestId(`speaker-${names[3]}`).getByTestId('speaker-start').click()
  await expect(screen).toHaveAttribute('data-slide', 'speaker')
  await expect(projector.getByTestId('projector-speaker')).toHaveText(names[3]!)
  await expect(projector.getByTestId('projector-timer')).toHaveText(/^0[23]:\d\d$/)
  await expect(screen).toContainText(`接下来：${names[4]}`)
  await shot(projector, 'projector-speaker')
  await page.getByTestId('deliberation').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('n')
  await expect(projector.getByTestId('projector-speaker')).toHaveText(names[4]!)
  await page.keyboard.press('t')
  await expect(screen).toContainText('发言结束')
  await expect(sp.getByTestId('time-per-role')).toBeVisible()
  const st = t1.locator('[data-testid^=statements-]')
  await pick(page, st.locator('.el-select'), names[3]!)
  await st.locator('input[name=statementGist]').fill('赞成开通，建议刷卡进出')
  await st.getByTestId('statement-add').click()
  await expect(st).toContainText('赞成开通，建议刷卡进出')

  // More ballots than voters present is refused; the right counts pass.
  await counts(t1, 'count', [24, 3, 0, 0])
  await t1.getByTestId('vote-close').click()
  await expect(page.getByText('票数合计 27 超过了有表决权的实到人数 25，请核对')).toBeVisible()
  await expect(t1.getByTestId('vote-result')).toHaveCount(0)
  await counts(t1, 'count', [20, 3, 2, 0])
  await t1.getByTestId('vote-close').click()
  await page.locator('.el-message-box').getByRole('button', { name: '确认结束表决' }).click()
  await expect(t1.getByTestId('vote-result')).toHaveText('通过')
  await expect(t1.getByTestId('vote-counts')).toContainText('同意 20 · 反对 3 · 弃权 2 · 无效 0')
  await page.getByTestId('deliberation').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('r')
  await expect(screen).toHaveAttribute('data-slide', 'result')
  await expect(projector.getByTestId('projector-result')).toHaveText('通过')
  await expect(projector.getByTestId('projector-count-for')).toHaveText('20')
  await shot(projector, 'projector-result-passed')

  // The resolution: an action item missing its supervisor is refused whole.
  const res = t1.locator('[data-testid^=resolution-]')
  await res.locator('textarea[name=resolutionText]').fill('同意开通小区北门，加装人脸识别门禁，费用由公共收益列支。')
  const items = [
    ['加装门禁设备', '物业服务中心', '人脸识别门禁运行正常，居民全部录入', '2027-01-31', '业委会主任'],
    ['拆除北门临时围挡', '社区居委会', '围挡全部拆除，路面平整', '2027-01-15', '居务监督委员会'],
    ['制定北门通行管理办法', '业主委员会', '办法经业主代表讨论并公示', '2027-02-15', ''],
  ]
  for (let i = 0; i < items.length; i++) {
    await res.getByTestId('item-add').click()
    const keys = ['title', 'owner', 'standard', 'dueOn', 'supervisor']
    for (let k = 0; k < 5; k++) {
      const input = res.locator(`input[name=item${i + 1}-${keys[k]}]`)
      if (!items[i]![k]) continue
      await input.fill(items[i]![k]!)
      if (keys[k] === 'dueOn') await input.press('Enter')
    }
  }
  await res.getByTestId('resolution-save').click()
  await expect(page.getByText('第 3 项落实事项缺少“谁来监督”')).toBeVisible()
  await expect(res.getByTestId('project-resolution')).toHaveCount(0)
  await res.locator('input[name=item3-supervisor]').fill('社区党委')
  await res.getByTestId('resolution-save').click()
  await expect(page.getByText('决议已保存')).toBeVisible()
  await res.getByTestId('project-resolution').click()
  await expect(screen).toHaveAttribute('data-slide', 'resolution')
  await expect(projector.getByTestId('projector-items').locator('tbody tr')).toHaveCount(3)
  await expect(projector.getByTestId('projector-items')).toContainText('社区党委')
  await shot(projector, 'projector-resolution')

  // Topic 2: one member recuses; a paper ballot where the tellers disagree, then agree.
  const t2 = page.getByTestId('topic-2')
  await page.getByTestId('deliberation').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('ArrowRight')
  await expect(screen).toContainText('停车位收费标准调整')
  const rec = t2.locator('[data-testid^=recusals-]')
  await pick(page, rec.locator('.el-select'), names[5]!)
  await rec.locator('input[name=recusalReason]').fill('本人经营停车场，与议题有利害关系')
  await rec.getByTestId('recusal-add').click()
  await expect(rec).toContainText(`${names[5]}：本人经营停车场`)
  await pick(page, t2.locator('[data-testid^=vote-method-]'), '纸质表决票')
  await t2.getByTestId('vote-open').click()
  await pick(page, t2.getByTestId('teller-1').locator('.el-select'), names[1]!)
  await counts(t2.getByTestId('teller-1'), 'teller1', [15, 6, 2, 1])
  await t2.getByTestId('teller-1-save').click()
  await pick(page, t2.getByTestId('teller-2').locator('.el-select'), names[2]!)
  await counts(t2.getByTestId('teller-2'), 'teller2', [14, 7, 2, 1])
  await t2.getByTestId('teller-2-save').click()
  await expect(t2.getByTestId('teller-mismatch')).toBeVisible()
  await t2.getByTestId('vote-close').click()
  await expect(page.getByText(`计票不一致：${names[1]} 与 ${names[2]} 的计数不同`)).toBeVisible()
  await expect(t2.getByTestId('vote-result')).toHaveCount(0)
  await expect(screen).toHaveAttribute('data-slide', 'topic')
  await shot(page, 'deliberation-teller-mismatch')
  await counts(t2.getByTestId('teller-2'), 'teller2', [15, 6, 2, 1])
  await t2.getByTestId('teller-2-save').click()
  await expect(t2.getByTestId('teller-mismatch')).toHaveCount(0)
  await t2.getByTestId('vote-close').click()
  await page.locator('.el-message-box').getByRole('button', { name: '确认结束表决' }).click()
  await expect(t2.getByTestId('vote-result')).toHaveText('通过')
  // The recusal leaves the quorum alone and takes one voter out of this topic's passing base.
  await expect(t2).toContainText('实到 25，应到 30，全体成员 30')
  await expect(t2).toContainText('1 人回避，不计入本议题通过基数')
  await expect(t2).toContainText('监票人、计票人：')
  await t2.getByTestId('project-result').click()
  await expect(projector.getByTestId('projector-count-for')).toHaveText('15')
  await expect(screen).toContainText('纸质表决票')

  // Topic 3: 12 of 25 is not more than half of those present: it fails. Shown at 4:3.
  const t3 = page.getByTestId('topic-3')
  await t3.getByTestId('project-topic').click()
  await expect(screen).toContainText('第 3 项议题（共 3 项）')
  await t3.getByTestId('vote-open').click()
  // While the vote is open the projector never shows a tally.
  await page.getByTestId('deliberation').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('r')
  await expect(page.getByText('本议题还没有已结束的表决')).toBeVisible()
  await expect(screen).toHaveAttribute('data-slide', 'topic')
  await counts(t3, 'count', [12, 8, 5, 0])
  await t3.getByTestId('vote-close').click()
  await page.locator('.el-message-box').getByRole('button', { name: '确认结束表决' }).click()
  await expect(t3.getByTestId('vote-result')).toHaveText('未通过')
  await page.getByTestId('deliberation').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('r')
  await expect(projector.getByTestId('projector-result')).toHaveText('未通过')
  await projector.setViewportSize({ width: 1024, height: 768 })
  await shot(projector, 'projector-result-failed-4x3')
  await page.keyboard.press('b')
  await expect(screen).toHaveAttribute('data-slide', 'black')
  await expect(screen).not.toContainText('未通过')
  await page.keyboard.press('b')
  await expect(screen).toHaveAttribute('data-slide', 'result')
  await expect(page.getByTestId('shortcuts')).toContainText('下一位发言')
  await shot(page, 'deliberation-topics')

  // Without time, place, chair and recorder the minutes header would stay blank for good: no seal.
  await page.getByRole('tab', { name: '闭会封存' }).click()
  await expect(page.getByTestId('seal-button')).toBeDisabled()
  await expect(page.getByTestId('seal')).toContainText('还没有指定主持人')
  await expect(page.getByTestId('seal')).toContainText('还没有定会议地点')
  await page.getByTestId('seal-fix').click()
  await fillBasics(page, names[0]!, names[24]!)
  await page.goto(page.url().replace(/#\/meetings\/([^/]+).*$/, '#/meetings/$1/deliberation'))

  // Closing seals everything; the verification code appears and the chain verifies.
  await page.getByRole('tab', { name: '闭会封存' }).click()
  await expect(page.getByTestId('seal-blocker')).toHaveCount(0)
  await page.getByTestId('seal-button').click()
  await page.getByRole('button', { name: '闭会并封存' }).last().click()
  await expect(page.getByTestId('verification-code')).toHaveText(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/)
  await page.getByTestId('chain-verify').click()
  await expect(page.getByTestId('chain-check')).toContainText('核验通过')
  await shot(page, 'deliberation-sealed')
  await page.getByRole('tab', { name: '签到' }).click()
  await expect(page.getByTestId(`state-${names[29]}`).locator('input').first()).toBeDisabled()
})

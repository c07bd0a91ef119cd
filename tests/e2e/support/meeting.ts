// Running a meeting through the screens, as the secretary does: requests
// logged and made topics in the ledger, a meeting prepared through steps 2
// and 3, signed in and voted in step 4. Specs that need a decided meeting use
// these instead of writing IndexedDB.
import { expect, type Locator, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { createMeeting } from './app'

/** A day and time in Shanghai. */
export const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`)

export async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** A filterable select that also takes a new entry (channels, categories). */
export async function choose(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId(testId)).toContainText(value)
}

export async function setDate(scope: Locator, name: string, value: string): Promise<void> {
  const input = scope.locator(`input[name=${name}]`)
  await input.fill(value)
  await input.press('Enter')
  await expect(input).toHaveValue(value)
}

export async function typeNumber(scope: Locator, name: string, value: number): Promise<void> {
  const input = scope.locator(`input[name=${name}]`)
  await input.fill(String(value))
  await input.press('Tab')
}

/** Moves the wall clock to a day and reloads the page, as a user opening the app that morning. */
export async function goToDay(page: Page, day: string, time = '09:00'): Promise<void> {
  await page.clock.setFixedTime(at(day, time))
  await page.reload()
}

export async function openStep(page: Page, step: string, testId: string): Promise<void> {
  await page.getByTestId('stepper').locator(`[data-step=${step}]`).click()
  await expect(page.getByTestId(testId)).toBeVisible()
}

/** Moves the meeting on to the next step once its guard is met. */
export async function advance(page: Page, to: string): Promise<void> {
  await page.mouse.move(20, 600)
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 })
  await page.getByTestId('step-advance').click({ timeout: 15_000 })
  await expect(page.getByTestId('stepper').locator(`[data-step=${to}]`)).toHaveAttribute('data-status', 'current')
}

/**
 * Saves a download and returns its text as pdftotext reads it, whitespace
 * removed; with `layout`, table rows stay on their lines with single spaces.
 */
export async function pdfText(page: Page, button: Locator, layout = false): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()])
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', await download.path(), '-'])
  return text.toString('utf8').replace(/\s+/g, layout ? ' ' : '')
}

export interface NewRequest {
  description: string
  channel: string
  category: string
  raisedName: string
  /** Handling type as the entry form shows it; 承诺件 by default */
  type?: string
  dueOn?: string
}

/** Logs a request in the ledger (step 1) and returns its ledger row. */
export async function logRequest(page: Page, r: NewRequest): Promise<Locator> {
  await page.goto('/#/ledger')
  const entry = page.getByTestId('ledger-entry')
  await page.locator('textarea[name=description]').fill(r.description)
  await choose(page, 'entry-channel', r.channel)
  await choose(page, 'entry-category', r.category)
  await entry
    .getByTestId('entry-type')
    .getByText(r.type ?? '承诺件')
    .click()
  if (r.dueOn) await setDate(entry, 'dueOn', r.dueOn)
  await page.locator('input[name=raisedName]').fill(r.raisedName)
  await page.getByTestId('entry-save').click()
  await expect(page.getByText(`已登记：${r.description.slice(0, 20)}`).first()).toBeVisible()
  return page
    .getByTestId('ledger-table')
    .locator('.el-table__body-wrapper tr', { hasText: r.description.slice(0, 12) })
    .first()
}

/** Logs a request and makes it a topic through the triage dialog. */
export async function logTopic(page: Page, r: NewRequest, title: string, decidedBy: string): Promise<Locator> {
  const row = await logRequest(page, r)
  await row.getByTestId('row-triage').click()
  const triage = page.getByTestId('triage-dialog')
  await triage.getByTestId('decision-topic').click()
  await triage.locator('input[name=topicTitle]').fill(title)
  await triage.locator('input[name=decidedBy]').fill(decidedBy)
  await triage.getByTestId('triage-save').click()
  await expect(row).toContainText('已列为议题')
  return row
}

export interface MeetingPlan {
  title: string
  /** Topics taken from the pool, in agenda order */
  topics: string[]
  chair: string
  recorder: string
  place?: string
  /** YYYY-MM-DD; the community's regular day when unset */
  date?: string
}

/**
 * Creates a meeting and takes it through steps 2 and 3 to step 4: the topics
 * from the pool, basics, invitations, the agenda notice, and each topic marked
 * as needing no research. Returns the meeting's URL.
 */
export async function prepareMeeting(page: Page, plan: MeetingPlan): Promise<string> {
  const url = await startMeeting(page, plan.title)
  await prepareAgenda(page, plan)
  return url
}

/** Creates a meeting and opens step 2 with the topic pool. Returns the meeting's URL. */
export async function startMeeting(page: Page, title: string): Promise<string> {
  await createMeeting(page, title)
  const url = page.url().replace(/#\/meetings\/([^/]+).*$/, '#/meetings/$1')
  await advance(page, 'confirm')
  await openStep(page, 'confirm', 'agenda-panel')
  return url
}

/** Steps 2 and 3 of a meeting open at step 2, up to step 4. */
export async function prepareAgenda(page: Page, plan: MeetingPlan): Promise<void> {
  for (const [i, title] of plan.topics.entries()) {
    await page.getByTestId('agenda-pool').locator(`[data-topic="${title}"]`).getByTestId('topic-schedule').click()
    await expect(page.getByTestId('agenda-list').getByTestId('agenda-item')).toHaveCount(i + 1)
  }
  if (plan.date) await setDate(page.getByTestId('agenda-panel'), 'date', plan.date)
  await page.locator('input[name=startTime]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '19:00' }).click()
  await page.locator('input[name=place]').fill(plan.place ?? '社区党群服务中心二楼会议室')
  for (const [field, name] of [
    ['chair', plan.chair],
    ['recorder', plan.recorder],
  ] as const) {
    await page.locator(`input[name=${field}]`).click()
    await page.keyboard.type(name)
    await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
  }
  await page.getByTestId('agenda-basics-save').click()
  await expect(page.getByTestId('meeting-title').locator('..')).toContainText('19:00')
  await page.getByTestId('invite-roles').click()
  await expect(page.getByText(/已邀请 \d+ 人/).first()).toBeVisible()
  await page.getByTestId('notice-save').click()
  await expect(page.getByTestId('notice-recorded')).toBeVisible()
  await advance(page, 'research')
  await openStep(page, 'research', 'research-panel')
  const research = page.getByTestId('research-panel')
  for (const title of plan.topics) {
    await research.getByTestId('research-topics').getByText(title).click()
    await research.getByTestId('no-research').click()
    await expect(research.getByTestId('no-research')).toHaveClass(/is-checked/)
  }
  await advance(page, 'deliberate')
}

/** Step 4: the body, the sign-in sheet with everyone present but those on leave. */
export async function signIn(page: Page, body: string, onLeave: string[] = []): Promise<void> {
  await openStep(page, 'deliberate', 'deliberation')
  await pick(page, page.getByTestId('body-picker').locator('.el-select'), body)
  await page.getByTestId('sign-in-start').click()
  await expect(page.getByText(/已生成签到表：\d+ 人/)).toBeVisible()
  await page.getByTestId('sign-in-all').click()
  for (const name of onLeave) await page.getByTestId(`state-${name}`).getByText('请假').click()
  await page.getByRole('tab', { name: '逐项议事' }).click()
}

/** Opens the topic's chip in the live console and returns its panel. */
async function liveTopic(page: Page, n: number): Promise<Locator> {
  await page.getByTestId(`live-topic-${n}`).click()
  await expect(page.getByTestId(`live-topic-${n}`)).toHaveAttribute('aria-selected', 'true')
  return page.getByTestId(`topic-${n}`)
}

/** Votes on the n-th topic by show of hands (or the method shown) and closes the vote. */
export async function vote(
  page: Page,
  n: number,
  counts: { for: number; against: number; abstain: number },
  result: string,
  method?: string,
): Promise<Locator> {
  const topic = await liveTopic(page, n)
  if (method) await pick(page, topic.locator('[data-testid^=vote-method-]'), method)
  await topic.getByTestId('vote-open').click()
  for (const [k, v] of [...Object.entries(counts), ['invalid', 0] as const]) {
    await topic.locator(`input[name=count-${k}]`).fill(String(v))
    await topic.locator(`input[name=count-${k}]`).press('Tab')
  }
  await topic.getByTestId('vote-close').click()
  await page
    .locator('.el-message-box__btns .el-button--primary')
    .click({ timeout: 2_000 })
    .catch(() => undefined)
  await expect(topic.getByTestId('vote-result')).toHaveText(result)
  return topic
}

/** 暂缓表决 on the n-th topic, with the reason. */
export async function defer(page: Page, n: number, reason: string): Promise<void> {
  const topic = await liveTopic(page, n)
  await topic.getByTestId('topic-defer').click()
  const box = page.locator('.el-message-box')
  await box.locator('input').fill(reason)
  await box.locator('.el-button--primary').click()
  await expect(topic.getByTestId('topic-deferred')).toBeVisible()
}

export interface ActionItemPlan {
  title: string
  owner: string
  standard: string
  dueOn: string
  supervisor: string
}

/** The resolution of the n-th topic with its action items (谁来干、干到什么标准、完成时限、监督人). */
export async function resolve(page: Page, topic: Locator, text: string, items: ActionItemPlan[]): Promise<void> {
  const resolution = topic.locator('[data-testid^=resolution-]')
  await resolution.locator('textarea[name=resolutionText]').fill(text)
  for (const [i, item] of items.entries()) {
    await resolution.getByTestId('item-add').click()
    for (const k of ['title', 'owner', 'standard', 'dueOn', 'supervisor'] as const) {
      const input = resolution.locator(`input[name=item${i + 1}-${k}]`)
      await input.fill(item[k])
      if (k === 'dueOn') await input.press('Enter')
    }
  }
  await resolution.getByTestId('resolution-save').click()
  await expect(page.getByText('决议已保存')).toBeVisible()
}

/** Closes and seals the meeting in step 4, then returns to its page. */
export async function seal(page: Page, meetingUrl: string): Promise<void> {
  await page.getByRole('tab', { name: '闭会封存' }).click()
  await expect(page.getByTestId('seal-blocker')).toHaveCount(0)
  await page.getByTestId('seal-button').click()
  await page.getByRole('button', { name: '闭会并封存' }).last().click()
  await expect(page.getByTestId('verification-code')).toBeVisible()
  await page.goto(meetingUrl)
}

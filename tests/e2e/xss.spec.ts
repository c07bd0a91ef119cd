// An XSS corpus typed into the text fields a person fills in, then shown on
// every screen that displays them and on the projector: nothing executes.
import { expect, test, type Page } from '@playwright/test'
import { setUpCommunity, shot } from './support/app'

const CORPUS = [
  '<img src=x onerror=__xss=1>',
  '<script>__xss=1</script>',
  '"><svg onload=__xss=1>',
  "{{constructor.constructor('__xss=1')()}}",
  'javascript:__xss=1',
  '\'"><b onmouseover=__xss=1>悬停',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  '<a href="javascript:__xss=1">点我</a>',
]
const SHORT = CORPUS.filter((p) => p.length <= 30)

async function assertInert(page: Page, where: string) {
  await page.mouse.move(400, 300)
  await page.mouse.move(700, 500)
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), where).toBeUndefined()
  expect(await page.locator('img[src=x], svg[onload], iframe[srcdoc], b[onmouseover]').count(), where).toBe(0)
}

test('an XSS corpus in every text field is shown as text and never runs', async ({ page, context }) => {
  const dialogs: string[] = []
  context.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
  await setUpCommunity(page, SHORT[0]!)
  await assertInert(page, 'settings')

  // Roster: one person per payload (names are at most 30 characters).
  await page.goto('/#/roster')
  for (const payload of SHORT) {
    await page.getByTestId('roster-add').click()
    await page.locator('input[name=personName]').fill(payload)
    await page.locator('input[name=phone]').fill('13912345678')
    await page.getByTestId('person-save').click()
    await expect(page.getByTestId('person-dialog')).toBeHidden()
  }
  for (const payload of SHORT)
    await expect(page.getByTestId('roster-table').getByText(payload, { exact: true })).toBeVisible()
  await assertInert(page, 'roster')
  await shot(page, 'xss-roster')

  // Meetings: title and place for each payload.
  for (const payload of CORPUS) {
    await page.goto('/#/meetings')
    await page.getByTestId('meeting-new').click()
    await page.locator('input[name=meetingTitle]').fill(payload)
    await page.getByTestId('meeting-create-save').click()
    await expect(page.getByTestId('meeting-title')).toHaveText(payload)
    await page.locator('input[name=place]').fill(payload)
    await page.getByTestId('basics-save').click()
    await assertInert(page, `meeting ${payload}`)
  }
  await page.goto('/#/meetings')
  await assertInert(page, 'meeting list')
  await shot(page, 'xss-meetings')

  // The projector shows the last meeting's title and place.
  await page.goBack()
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-open').click()])
  await expect(projector.getByTestId('projector')).toContainText(CORPUS.at(-1)!)
  await assertInert(projector, 'projector')

  // Erasure log shows the person's name and the typed actor.
  await page.goto('/#/privacy')
  await page.locator('input[name=eraseActor]').fill(SHORT[1]!)
  await page.getByTestId('erase-person').locator('.el-select__wrapper').click()
  await page.keyboard.type('<script')
  await page.getByRole('option', { name: SHORT[1]! }).click()
  await page.getByTestId('erase-do').click()
  await page.getByRole('button', { name: '删除联系方式' }).last().click()
  await expect(page.getByTestId('erase-log')).toContainText(`${SHORT[1]!}电话${SHORT[1]!}`)
  await assertInert(page, 'privacy')
  await shot(page, 'xss-privacy')
  expect(dialogs).toEqual([])
})

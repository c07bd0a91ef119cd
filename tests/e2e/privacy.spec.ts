import { expect, test, type Page } from '@playwright/test'
import { createMeeting, importRoster, setUpCommunity, shot } from './support/app'
import { rosterRows } from './fixtures/roster'

const PASSWORD = '红板凳2026'

async function unlock(page: Page, password: string) {
  await page.locator('input[name=unlockPassword]').fill(password)
  await page.getByTestId('lock-submit').click()
}

test('app lock: set a password, restart locked, wrong password refused, unlock, idle lock', async ({ page }) => {
  await page.clock.install()
  await setUpCommunity(page)
  await page.goto('/#/privacy')
  await page.locator('input[name=lockPassword]').fill('123')
  await page.locator('input[name=lockConfirm]').fill('123')
  await page.getByTestId('lock-save').click()
  await expect(page.getByText('密码至少 6 位')).toBeVisible()
  await page.locator('input[name=lockPassword]').fill(PASSWORD)
  await page.locator('input[name=lockConfirm]').fill(PASSWORD)
  await page.locator('[name=idleMinutes] input, input[name=idleMinutes]').first().fill('2')
  await page.getByTestId('lock-save').click()
  await expect(page.getByText('密码已保存')).toBeVisible()
  await expect(page.getByText('空闲 2 分钟后自动锁定')).toBeVisible()

  // Restart: the app opens locked, and nothing of the roster shows behind the lock.
  await page.reload()
  const overlay = page.getByTestId('lock-overlay')
  await expect(overlay).toBeVisible()
  await shot(page, 'privacy-locked')
  await unlock(page, '错误的密码')
  await expect(page.getByTestId('lock-error')).toContainText('密码不对')
  await expect(overlay).toBeVisible()
  await unlock(page, PASSWORD)
  await expect(overlay).toHaveCount(0)
  await page.goto('/#/roster')

  // Idle for 3 minutes: locked again; activity before that keeps it open.
  await page.clock.fastForward('01:30')
  await page.mouse.move(10, 10)
  await page.mouse.down()
  await page.mouse.up()
  await page.clock.fastForward('01:30')
  await expect(overlay).toHaveCount(0)
  await page.clock.fastForward('02:10')
  await expect(overlay).toBeVisible()
  await unlock(page, PASSWORD)
  await expect(overlay).toHaveCount(0)
})

test('five wrong passwords add a delay', async ({ page }) => {
  await setUpCommunity(page)
  await page.goto('/#/privacy')
  await page.locator('input[name=lockPassword]').fill(PASSWORD)
  await page.locator('input[name=lockConfirm]').fill(PASSWORD)
  await page.getByTestId('lock-save').click()
  await expect(page.getByText('密码已保存')).toBeVisible()
  await page.getByTestId('lock-now').click()
  for (let i = 0; i < 5; i++) {
    await unlock(page, `wrong-${i}`)
    await expect(page.getByTestId('lock-error')).toBeVisible()
  }
  await expect(page.getByTestId('lock-error')).toContainText('秒后再试')
  // Even the right password waits the delay out.
  await unlock(page, PASSWORD)
  await expect(page.getByTestId('lock-error')).toContainText('秒后再试')
  await expect(page.getByTestId('lock-overlay')).toBeVisible()
})

test('no projector slide shows a phone number, with a roster where everyone has one', async ({ page, context }) => {
  await setUpCommunity(page)
  await importRoster(page)
  await createMeeting(page, '北门开通协商议事会')
  const phones = rosterRows(30).map((r) => r.电话)
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('projector-open').click()])
  await projector.setViewportSize({ width: 1280, height: 720 })
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', 'standby')
  // Every slide kind the projector knows, set through the projection row.
  const kinds = await projector.evaluate(() => [
    'standby',
    'agenda',
    'topic',
    'speaker',
    'quorum',
    'result',
    'resolution',
    'black',
  ])
  for (const slide of kinds) {
    await projector.evaluate(async (s) => {
      const open = indexedDB.open('shangliang')
      const db: IDBDatabase = await new Promise(
        (ok, fail) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => fail(open.error))),
      )
      const tx = db.transaction('projection', 'readwrite')
      const store = tx.objectStore('projection')
      const row: Record<string, unknown> = await new Promise((ok) => {
        const r = store.get('current')
        r.onsuccess = () => ok(r.result)
      })
      store.put({ ...row, slide: s, seq: Number(row.seq) + 1, updatedAt: new Date().toISOString() })
      await new Promise((ok) => (tx.oncomplete = ok))
      db.close()
    }, slide)
    await projector.reload()
    await expect(projector.getByTestId('projector')).toHaveAttribute('data-slide', slide)
    await shot(projector, `privacy-projector-${slide}`)
    const text = await projector.locator('body').innerText()
    const html = await projector.content()
    expect(text, `slide ${slide}`).not.toMatch(/1[3-9]\d{9}/)
    for (const phone of phones) expect(html.includes(phone), `slide ${slide} holds ${phone}`).toBe(false)
  }
})

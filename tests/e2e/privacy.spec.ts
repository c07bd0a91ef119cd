import { expect, test, type Page } from '@playwright/test'
import { createMeeting, importRoster, setUpCommunity, shot } from './support/app'
import { rosterRows } from './fixtures/roster'

const PASSWORD = '红板凳2026'

async function unlock(page: Page, password: string) {
  await page.locator('input[name=unlockPassword]').fill(password)
  await page.getByTestId('lock-submit').click()
}

/** The recovery key shown once after a password is chosen; returns it and closes the dialog. */
async function keepRecoveryKey(page: Page): Promise<string> {
  const dialog = page.getByTestId('recovery-dialog')
  await expect(dialog).toBeVisible()
  const key = (await page.getByTestId('recovery-key').innerText()).trim()
  await expect(page.getByTestId('recovery-close')).toBeDisabled()
  await page.getByTestId('recovery-kept').click()
  await page.getByTestId('recovery-close').click()
  await expect(dialog).toBeHidden()
  return key
}

/** What this origin keeps on disk, read around the app: the contacts store and every journal file. */
async function storedText(page: Page): Promise<{ contacts: string; journal: string }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('shangliang')
    const db: IDBDatabase = await new Promise(
      (ok, fail) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => fail(open.error))),
    )
    const req = db.transaction('contacts').objectStore('contacts').getAll()
    const rows = await new Promise((ok) => (req.onsuccess = () => ok(req.result)))
    db.close()
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('journal')
    let journal = ''
    for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>)
      if (handle.kind === 'file' && !name.startsWith('blob')) journal += await (await handle.getFile()).text()
    return { contacts: JSON.stringify(rows), journal }
  })
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
  await keepRecoveryKey(page)
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
  await keepRecoveryKey(page)
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

test('contact details encrypted at rest; the recovery key unlocks and a new password is set', async ({ page }) => {
  await setUpCommunity(page)
  await importRoster(page)
  const phones = rosterRows(30).map((r) => r.电话)
  await page.goto('/#/privacy')
  // No password: the screen says plainly that contact details are stored unencrypted.
  await expect(page.getByTestId('lock-plain')).toContainText('目前以明文保存')
  await expect(page.getByTestId('lock-protects')).toContainText('全盘加密')
  await shot(page, 'privacy-unencrypted')
  const before = await storedText(page)
  expect(before.contacts).toContain(phones[0])
  expect(before.journal).toContain(phones[0])

  await page.locator('input[name=lockPassword]').fill(PASSWORD)
  await page.locator('input[name=lockConfirm]').fill(PASSWORD)
  await page.getByTestId('lock-save').click()
  await expect(page.getByTestId('recovery-dialog')).toBeVisible()
  await shot(page, 'privacy-recovery-key')
  const recoveryKey = await keepRecoveryKey(page)
  expect(recoveryKey).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/)
  await expect(page.getByTestId('lock-plain')).toHaveCount(0)
  const after = await storedText(page)
  for (const phone of phones) {
    expect(after.contacts.includes(phone), `contacts table holds ${phone}`).toBe(false)
    expect(after.journal.includes(phone), `journal holds ${phone}`).toBe(false)
  }
  expect(after.contacts).toContain('sl1:')

  // Unlocked, the roster dialog shows the phone; forgotten password: the recovery key opens it.
  await page.getByTestId('lock-now').click()
  await expect(page.getByTestId('lock-overlay')).toContainText('密钥已从内存清除')
  await page.getByTestId('lock-forgot').click()
  await page.locator('input[name=recoveryKey]').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE')
  await page.getByTestId('lock-submit').click()
  await expect(page.getByTestId('lock-error')).toContainText('恢复密钥不对')
  await page.locator('input[name=recoveryKey]').fill(recoveryKey.toLowerCase())
  await page.getByTestId('lock-submit').click()
  await expect(page.getByTestId('lock-overlay')).toHaveCount(0)
  await expect(page.getByTestId('lock-must-set')).toBeVisible()
  await page.locator('input[name=lockPassword]').fill('重新设置的密码2027')
  await page.locator('input[name=lockConfirm]').fill('重新设置的密码2027')
  await page.getByTestId('lock-save').click()
  expect(await keepRecoveryKey(page)).not.toBe(recoveryKey)
  await expect(page.getByTestId('lock-must-set')).toHaveCount(0)

  // Unlocked, the screens read the details through the repository.
  await page.goto('/#/roster')
  const first = rosterRows(30)[0]!
  await page.getByRole('row').filter({ hasText: first.姓名 }).getByRole('button', { name: '编辑' }).click()
  await expect(page.getByTestId('person-dialog').locator('input[name=phone]')).toHaveValue(first.电话)
})

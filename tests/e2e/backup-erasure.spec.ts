import { expect, test, type Page } from '@playwright/test'
import { importRoster, setUpCommunity, shot } from './support/app'
import { rosterRows } from './fixtures/roster'

/**
 * The desktop preload's backup verbs, stubbed in the page with an in-memory
 * folder: the bytes the app hands over are kept, listed, read back and
 * replaced as main would (main's own store is tested in Node).
 */
async function stubDesktop(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    type File = { name: string; at: string; reason: string; bytes: Uint8Array }
    const files: File[] = []
    w.stubFiles = files
    const issued = () => JSON.parse(localStorage.getItem('stub.issued') ?? '[]') as unknown[]
    const listing = (f: File) => ({
      name: f.name,
      at: f.at,
      reason: f.reason,
      size: f.bytes.byteLength,
      encrypted: String.fromCharCode(...f.bytes.subarray(0, 4)) === 'SLAE',
    })
    w.shangliang = {
      saveFile: async (_k: string, _b: Uint8Array, name: string) => ({ ok: true, fileName: name }),
      savePdf: async (_b: Uint8Array, name: string) => ({ ok: true, fileName: name }),
      openProjector: async () => undefined,
      closeProjector: async () => undefined,
      onProjectorClosed: () => () => undefined,
      // Small files come as { bytes }; a big one would name a transfer, which this folder never sees.
      writeBackup: async ({ bytes }: { bytes: Uint8Array }, reason: string, target: string) => {
        if (target !== 'app') return { ok: false, message: 'noFolder' }
        const at = new Date().toISOString()
        const name = `shangliang-${at.replace(/[-:.]/g, '')}-${reason}.slarchive`
        files.push({ name, at, reason, bytes: new Uint8Array(bytes) })
        return { ok: true, name, deleted: 0 }
      },
      listBackups: async (target: string) => (target === 'app' ? files.map(listing).reverse() : []),
      readBackup: async (_t: string, name: string) => files.find((f) => f.name === name)?.bytes ?? null,
      replaceBackup: async (_t: string, name: string, bytes: Uint8Array) => {
        const f = files.find((x) => x.name === name)
        if (!f) return { ok: false, message: 'notFound' }
        f.bytes = new Uint8Array(bytes)
        return { ok: true }
      },
      chooseBackupFolder: async () => ({ folder: null }),
      backupFolder: async () => ({ folder: null }),
      issueCode: async (e: unknown) => localStorage.setItem('stub.issued', JSON.stringify([...issued(), e])),
      issuedCodes: async () => issued(),
    }
  })
}

const stored = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { stubFiles: { name: string; bytes: Uint8Array }[] }).stubFiles ?? []).map((f) => ({
      name: f.name,
      size: f.bytes.byteLength,
    })),
  )

test('after an erasure the backup list names the backups that hold the person and rewrites them', async ({ page }) => {
  await stubDesktop(page)
  await setUpCommunity(page)
  await importRoster(page)
  const person = rosterRows(30)[0]!

  await page.goto('/#/backup')
  await page.getByRole('button', { name: '立即备份' }).click()
  await expect(page.getByText(/已备份：shangliang-/)).toBeVisible()
  // Nothing erased yet: the list says nothing about erased people.
  await expect(page.getByTestId('backup-erasure')).toHaveCount(0)

  await page.goto('/#/privacy')
  await page.locator('input[name=eraseActor]').fill('书记 王建国')
  await page.getByTestId('erase-person').locator('.el-select__wrapper').click()
  await page.keyboard.type(person.姓名)
  await page.getByRole('option', { name: person.姓名 }).first().click()
  await page.getByTestId('erase-do').click()
  await page.getByRole('button', { name: '删除联系方式' }).last().click()
  await expect(page.getByTestId('erase-log')).toContainText(person.姓名)

  await page.goto('/#/backup')
  const panel = page.getByTestId('backup-erasure')
  await expect(panel).toContainText('1 份备份仍含已删除人员的联系方式')
  await expect(panel.getByTestId('backup-erasure-people')).toHaveText(person.姓名)
  await expect(panel).toContainText('已封存议事会的记录不能改动')
  await panel.scrollIntoViewIfNeeded()
  await shot(page, 'backup-erasure-holds')

  const before = await stored(page)
  await panel.getByRole('button', { name: '重写备份' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '重写备份' }).click()
  await expect(page.getByText('已重写 1 份备份')).toBeVisible()
  // Read again from the folder: the rewritten file no longer holds the person; same name, new bytes.
  await expect(page.getByTestId('backup-erasure-none')).toContainText('备份中已没有已删除人员的联系方式')
  const after = await stored(page)
  expect(after.map((f) => f.name)).toEqual(before.map((f) => f.name))
  expect(after[0]!.size).not.toBe(before[0]!.size)
  await shot(page, 'backup-erasure-rewritten')

  // A backup made after the erasure is not even read: only the older one is listed as checked.
  await page.getByRole('button', { name: '立即备份' }).click()
  await expect(page.getByText(/已备份：shangliang-/).last()).toBeVisible()
  await expect(page.getByTestId('backup-erasure-none')).toBeVisible()
})

import { expect, test, type Page } from '@playwright/test'
import { setUpCommunity, shot } from './support/app'

/**
 * The desktop preload's verbs, stubbed in the page: the status line only
 * exists where automatic backups do. `window.backupFail` makes main refuse.
 */
async function stubDesktop(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    const issued = () => JSON.parse(localStorage.getItem('stub.issued') ?? '[]') as unknown[]
    w.shangliang = {
      saveFile: async (_k: string, _b: Uint8Array, name: string) => ({ ok: true, fileName: name }),
      savePdf: async (_b: Uint8Array, name: string) => ({ ok: true, fileName: name }),
      openProjector: async () => undefined,
      closeProjector: async () => undefined,
      onProjectorClosed: () => () => undefined,
      writeBackup: async (_f: unknown, reason: string, target: string) => {
        const fail = (w.backupFail as Record<string, string> | undefined)?.[target]
        return fail ? { ok: false, message: fail } : { ok: true, name: `商量-${reason}.slarchive`, deleted: 0 }
      },
      listBackups: async () => [],
      readBackup: async () => null,
      chooseBackupFolder: async () => ({ folder: '/media/usb/商量备份' }),
      backupFolder: async () => ({ folder: '/media/usb/商量备份' }),
      issueCode: async (e: unknown) => localStorage.setItem('stub.issued', JSON.stringify([...issued(), e])),
      issuedCodes: async () => issued(),
    }
  })
}

test('backup status: normal, warning after a missed interval, failed with the reason; USB option disabled', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-12-10T09:00:00+08:00') })
  await stubDesktop(page)
  await setUpCommunity(page)
  const status = page.getByTestId('backup-status')
  await expect(status).toHaveAttribute('data-state', 'warning')
  await expect(status).toContainText('尚未自动备份过')

  await page.goto('/#/backup')
  await page.getByRole('button', { name: '立即备份' }).click()
  await expect(status).toHaveAttribute('data-state', 'ok')
  await expect(status).toContainText('上次自动备份 12/10 09:00')
  // No app password: the USB copy cannot be encrypted, so it is off and says why.
  await expect(page.getByTestId('backup-copy-folder').locator('input')).toBeDisabled()
  await expect(page.getByTestId('backup-copy-blocked')).toContainText('需要先在“隐私与安全”中设置应用密码')
  await shot(page, 'backup-status-ok')

  // The laptop slept through more than one interval: nothing backed up, nothing checked.
  await page.clock.setSystemTime(new Date('2026-12-10T09:40:00+08:00'))
  await expect(status).toHaveAttribute('data-state', 'warning')
  await expect(status).toContainText('备份已超过一个周期没有进行')
  await shot(page, 'backup-status-warning')

  await page.evaluate(() => ((window as unknown as Record<string, unknown>).backupFail = { app: '磁盘已满（ENOSPC）' }))
  await page.getByRole('button', { name: '立即备份' }).click()
  await expect(status).toHaveAttribute('data-state', 'failed')
  await expect(status).toContainText('自动备份失败：磁盘已满（ENOSPC）')
  await shot(page, 'backup-status-failed')
})

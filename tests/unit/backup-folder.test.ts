// The chosen backup folder (a USB stick): refused when it is not there, so a
// copy meant for the stick is never written to the laptop's own disk.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mountedChosenFolder, saveChosenFolder } from '../../electron/main/backup/folder'

describe('chosen backup folder', () => {
  it('is used while present, refused once unplugged, and refused when nothing was chosen', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'sl-ud-'))
    expect(await mountedChosenFolder(userData)).toEqual({ ok: false, reason: 'noFolder' })
    const stick = mkdtempSync(join(tmpdir(), 'sl-usb-'))
    await saveChosenFolder(userData, stick)
    expect(await mountedChosenFolder(userData)).toEqual({ ok: true, folder: stick })
    rmSync(stick, { recursive: true })
    expect(await mountedChosenFolder(userData)).toEqual({ ok: false, reason: 'notMounted' })
  })

  it('refuses a mount point left on another device (the stick unmounted, its folder on the internal disk)', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'sl-ud-'))
    const stick = mkdtempSync(join(tmpdir(), 'sl-usb-'))
    await saveChosenFolder(userData, stick)
    const saved = JSON.parse(readFileSync(join(userData, 'backup-folder.json'), 'utf8')) as { dev: number }
    writeFileSync(join(userData, 'backup-folder.json'), JSON.stringify({ ...saved, dev: saved.dev + 1 }))
    expect(await mountedChosenFolder(userData)).toEqual({ ok: false, reason: 'notMounted' })
  })
})

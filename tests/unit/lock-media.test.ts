// Passphrases for removable media need 10 characters: the lock remembers
// whether the app password (the USB backups' passphrase) is long enough.
import { beforeEach, describe, expect, it } from 'vitest'
import { getLock, setLockPassword } from '@/db/privacy.repo'
import { wipe } from './support/archive-fixture'

describe('app password and removable media', () => {
  beforeEach(wipe)
  it.each([
    ['123456', false],
    ['新华路社区2026年', true],
    ['商量商量商量商量商', false],
  ])('password %s: good enough for USB backups → %s', async (password, ready) => {
    await setLockPassword(password, 10)
    expect((await getLock())?.mediaReady).toBe(ready)
    expect(JSON.stringify(await getLock())).not.toContain(password)
  })
})

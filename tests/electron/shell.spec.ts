import { _electron as electron, expect, test } from '@playwright/test'

test('the shell serves app:// in a sandboxed, isolated window with only the preload verbs', async () => {
  const app = await electron.launch({ args: ['.'] })
  const page = await app.firstWindow()
  expect(page.url()).toMatch(/^app:\/\/shangliang\//)
  // A sandboxed, isolated renderer has neither require nor process.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
  const verbs = await page.evaluate(() =>
    Object.keys((globalThis as unknown as { shangliang: object }).shangliang).sort(),
  )
  expect(verbs).toEqual(['closeProjector', 'onProjectorClosed', 'openProjector', 'saveFile', 'savePdf'])
  // window.open is denied by the main process.
  expect(await page.evaluate(() => globalThis.open('https://example.com') === null)).toBe(true)
  // The CSP header arrives with the page.
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))
  expect(csp).toContain("script-src 'self'")
  await app.close()
})

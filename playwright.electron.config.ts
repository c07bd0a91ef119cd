import { defineConfig } from '@playwright/test'

// Tests that need the real Electron binary: run with `npm run test:electron`
// on a machine where Electron can be downloaded. Not part of `npm test`.
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
})

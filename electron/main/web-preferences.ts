// Pure: the options every window gets and the navigation rule, tested in Node.
import { isAppUrl } from './origin'

/** Every window gets exactly these; nothing else in the app builds webPreferences. */
export function secureWebPreferences(preload: string, packaged = true) {
  return {
    preload,
    // No DevTools in a packaged build: they would open IndexedDB past the app lock.
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  } as const
}

/** Navigation stays inside the app; in-page hash changes are fine. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url)
}

import { app, Menu, session, type WebContents } from 'electron'
import { menuTemplate } from './menu'
import { isAllowedNavigation } from './web-preferences'

function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // Belt and braces: should anything still open DevTools in a packaged build, they close at once.
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools())
}

/** Denies navigation, window.open, webviews and every permission request. */
export function applySecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))
  app.whenReady().then(() => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged)))
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
  })
}

import { app, BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import { CHANNELS } from '../shared/channels'
import { chooseProjectorDisplay } from './displays'
import { CONSOLE_URL, PROJECTOR_URL } from './origin'
import { secureWebPreferences } from './web-preferences'

const preload = join(__dirname, '../preload/index.cjs')
let consoleWindow: BrowserWindow | null = null
let projectorWindow: BrowserWindow | null = null

/** webContents ids of the app's own windows: the only trusted IPC senders. */
export function ownWebContentsIds(): Set<number> {
  const ids = new Set<number>()
  for (const w of [consoleWindow, projectorWindow]) if (w && !w.isDestroyed()) ids.add(w.webContents.id)
  return ids
}

export function getConsoleWindow(): BrowserWindow | null {
  return consoleWindow
}

export function createConsoleWindow(): BrowserWindow {
  consoleWindow = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '商量 · 协商议事',
    show: false,
    webPreferences: secureWebPreferences(preload, app.isPackaged),
  })
  consoleWindow.once('ready-to-show', () => consoleWindow?.show())
  consoleWindow.on('closed', () => {
    consoleWindow = null
    projectorWindow?.close()
  })
  void consoleWindow.loadURL(CONSOLE_URL)
  return consoleWindow
}

/** Opens (or focuses) the audience window: full screen on an external display if any. */
export function openProjector(): void {
  if (projectorWindow && !projectorWindow.isDestroyed()) {
    projectorWindow.focus()
    return
  }
  const target = chooseProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id)
  projectorWindow = new BrowserWindow({
    title: '商量 · 投屏',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    ...(target
      ? {
          x: target.bounds.x,
          y: target.bounds.y,
          width: target.bounds.width,
          height: target.bounds.height,
          fullscreen: true,
        }
      : { width: 1280, height: 720 }),
    webPreferences: secureWebPreferences(preload, app.isPackaged),
  })
  projectorWindow.on('closed', () => {
    projectorWindow = null
    consoleWindow?.webContents.send(CHANNELS.projectorClosed)
  })
  void projectorWindow.loadURL(PROJECTOR_URL)
}

export function closeProjector(): void {
  projectorWindow?.close()
}

// Lifecycle only: each line composes one module, in the order Electron needs.
import { app } from 'electron'
import { registerIpc } from './ipc'
import { registerBackupIpc } from './backup/ipc'
import { pinUserData, rendererRoot } from './paths'
import { registerAppProtocol, registerSchemePrivileges } from './protocol'
import { applySecurity } from './security'
import { createConsoleWindow, getConsoleWindow } from './windows'

pinUserData()
registerSchemePrivileges()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  applySecurity()
  app.on('second-instance', () => {
    const win = getConsoleWindow()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('window-all-closed', () => app.quit())
  void app.whenReady().then(() => {
    registerAppProtocol(rendererRoot())
    registerIpc()
    registerBackupIpc()
    createConsoleWindow()
  })
}

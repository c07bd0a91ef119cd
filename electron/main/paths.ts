import { app } from 'electron'
import { join } from 'node:path'

/**
 * Pins userData to a fixed folder before `ready`. IndexedDB lives there; if a
 * rename of the product moved it, every community's records would vanish.
 */
export function pinUserData(): void {
  app.setPath('userData', join(app.getPath('appData'), 'Shangliang'))
}

export function rendererRoot(): string {
  return join(__dirname, '../renderer')
}

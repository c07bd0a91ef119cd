// Packaged builds: no DevTools anywhere, and a menu without the developer items.
import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate } from '../../electron/main/menu'
import { secureWebPreferences } from '../../electron/main/web-preferences'

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [
    ...(i.role ? [String(i.role)] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu as MenuItemConstructorOptions[]) : []),
  ])

describe('packaged build lock-down', () => {
  it('the packaged menu has editing and zoom, and no reload or developer tools', () => {
    const packaged = roles(menuTemplate(true))
    expect(packaged).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'togglefullscreen']))
    for (const dev of ['toggleDevTools', 'reload', 'forceReload']) expect(packaged).not.toContain(dev)
    expect(roles(menuTemplate(false))).toContain('toggleDevTools')
  })
  it('windows of a packaged build cannot open DevTools; a development build can', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(false)
    expect(secureWebPreferences('/p.cjs').devTools).toBe(false)
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true)
  })
})

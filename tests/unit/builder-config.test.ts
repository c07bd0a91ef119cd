import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// Packaging needs the Electron download, so CI checks the config instead.
const config = parse(readFileSync('electron.builder.yml', 'utf8'))

describe('electron-builder config', () => {
  it('names the app in Chinese with a stable id', () => {
    expect(config.productName).toBe('商量')
    expect(config.appId).toBe('cn.shangliang.desktop')
  })
  it('builds NSIS for Windows and deb + AppImage for Linux', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis'])
    expect(config.linux.target.map((t: { target: string }) => t.target).sort()).toEqual(['AppImage', 'deb'])
  })
  it('sets the Electron fuses safe', () => {
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
  it('icons exist in resources/', () => {
    expect(existsSync(config.win.icon)).toBe(true)
    expect(existsSync(config.linux.icon)).toBe(true)
  })
  it('packs the build output, not the sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*']))
    // Test output also lands under out/ (out/pdf-check): it must not be packed.
    expect(config.files).not.toContain('out/**/*')
    expect(config.files.some((f: string) => f.startsWith('src'))).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { chooseProjectorDisplay, type DisplayInfo } from '../../electron/main/displays'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp'
import { checkMessage, IpcRejected, isTrustedSender } from '../../electron/main/ipc-guard'
import { emptyPayload, saveFilePayload } from '../../electron/main/ipc-contract'
import { safeFileName } from '../../electron/main/filenames'
import { resolveAppPath } from '../../electron/main/protocol-path'
import { isAllowedNavigation, secureWebPreferences } from '../../electron/main/web-preferences'

const display = (id: number, width: number, height: number, internal?: boolean): DisplayInfo => ({
  id,
  bounds: { x: id * 10000, y: 0, width, height },
  internal,
})

describe('projector display choice', () => {
  it('returns null with a single screen', () => {
    expect(chooseProjectorDisplay([display(1, 1920, 1080)], 1)).toBeNull()
  })
  it('picks the non-primary display', () => {
    expect(chooseProjectorDisplay([display(1, 1366, 768, true), display(2, 1024, 768)], 1)?.id).toBe(2)
  })
  it('prefers an external display over another internal one, then the larger', () => {
    const d = [
      display(1, 1366, 768),
      display(2, 3840, 2160, true),
      display(3, 1280, 720, false),
      display(4, 1920, 1080, false),
    ]
    expect(chooseProjectorDisplay(d, 1)?.id).toBe(4)
  })
})

describe('window options', () => {
  it('every window is isolated, sandboxed and without Node', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    })
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.preload.endsWith('.cjs')).toBe(true)
  })
  it('navigation is allowed only within the app origin', () => {
    expect(isAllowedNavigation('app://shangliang/index.html#/meetings')).toBe(true)
    expect(isAllowedNavigation('https://example.com/')).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false)
    expect(isAllowedNavigation('app://evil/index.html')).toBe(false)
  })
})

describe('content security policy', () => {
  it('forbids eval, foreign scripts, plugins and framing; only WebAssembly may compile (Argon2id)', () => {
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'))
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval'")
  })
})

describe('IPC sender check and payload validation', () => {
  const own = new Set([7, 8])
  const good = { id: 7, frameUrl: 'app://shangliang/index.html#/meetings' }
  const payload = { kind: 'pdf', suggestedName: '会议纪要.pdf', bytes: new Uint8Array([37, 80, 68, 70]) }

  it('accepts our own window with a valid payload', () => {
    expect(checkMessage(good, own, saveFilePayload, payload).suggestedName).toBe('会议纪要.pdf')
  })
  it('refuses a foreign webContents', () => {
    expect(isTrustedSender({ id: 99, frameUrl: good.frameUrl }, own)).toBe(false)
    expect(() => checkMessage({ id: 99, frameUrl: good.frameUrl }, own, saveFilePayload, payload)).toThrow(IpcRejected)
  })
  it('refuses our window showing a foreign page', () => {
    expect(() => checkMessage({ id: 7, frameUrl: 'https://evil.example/' }, own, saveFilePayload, payload)).toThrow(
      IpcRejected,
    )
    expect(() => checkMessage({ id: 7, frameUrl: undefined }, own, saveFilePayload, payload)).toThrow(IpcRejected)
  })
  it.each([
    ['no bytes', { kind: 'pdf', suggestedName: 'a.pdf' }],
    ['bytes as array', { kind: 'pdf', suggestedName: 'a.pdf', bytes: [1, 2, 3] }],
    ['empty bytes', { kind: 'pdf', suggestedName: 'a.pdf', bytes: new Uint8Array() }],
    ['unknown kind', { kind: 'exe', suggestedName: 'a.exe', bytes: new Uint8Array([1]) }],
    ['a path smuggled in', { kind: 'pdf', suggestedName: 'a.pdf', bytes: new Uint8Array([1]), path: '/etc/passwd' }],
    ['empty name', { kind: 'pdf', suggestedName: '', bytes: new Uint8Array([1]) }],
    ['not an object', 'a.pdf'],
  ])('refuses a malformed payload: %s', (_label, bad) => {
    expect(() => checkMessage(good, own, saveFilePayload, bad)).toThrow(IpcRejected)
  })
  it('verbs without arguments refuse any payload', () => {
    expect(() => checkMessage(good, own, emptyPayload, { x: 1 })).toThrow(IpcRejected)
    expect(checkMessage(good, own, emptyPayload, undefined)).toBeUndefined()
  })
  it('the schema type is the one the handler sees', () => {
    expect(saveFilePayload).toBeInstanceOf(z.ZodObject)
  })
})

describe('file names and app paths', () => {
  it.each([
    ['../../etc/passwd', 'pdf'],
    ['/etc/passwd', 'pdf'],
    ['C:\\Windows\\system32\\x', 'pdf'],
    ['a\u0000b', 'pdf'],
    ['CON', 'pdf'],
    ['nul.txt', 'pdf'],
    ['..', 'pdf'],
  ])('safeFileName(%s) has no folder part and no reserved name', (name, ext) => {
    const safe = safeFileName(name, ext)
    // eslint-disable-next-line no-control-regex
    expect(safe).not.toMatch(/[\\/\u0000]/)
    expect(safe.startsWith('.')).toBe(false)
    expect(safe).not.toMatch(/^(con|nul|prn|aux)(\.|$)/i)
    expect(safe.endsWith(`.${ext}`)).toBe(true)
  })
  it('keeps a Chinese name', () => {
    expect(safeFileName('2026年12月党群议事日 会议纪要', 'pdf')).toBe('2026年12月党群议事日 会议纪要.pdf')
  })
  it('app:// URLs map inside the renderer root only', () => {
    expect(resolveAppPath('/r', 'app://shangliang/index.html')).toBe('/r/index.html')
    expect(resolveAppPath('/r', 'app://shangliang/')).toBe('/r/index.html')
    expect(resolveAppPath('/r', 'app://shangliang/assets/a.js')).toBe('/r/assets/a.js')
    // The URL parser folds dot segments (even encoded ones) before we see
    // them; whatever comes out must stay inside the root.
    for (const url of [
      'app://shangliang/../etc/passwd',
      'app://shangliang/%2e%2e/%2e%2e/etc/passwd',
      'app://shangliang/a/..%2f..%2f..%2fetc/passwd',
    ]) {
      const resolved = resolveAppPath('/r', url)
      expect(resolved === null || resolved.startsWith('/r/')).toBe(true)
    }
    expect(resolveAppPath('/r', 'app://shangliang/a%00.js')).toBeNull()
    expect(resolveAppPath('/r', 'app://other/index.html')).toBeNull()
    expect(resolveAppPath('/r', 'https://shangliang/index.html')).toBeNull()
  })
})

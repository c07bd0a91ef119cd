// Each file the app saves gets its own kind in the save dialog: a report
// package is .slpkg and a public key .slkey, never renamed to .slarchive.
import { describe, expect, it } from 'vitest'
import { FILE_KINDS, saveFilePayload } from '../../electron/main/ipc-contract'
import { safeFileName } from '../../electron/main/filenames'

describe('save dialog file kinds', () => {
  it.each([
    ['package', '报送包-新华路社区-2026-12-01-a1b2c3.slpkg', '报送包-新华路社区-2026-12-01-a1b2c3.slpkg', '商量报送包'],
    [
      'package',
      '答复包-新华路街道-幸福里社区-2026-12-01.slpkg',
      '答复包-新华路街道-幸福里社区-2026-12-01.slpkg',
      '商量报送包',
    ],
    ['publicKey', '公钥-新华路街道.slkey', '公钥-新华路街道.slkey', '商量公钥'],
    ['archive', '新华路社区-归档-2026-12-01.slarchive', '新华路社区-归档-2026-12-01.slarchive', '商量归档'],
    ['publicKey', '公钥-新华路街道', '公钥-新华路街道.slkey', '商量公钥'],
  ] as const)('%s: %s is saved as %s under the filter %s', (kind, suggested, saved, filter) => {
    const k = FILE_KINDS[kind]
    expect(safeFileName(suggested, k.extensions[0])).toBe(saved)
    expect(k.name).toBe(filter)
    expect(saveFilePayload.parse({ kind, suggestedName: suggested, bytes: new Uint8Array([1]) }).kind).toBe(kind)
  })

  it('the payload accepts exactly the kinds that have a filter', () => {
    expect([...saveFilePayload.shape.kind.options].sort()).toEqual(Object.keys(FILE_KINDS).sort())
    expect(() => saveFilePayload.parse({ kind: 'exe', suggestedName: 'x', bytes: new Uint8Array([1]) })).toThrow()
  })
})

// The main process's log of issued codes: append-only lines beside the
// backups, flushed before answering, and a torn last line does not hide the rest.
import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IssuedCodeLog, ISSUED_FILE } from '../../electron/main/backup/issued'

const entry = (n: number) => ({
  communityId: 'c-0001',
  meetingId: `m-${n}`,
  code: 'KN61-W2VT-DXF2-TF4B-K80Z',
  head: String(n).repeat(64).slice(0, 64),
  at: `2026-12-0${n}T09:00:00.000Z`,
  title: `第${n}次议事会`,
})

describe('issued-code log', () => {
  it('appends lines and reads them back in order; a torn or foreign line is skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-issued-'))
    const log = new IssuedCodeLog(dir)
    expect(await log.read()).toEqual([])
    await log.append(entry(1))
    await log.append(entry(2))
    appendFileSync(join(dir, ISSUED_FILE), '{"communityId":"c-0001","meet')
    appendFileSync(join(dir, ISSUED_FILE), '\n{"evil":true}\n')
    await log.append(entry(3))
    expect((await log.read()).map((e) => e.meetingId)).toEqual(['m-1', 'm-2', 'm-3'])
    expect(readFileSync(join(dir, ISSUED_FILE), 'utf8').split('\n')[0]).toBe(JSON.stringify(entry(1)))
  })

  it('refuses a malformed entry and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-issued-'))
    const log = new IssuedCodeLog(dir)
    await expect(log.append({ ...entry(1), head: 'not-a-hash' })).rejects.toThrow()
    expect(await log.read()).toEqual([])
  })
})

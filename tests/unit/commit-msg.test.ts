// The commit-msg hook and its installer, run as git and npm run them.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const scripts = resolve(__dirname, '../../scripts')
const tmp = mkdtempSync(join(tmpdir(), 'commit-msg-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function check(message: string) {
  const file = join(tmp, 'MSG')
  writeFileSync(file, message)
  return spawnSync('node', [join(scripts, 'check-commit-msg.mjs'), file], { encoding: 'utf8' })
}

describe('commit-msg check', () => {
  it.each([
    ['Add the calendar module: local day, injectable clock, day arithmetic\n', 0],
    [`${'x'.repeat(72)}\n\nA body line that is much longer than seventy-two characters is fine here.\n`, 0],
    [`${'x'.repeat(73)}\n`, 1],
    ['公示期结束日按本地日期计算，不再取协调世界时的日期\n', 0],
    ['Subject\nbody without a blank line\n', 1],
    ['\n\nbody only\n', 1],
    ['# Please enter the commit message\nFix the quorum base\n', 0],
  ])('%j → exit %i', (message, code) => {
    expect(check(message).status).toBe(code)
  })

  it('says what is wrong', () => {
    expect(check(`${'y'.repeat(80)}\n`).stderr).toContain('80 characters; at most 72')
  })
})

describe('hook installer (npm prepare)', () => {
  const install = (cwd: string) => spawnSync('node', [join(scripts, 'install-hooks.mjs')], { cwd, encoding: 'utf8' })

  it('does nothing and succeeds where there is no .git', () => {
    const dir = mkdtempSync(join(tmp, 'plain-'))
    const r = install(dir)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('not installed')
  })

  it('points a clone at scripts/git-hooks', () => {
    const dir = mkdtempSync(join(tmp, 'clone-'))
    execFileSync('git', ['init', '-q'], { cwd: dir })
    expect(install(dir).status).toBe(0)
    expect(execFileSync('git', ['config', '--get', 'core.hooksPath'], { cwd: dir, encoding: 'utf8' }).trim()).toBe(
      'scripts/git-hooks',
    )
  })
})

// The check that runs after every production build (scripts/check-release.mjs):
// it must fail on a build that carries test code, and pass on a clean one.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain .mjs script without types
import { releaseProblems } from '../../scripts/check-release.mjs'

function fakeBuild(renderer: string): string {
  const root = mkdtempSync(join(tmpdir(), 'sl-release-'))
  for (const d of ['out/main', 'out/preload', 'out/renderer/assets']) mkdirSync(join(root, d), { recursive: true })
  writeFileSync(join(root, 'out/main/index.js'), 'app.whenReady()')
  writeFileSync(join(root, 'out/preload/index.cjs'), 'contextBridge')
  writeFileSync(join(root, 'out/renderer/assets/index.js'), renderer)
  mkdirSync(join(root, 'out/pdf-check'))
  writeFileSync(join(root, 'out/pdf-check/minutes.js'), 'shangliangFault') // test output: not packed, not checked
  return root
}

describe('release check on the built output', () => {
  it('passes a build without test hooks', () => {
    expect((releaseProblems as (r: string) => string[])(fakeBuild('start()'))).toEqual([])
  })
  it('fails a build that carries the fault hook', () => {
    const problems = (releaseProblems as (r: string) => string[])(
      fakeBuild('new URLSearchParams(location.search).has("fault-hooks")'),
    )
    expect(problems).toEqual(['out/renderer/assets/index.js contains "fault-hooks"'])
  })
})

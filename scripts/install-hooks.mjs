// npm's prepare step: points git at scripts/git-hooks so the commit-msg check
// runs on every commit. Never fails the install: no git, no .git (a tarball),
// or a linked worktree (whose config is shared with the main checkout, which
// this must not change behind its owner's back) just skip with a note.
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'

function skip(why) {
  console.log(`git hooks not installed: ${why}`)
  process.exit(0)
}

let isDir = false
try {
  isDir = statSync('.git').isDirectory()
} catch {
  skip('no .git here')
}
if (!isDir) skip('a linked worktree; run `git config core.hooksPath scripts/git-hooks` in the main checkout')
try {
  execFileSync('git', ['config', 'core.hooksPath', 'scripts/git-hooks'], { stdio: 'ignore' })
  console.log('git hooks: commit-msg check installed (core.hooksPath = scripts/git-hooks)')
} catch {
  skip('git is not available')
}

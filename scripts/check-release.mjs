// Runs after every production build: nothing made for tests may ship. The
// fault-injection hook (?fault-hooks) is compiled only into `--mode e2e`
// builds, and test output (out/pdf-check and the like) sits outside the
// folders electron-builder packs; this fails the build if either slipped in.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Strings that exist only in test code paths. */
export const TEST_MARKERS = ['fault-hooks', 'shangliangFault']
/** The folders electron-builder packs (electron.builder.yml). */
export const PACKED = ['out/main', 'out/preload', 'out/renderer']

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else yield path
  }
}

/** Problems found in a build under `root`: test markers in shipped code, or missing folders. */
export function releaseProblems(root) {
  const problems = []
  for (const folder of PACKED) {
    const dir = join(root, folder)
    try {
      statSync(dir)
    } catch {
      problems.push(`${folder} is missing`)
      continue
    }
    for (const file of files(dir)) {
      if (!/\.(js|cjs|mjs|html)$/.test(file)) continue
      const text = readFileSync(file, 'utf8')
      for (const marker of TEST_MARKERS)
        if (text.includes(marker)) problems.push(`${relative(root, file)} contains "${marker}"`)
    }
  }
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = releaseProblems(process.cwd())
  if (problems.length) {
    console.error(`[release] test code in a production build:\n  ${problems.join('\n  ')}`)
    process.exit(1)
  }
  console.info('[release] no test hooks or test output in out/main, out/preload, out/renderer')
}

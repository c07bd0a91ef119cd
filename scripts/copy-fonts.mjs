// Copies Noto Sans SC (regular + bold TTF) from the registry package into
// resources/public/fonts, where the renderer serves it to the PDF worker.
// The fonts are never committed: this runs before every build and test.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const pkgDir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
const target = join(import.meta.dirname, '..', 'resources', 'public', 'fonts')
mkdirSync(target, { recursive: true })

const fonts = [
  ['400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
]
for (const [from, to] of fonts) {
  const src = join(pkgDir, from)
  const dst = join(target, to)
  if (existsSync(dst) && statSync(dst).size === statSync(src).size) continue
  copyFileSync(src, dst)
  console.log(`font: ${to} (${(statSync(dst).size / 1e6).toFixed(1)} MB)`)
}

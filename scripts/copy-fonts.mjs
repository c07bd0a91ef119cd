// Copies Noto Sans SC and Noto Serif SC (the 公文 style's 宋体-like face),
// regular + bold TTF, from their registry packages into resources/public/fonts,
// where the renderer serves them to the PDF worker.
// The fonts are never committed: this runs before every build and test.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
// Literal names, so the dependency checker (knip) sees both packages used.
const sans = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
const serif = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'))
const target = join(import.meta.dirname, '..', 'resources', 'public', 'fonts')
mkdirSync(target, { recursive: true })

const fonts = [
  [sans, '400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  [sans, '700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
  [serif, '400Regular/NotoSerifSC_400Regular.ttf', 'NotoSerifSC-Regular.ttf'],
  [serif, '700Bold/NotoSerifSC_700Bold.ttf', 'NotoSerifSC-Bold.ttf'],
]
for (const [pkgDir, from, to] of fonts) {
  const src = join(pkgDir, from)
  const dst = join(target, to)
  if (existsSync(dst) && statSync(dst).size === statSync(src).size) continue
  copyFileSync(src, dst)
  console.log(`font: ${to} (${(statSync(dst).size / 1e6).toFixed(1)} MB)`)
}

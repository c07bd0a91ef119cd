// Makes sure the Electron binary is on this machine before `npm start` runs it.
// Since Electron 42 the `electron` package has no postinstall step, and
// electron-vite only looks for an installed binary ("Error: Electron uninstall")
// instead of triggering the download. So we call Electron's own installer
// (the package's `install-electron` bin, which uses @electron/get and honours
// ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR and electron_config_cache).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const { version } = require('electron/package.json')

function installed() {
  try {
    const exe = readFileSync(join(electronDir, 'path.txt'), 'utf-8')
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf-8')
      .replace(/^v/, '')
      .trim()
    return distVersion === version && existsSync(join(electronDir, 'dist', exe))
  } catch {
    return false
  }
}

if (installed()) process.exit(0)

const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror
console.log(`正在下载 Electron ${version}（首次启动需要，约 100 MB）…`)
console.log(`Fetching Electron ${version} from ${mirror || 'GitHub releases'} (first start only)…`)
if (!mirror) console.log('在中国大陆可先设置镜像：ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/')

const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' })
if (result.status !== 0 || !installed()) {
  console.error(`\nElectron ${version} 下载失败。请检查网络或设置 ELECTRON_MIRROR 后重试 npm start。`)
  console.error(
    `Downloading Electron ${version} failed. Check the network or set ELECTRON_MIRROR and run npm start again.`,
  )
  process.exit(1)
}
console.log(`Electron ${version} 已就绪。`)

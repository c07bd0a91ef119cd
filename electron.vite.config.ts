import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { CONTENT_SECURITY_POLICY } from './electron/main/csp'

/**
 * The built index.html carries the CSP as a meta tag too, so the renderer is
 * held to it in a plain browser (tests) as well as over app:// (where the
 * protocol handler also sends it as a header). The dev server is left alone:
 * its hot reload needs a websocket the policy would block.
 */
function cspMeta(): Plugin {
  // frame-ancestors is ignored (with a warning) in a meta tag; the header has it.
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ')
  return {
    name: 'shangliang-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  }
}

// One renderer (src/) serves both windows: the console at index.html and the
// projector at index.html#/projector, so they share one origin and one IndexedDB.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed window can only load a CommonJS preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src',
    publicDir: resolve('resources/public'),
    resolve: { alias: { '@': resolve('src') } },
    plugins: [
      vue(),
      // Element Plus components are imported where a template uses them, so
      // the console loads only what it shows (its CSS stays one global file).
      Components({ dirs: [], dts: false, resolvers: [ElementPlusResolver({ importStyle: false, directives: true })] }),
      cspMeta(),
    ],
    worker: { format: 'es' },
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified, the console
      // starts on about a third less JavaScript (and the statistics chunk
      // with its ECharts parts shrinks from 1.3 MB to about 0.7 MB).
      minify: true,
      rollupOptions: { input: { index: resolve('src/index.html') } },
    },
  },
})

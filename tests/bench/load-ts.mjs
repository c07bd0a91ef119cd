// Loads the TypeScript document builders in plain Node for the bench and
// samples scripts (jiti compiles them on the fly, with the '@' alias).
import { createJiti } from 'jiti'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..', '..')
export const jiti = createJiti(import.meta.url, { alias: { '@': resolve(root, 'src') } })
export const ROOT = root

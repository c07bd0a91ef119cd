// The app's single origin. Both windows load from it, so they share one
// IndexedDB; it never changes between versions, or the data would be orphaned.
export const APP_SCHEME = 'app'
export const APP_HOST = 'shangliang'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const CONSOLE_URL = `${APP_ORIGIN}/index.html`
export const PROJECTOR_URL = `${APP_ORIGIN}/index.html#/projector`

/** True when a URL belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

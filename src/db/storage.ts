/**
 * Asks the browser to keep this origin's data under storage pressure.
 * Electron grants it; a browser may say no. The answer is logged either way.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) {
    console.info('[storage] persist() unavailable')
    return false
  }
  const granted = await navigator.storage.persist()
  console.info(`[storage] persistent storage ${granted ? 'granted' : 'not granted'}`)
  return granted
}

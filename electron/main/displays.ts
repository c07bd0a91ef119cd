// Pure: which display the projector goes to. Kept free of Electron so it is
// tested in Node.
export interface DisplayInfo {
  id: number
  bounds: { x: number; y: number; width: number; height: number }
  internal?: boolean
}

/**
 * The projector goes full screen on an external display when there is one:
 * the largest display that is not the primary one, preferring those the OS
 * reports as external. Returns null when there is only one screen.
 */
export function chooseProjectorDisplay(displays: DisplayInfo[], primaryId: number): DisplayInfo | null {
  const others = displays.filter((d) => d.id !== primaryId)
  if (others.length === 0) return null
  const area = (d: DisplayInfo) => d.bounds.width * d.bounds.height
  return [...others].sort((a, b) => {
    if (Boolean(a.internal) !== Boolean(b.internal)) return a.internal ? 1 : -1
    return area(b) - area(a)
  })[0]!
}

import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const KEY = 'shangliang.projector.settings'
const PAGES_KEY = 'shangliang.projector.pages'

export const ASPECTS = ['fill', '16:9', '4:3'] as const
export type Aspect = (typeof ASPECTS)[number]
/** Zoom steps; with the fit floor the smallest text stays at least 4% of the screen height */
export const ZOOMS = [0.85, 1, 1.15, 1.3, 1.5] as const

interface Saved {
  aspect: Aspect
  zoom: number
}

function load(): Saved {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>
    return {
      aspect: ASPECTS.includes(s.aspect as Aspect) ? s.aspect! : 'fill',
      zoom: ZOOMS.includes(s.zoom as (typeof ZOOMS)[number]) ? s.zoom! : 1,
    }
  } catch {
    return { aspect: 'fill', zoom: 1 }
  }
}

/**
 * The projector's own settings: the screen's aspect ratio (the slide area is
 * letterboxed to it) and a zoom, kept on this machine. Console and projector
 * window share them through localStorage, which tells the other window.
 */
export const useProjectorSettingsStore = defineStore('projectorSettings', () => {
  const saved = load()
  /** The projector's aspect ratio; fill uses the whole window */
  const aspect = ref<Aspect>(saved.aspect)
  /** Type size relative to the default */
  const zoom = ref<number>(saved.zoom)
  /** How many pages the projected slide has (written by the projector window) */
  const pages = ref(Number(localStorage.getItem(PAGES_KEY) ?? 1) || 1)

  watch([aspect, zoom], () => localStorage.setItem(KEY, JSON.stringify({ aspect: aspect.value, zoom: zoom.value })))
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) {
      const s = load()
      aspect.value = s.aspect
      zoom.value = s.zoom
    }
    if (e.key === PAGES_KEY) pages.value = Number(e.newValue ?? 1) || 1
  })
  /** Called by the projector window once it has laid out the slide */
  function setPages(n: number) {
    pages.value = n
    localStorage.setItem(PAGES_KEY, String(n))
  }
  return { aspect, zoom, pages, setPages }
})

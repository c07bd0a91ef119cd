import { createI18n } from 'vue-i18n'

interface Messages {
  [key: string]: string | Messages
}

// Each feature keeps its own message file per locale (zh-CN/<feature>.ts),
// merged here, so features never edit one shared dictionary.
// Chinese is in the start-up bundle; English is fetched when chosen.
const zh = import.meta.glob<{ default: Messages }>('./zh-CN/*.ts', { eager: true })
const en = import.meta.glob<{ default: Messages }>('./en/*.ts')

function merge(modules: { default: Messages }[]): Messages {
  const out: Messages = {}
  for (const mod of modules) deepMerge(out, mod.default)
  return out
}

function deepMerge(target: Messages, source: Messages): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    if (typeof value === 'object' && typeof existing === 'object') deepMerge(existing, value)
    else target[key] = value
  }
}

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
const LOCALE_KEY = 'shangliang.locale'

function savedLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null
  return saved === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': merge(Object.values(zh)), en: {} as Messages },
})

let english: Promise<void> | undefined

/** Loads a locale's messages once (the app awaits this before mounting when English was chosen). */
export function loadLocale(locale: Locale = savedLocale()): Promise<void> {
  if (locale !== 'en') return Promise.resolve()
  english ??= Promise.all(Object.values(en).map((load) => load())).then((mods) =>
    i18n.global.setLocaleMessage('en', merge(mods)),
  )
  return english
}

export async function setLocale(locale: Locale): Promise<void> {
  await loadLocale(locale)
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../shared/plan/core.ts'
import { loadLanguage, saveLanguage } from '../device/language.ts'
import uitnodiging from '../invitations/i18n.ts'
import route from '../sections/route/i18n.ts'
import verhaal from '../sections/verhaal/i18n.ts'
import ui from '../ui/i18n.ts'
import workspace from '../workspace/i18n.ts'
import type { Catalog } from './catalog.ts'
import common from './common.ts'

/**
 * The namespaces every page may need at once: the frame, invitations, the
 * plan's first screen (the route, with client/ui's form strings) and the
 * story. A section
 * owns its strings in `client/sections/<name>/i18n.ts` (made with
 * `defineCatalog`); those load with the section (client/app/lazyView.ts
 * registers them with `addCatalog`), as do the start page's and client/ui's, so a first visit
 * does not download every section's words. Components use
 * `useTranslation('<name>')`, or `t('<name>:key')` from elsewhere. `common`
 * holds app-wide strings.
 */
export const catalogs: Record<string, Catalog> = {
  common,
  workspace,
  uitnodiging,
  ui,
  route,
  verhaal,
}

function resourcesFor(language: Language): Record<string, Catalog[Language]> {
  return Object.fromEntries(Object.entries(catalogs).map(([namespace, catalog]) => [namespace, catalog[language]]))
}

const language = loadLanguage()

void i18next.use(initReactI18next).init({
  resources: { nl: resourcesFor('nl'), en: resourcesFor('en') },
  lng: language,
  fallbackLng: 'nl',
  ns: Object.keys(catalogs),
  defaultNS: 'common',
  // Resources are bundled, so initialise synchronously: the first render already has its strings.
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
})
document.documentElement.lang = language

/** Makes a namespace that loaded later (with its section) available, in both languages. */
export function addCatalog(namespace: string, catalog: Catalog): void {
  if (i18next.hasResourceBundle('nl', namespace)) return
  i18next.addResourceBundle('nl', namespace, catalog.nl)
  i18next.addResourceBundle('en', namespace, catalog.en)
}

/** Switches the app's language and remembers the choice on this device. */
export async function chooseLanguage(next: Language): Promise<void> {
  saveLanguage(next)
  document.documentElement.lang = next
  await i18next.changeLanguage(next)
}

export { i18next }

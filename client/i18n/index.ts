import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../shared/plan/index.ts'
import { loadLanguage, saveLanguage } from '../device/language.ts'
import uitnodiging from '../invitations/i18n.ts'
import basisteam from '../sections/basisteam/i18n.ts'
import mensen from '../sections/mensen/i18n.ts'
import netwerkatlas from '../sections/netwerkatlas/i18n.ts'
import notities from '../sections/notities/i18n.ts'
import partnerschapskaart from '../sections/partnerschapskaart/i18n.ts'
import spelregels from '../sections/spelregels/i18n.ts'
import waarden from '../sections/waarden/i18n.ts'
import verhaal from '../sections/verhaal/i18n.ts'
import versies from '../sections/versies/i18n.ts'
import bewaren from '../sections/bewaren/i18n.ts'
import planDocument from '../document/i18n.ts'
import start from '../start/i18n.ts'
import ui from '../ui/i18n.ts'
import workspace from '../workspace/i18n.ts'
import type { Catalog } from './catalog.ts'
import common from './common.ts'

/**
 * Every namespace of the app. A section owns its strings in
 * `client/sections/<name>/i18n.ts` (made with `defineCatalog`) and adds one
 * line here; components then use `useTranslation('<name>')`, or
 * `t('<name>:key')` from elsewhere. `common` holds app-wide strings.
 */
export const catalogs: Record<string, Catalog> = {
  common,
  start,
  workspace,
  uitnodiging,
  verhaal,
  mensen,
  netwerkatlas,
  ui,
  waarden,
  partnerschapskaart,
  spelregels,
  basisteam,
  notities,
  versies,
  bewaren,
  document: planDocument,
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

/** Switches the app's language and remembers the choice on this device. */
export async function chooseLanguage(next: Language): Promise<void> {
  saveLanguage(next)
  document.documentElement.lang = next
  await i18next.changeLanguage(next)
}

export { i18next }

import type { ComponentType } from 'react'
import type { RoomKind } from '../../shared/protocol/rooms.ts'
import { lazyView, type CatalogModule } from '../app/lazyView.ts'
import { loadInstruments } from '../plan/useInstruments.ts'
// The route ("Waar staan we?") comes with the app's first chunk, strings included (client/i18n/index.ts):
// every plan opens on it, so one request instead of seven and about 2 KB less (tests/e2e/firstVisit.test.ts).
import { RouteSection } from './route/RouteSection.tsx'

/**
 * A section's view: its own chunk with its own strings, loaded when it is
 * first opened (client/app/lazyView.ts), and with the plan's other
 * instruments (shared/plan/instruments.ts: values, the card, spelregels,
 * roles, the basisteam, ...), which every section but the story shows,
 * whether or not its own imports name them (a type-only import does not
 * load them, and the first screens leave them out: tests/e2e/firstVisit.test.ts).
 */
function section<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K, strings: Record<string, CatalogModule> = {}) {
  return lazyView(async () => (await Promise.all([load(), loadInstruments()]))[0], name, strings)
}

const waarden: CatalogModule = () => import('./waarden/i18n.ts')
const notities: CatalogModule = () => import('./notities/i18n.ts')
const toegang: CatalogModule = () => import('./toegang/i18n.ts')
const vragen: CatalogModule = () => import('./vragen/i18n.ts')
// Versions and print show the whole plan as a document (client/document/).
const planDocument: CatalogModule = () => import('../document/i18n.ts')

// The story needs none of the other instruments: the first visit's budget is spent on its editor.
const VerhaalSection = lazyView(() => import('./verhaal/VerhaalSection.tsx'), 'VerhaalSection')
const MensenSection = section(() => import('./mensen/MensenSection.tsx'), 'MensenSection', { mensen: () => import('./mensen/i18n.ts'), toegang })
const NetwerkatlasSection = section(() => import('./netwerkatlas/NetwerkatlasSection.tsx'), 'NetwerkatlasSection', { netwerkatlas: () => import('./netwerkatlas/i18n.ts') })
const WaardenSection = section(() => import('./waarden/WaardenSection.tsx'), 'WaardenSection', { waarden })
const PartnerschapskaartSection = section(() => import('./partnerschapskaart/PartnerschapskaartSection.tsx'), 'PartnerschapskaartSection', {
  partnerschapskaart: () => import('./partnerschapskaart/i18n.ts'),
  waarden, // its first step is the values
})
const SpelregelsSection = section(() => import('./spelregels/SpelregelsSection.tsx'), 'SpelregelsSection', { spelregels: () => import('./spelregels/i18n.ts') })
const VragenSection = section(() => import('./vragen/VragenSection.tsx'), 'VragenSection', { vragen })
const OnsNetwerkSection = section(() => import('./onsNetwerk/OnsNetwerkSection.tsx'), 'OnsNetwerkSection', { onsNetwerk: () => import('./onsNetwerk/i18n.ts'), vragen })
const BasisteamSection = section(() => import('./basisteam/BasisteamSection.tsx'), 'BasisteamSection', { basisteam: () => import('./basisteam/i18n.ts') })
const NotitiesSection = section(() => import('./notities/NotitiesSection.tsx'), 'NotitiesSection', { notities })
const AlleenVoorOnsSection = section(() => import('./notities/AlleenVoorOnsSection.tsx'), 'AlleenVoorOnsSection', { notities })
const VersiesSection = section(() => import('./versies/VersiesSection.tsx'), 'VersiesSection', { versies: () => import('./versies/i18n.ts'), document: planDocument })
const BewarenSection = section(() => import('./bewaren/BewarenSection.tsx'), 'BewarenSection', { bewaren: () => import('./bewaren/i18n.ts'), document: planDocument })
// The meedenkbijeenkomst (client/meeting/): its step views show the basisteam's "wat doe ik".
const MeetingSection = section(() => import('../meeting/MeetingSection.tsx'), 'MeetingSection', { meeting: () => import('../meeting/i18n.ts'), basisteam: () => import('./basisteam/i18n.ts') })
const AccessSection = section(() => import('./toegang/AccessSection.tsx'), 'AccessSection', { toegang })

/** One part of a plan's workspace: an entry in the navigation and the view it opens. */
export interface Section {
  /** The path segment: `/#/plan/<planId>/<id>`. Lower case, Dutch where it is the users' word. */
  id: string
  /** The navigation label as `namespace:key`: `workspace:nav.<id>`, the same words as the section's own title (registry.test.ts). */
  labelKey: string
  /** The method's own name for it, shown small under the label ("Basisteam" under "Wie doet wat"): `workspace:navMethod.<id>`, the section's own `method`. */
  methodKey?: string
  /**
   * The view; it reads the plan with the hooks in client/plan/hooks.ts and
   * hides its own editing for someone who may only read (`usePlan().canWrite`
   * is false: a meelezer, or a device the relay turned away). May be
   * a lazyView (the workspace suspends until it has loaded, unless preloaded).
   */
  component: ComponentType & { preload?(): Promise<void> }
  /**
   * The room the section shows (architecture.md, decision 2): it is in the
   * navigation only for those whose invitation opens that room. The plan
   * room unless said otherwise.
   */
  room?: RoomKind
}

/**
 * The workspace's sections, in navigation order. To add an instrument: make
 * `client/sections/<id>/` with its view and `i18n.ts`, register the catalog in
 * client/i18n/index.ts, and add one entry here.
 */
export const sections: readonly Section[] = [
  { id: 'route', labelKey: 'workspace:nav.route', component: RouteSection },
  { id: 'vragen', labelKey: 'workspace:nav.vragen', component: VragenSection },
  { id: 'verhaal', labelKey: 'workspace:nav.verhaal', component: VerhaalSection },
  { id: 'mensen', labelKey: 'workspace:nav.mensen', component: MensenSection },
  { id: 'netwerkatlas', labelKey: 'workspace:nav.netwerkatlas', methodKey: 'workspace:navMethod.netwerkatlas', component: NetwerkatlasSection },
  { id: 'waarden', labelKey: 'workspace:nav.waarden', methodKey: 'workspace:navMethod.waarden', component: WaardenSection },
  { id: 'partnerschapskaart', labelKey: 'workspace:nav.partnerschapskaart', methodKey: 'workspace:navMethod.partnerschapskaart', component: PartnerschapskaartSection },
  { id: 'spelregels', labelKey: 'workspace:nav.spelregels', component: SpelregelsSection },
  { id: 'basisteam', labelKey: 'workspace:nav.basisteam', methodKey: 'workspace:navMethod.basisteam', component: BasisteamSection },
  { id: 'meedenkbijeenkomst', labelKey: 'workspace:nav.meedenkbijeenkomst', methodKey: 'workspace:navMethod.meedenkbijeenkomst', component: MeetingSection },
  { id: 'notities', labelKey: 'workspace:nav.notities', component: NotitiesSection },
  { id: 'ons-netwerk', labelKey: 'workspace:nav.ons-netwerk', component: OnsNetwerkSection, room: 'netwerk' },
  { id: 'alleen-voor-ons', labelKey: 'workspace:nav.alleen-voor-ons', component: AlleenVoorOnsSection, room: 'huishouden' },
  { id: 'versies', labelKey: 'workspace:nav.versies', component: VersiesSection },
  { id: 'bewaren', labelKey: 'workspace:nav.bewaren', component: BewarenSection },
  { id: 'toegang', labelKey: 'workspace:nav.toegang', component: AccessSection },
]

/**
 * Starts loading a section's code before it shows (a no-op for one that came
 * with the app): for the section the address names, while the plan opens, and
 * for a menu entry a finger is on. See lazyView for why it matters.
 */
export function preloadSection(id: string): void {
  // Should it fail, the section tries again when it is opened, and says so if it still cannot (SectionFailed).
  sections.find((section) => section.id === id)?.component.preload?.().catch(() => {})
}

import { lazy, type ComponentType } from 'react'
import type { RoomKind } from '../../shared/protocol/rooms.ts'
import { AccessSection } from './toegang/AccessSection.tsx'
import { AlleenVoorOnsSection } from './notities/AlleenVoorOnsSection.tsx'
import { NotitiesSection } from './notities/NotitiesSection.tsx'
import { BasisteamSection } from './basisteam/BasisteamSection.tsx'
import { MensenSection } from './mensen/MensenSection.tsx'
import { PartnerschapskaartSection } from './partnerschapskaart/PartnerschapskaartSection.tsx'
import { SpelregelsSection } from './spelregels/SpelregelsSection.tsx'
import { WaardenSection } from './waarden/WaardenSection.tsx'

// The editor (Tiptap, ProseMirror) is most of the app's weight: load it when
// the section opens. The service worker precaches it too, so offline is the same.
const VerhaalSection = lazy(() => import('./verhaal/VerhaalSection.tsx').then((m) => ({ default: m.VerhaalSection })))
// Five drawings and their forms: loaded when the netwerkatlas is opened.
// Versions, print and export read the whole plan as a document (with the atlas' drawings): loaded when opened.
const VersiesSection = lazy(() => import('./versies/VersiesSection.tsx').then((m) => ({ default: m.VersiesSection })))
const BewarenSection = lazy(() => import('./bewaren/BewarenSection.tsx').then((m) => ({ default: m.BewarenSection })))
const NetwerkatlasSection = lazy(() => import('./netwerkatlas/NetwerkatlasSection.tsx').then((m) => ({ default: m.NetwerkatlasSection })))

/** One part of a plan's workspace: an entry in the navigation and the view it opens. */
export interface Section {
  /** The path segment: `/#/plan/<planId>/<id>`. Lower case, Dutch where it is the users' word. */
  id: string
  /** The navigation label as `namespace:key` (e.g. 'mensen:title'); its namespace is registered in client/i18n/index.ts. */
  labelKey: string
  /**
   * The view; it reads the plan with the hooks in client/plan/hooks.ts and
   * hides its own editing for someone who may only read (`usePlan().canWrite`
   * is false: a meelezer, or a device the relay turned away). May be
   * `React.lazy` (the workspace suspends).
   */
  component: ComponentType
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
  { id: 'verhaal', labelKey: 'verhaal:title', component: VerhaalSection },
  { id: 'mensen', labelKey: 'mensen:title', component: MensenSection },
  { id: 'netwerkatlas', labelKey: 'netwerkatlas:title', component: NetwerkatlasSection },
  { id: 'waarden', labelKey: 'waarden:title', component: WaardenSection },
  { id: 'partnerschapskaart', labelKey: 'partnerschapskaart:title', component: PartnerschapskaartSection },
  { id: 'spelregels', labelKey: 'spelregels:title', component: SpelregelsSection },
  { id: 'basisteam', labelKey: 'basisteam:title', component: BasisteamSection },
  { id: 'notities', labelKey: 'notities:title', component: NotitiesSection },
  { id: 'alleen-voor-ons', labelKey: 'notities:ours.title', component: AlleenVoorOnsSection, room: 'huishouden' },
  { id: 'versies', labelKey: 'versies:title', component: VersiesSection },
  { id: 'bewaren', labelKey: 'bewaren:title', component: BewarenSection },
  { id: 'toegang', labelKey: 'uitnodiging:section.title', component: AccessSection },
]

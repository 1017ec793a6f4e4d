import type { ComponentType } from 'react'
import { BasisposterView } from './basisposter/BasisposterView.tsx'
import { ContactschemaView } from './contactschema/ContactschemaView.tsx'
import { FamiliekaartView } from './familiekaart/FamiliekaartView.tsx'
import { GebeurteniskaartView } from './gebeurteniskaart/GebeurteniskaartView.tsx'
import { RelatiekaartView } from './relatiekaart/RelatiekaartView.tsx'

/** The five instruments of the netwerkatlas, in the order the method names them; the first is what a visitor sees first. */
export type InstrumentId = 'basisposter' | 'familiekaart' | 'relatiekaart' | 'contactschema' | 'gebeurteniskaart'

export interface Instrument {
  id: InstrumentId
  component: ComponentType
}

export const INSTRUMENTS: readonly Instrument[] = [
  { id: 'basisposter', component: BasisposterView },
  { id: 'familiekaart', component: FamiliekaartView },
  { id: 'relatiekaart', component: RelatiekaartView },
  { id: 'contactschema', component: ContactschemaView },
  { id: 'gebeurteniskaart', component: GebeurteniskaartView },
]

/** The instrument for a path segment; the basisposter when there is none or it is unknown. */
export function instrumentFor(id: string | undefined): Instrument {
  return INSTRUMENTS.find((instrument) => instrument.id === id) ?? (INSTRUMENTS[0] as Instrument)
}

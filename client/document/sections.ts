/** The parts of the plan a document can hold, in reading order; the household chooses which go on paper. */
export type DocumentSection =
  | 'verhaal'
  | 'mensen'
  | 'waarden'
  | 'partnerschapskaart'
  | 'spelregels'
  | 'basisteam'
  | 'basisposter'
  | 'familiekaart'
  | 'relatiekaart'
  | 'contactschema'
  | 'gebeurteniskaart'
  | 'notities'
  | 'alleen-voor-ons'

export const DOCUMENT_SECTIONS: readonly DocumentSection[] = [
  'verhaal',
  'mensen',
  'waarden',
  'partnerschapskaart',
  'spelregels',
  'basisteam',
  'basisposter',
  'familiekaart',
  'relatiekaart',
  'contactschema',
  'gebeurteniskaart',
  'notities',
  'alleen-voor-ons',
]

/** Sections from a more private room than the plan: never on paper unless someone chooses them. */
export const PRIVATE_SECTIONS: readonly DocumentSection[] = ['alleen-voor-ons']

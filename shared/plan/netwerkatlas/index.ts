export { Netwerkatlas } from './netwerkatlas.ts'
export { Basisposter, POSTER_SECTIONS, type PosterSection, type PosterItem, type StoredPosterItem } from './basisposter.ts'
export { Familiekaart, FAMILY_LINK_KINDS, GENERATIONS, linkId, type FamilyLink, type FamilyLinkKind, type FamilyMember, type FamilyMemberFields } from './familiekaart.ts'
export { Relatiekaart, RINGS, SECTORS, SUPPORT_KINDS, nextRing, nextSector, type Ring, type Sector, type SupportKind, type Placement, type PlacedPerson, type RingView } from './relatiekaart.ts'
export {
  Contactschema,
  DAYS,
  DAY_PARTS,
  SLOTS,
  CONTACT_FREQUENCIES,
  CONTACT_WAYS,
  slotKey,
  type Day,
  type DayPart,
  type Slot,
  type ContactFrequency,
  type ContactWay,
  type ContactEntry,
  type ContactGap,
  type WeekDay,
} from './contactschema.ts'
export { Gebeurteniskaart, STRENGTHS, type Strength, type LifeEvent, type NewLifeEvent } from './gebeurteniskaart.ts'
export { peopleOrder } from './showPeople.ts'
export { parseWhen, sortByWhen, DATE_PRECISIONS, type DatePrecision, type DateBasis, type ParsedWhen } from './eventDates.ts'
export { ATLAS_LABELS, type Labels, type AtlasReference } from './labels.ts'

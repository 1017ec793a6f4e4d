import type * as Y from 'yjs'
import { Cached } from '../cached.ts'
import { bool, oneOf, text, type FieldSource } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import { KeyedRecords, members, type KeyedMeta } from '../keyedRecords.ts'
import type { Person } from '../people.ts'
import type { PersonReference, PersonReferences, PersonReferenceSource, ReferencedPerson } from '../personReferences.ts'
import type { RecordList } from '../records.ts'
import { transact } from '../transact.ts'
import { withPeople } from './showPeople.ts'

/** How close someone is, from the centre (the household) outwards. */
export type Ring = 'heel-dichtbij' | 'dichtbij' | 'verder-weg'
export const RINGS: readonly Ring[] = ['heel-dichtbij', 'dichtbij', 'verder-weg']

/** Which part of life someone belongs to. */
export type Sector = 'familie' | 'vrienden' | 'buurt' | 'werk-school' | 'professionals'
export const SECTORS: readonly Sector[] = ['familie', 'vrienden', 'buurt', 'werk-school', 'professionals']

/** What a relationship gives. */
export type SupportKind = 'praktisch' | 'emotioneel' | 'informatie' | 'gezelschap'
export const SUPPORT_KINDS: readonly SupportKind[] = ['praktisch', 'emotioneel', 'informatie', 'gezelschap']

/** Where a person stands on the relatiekaart, and what the relationship is like. */
export interface Placement {
  ring: Ring
  sector: Sector
  support: SupportKind[]
  /** The contact is strained ("er is spanning"). */
  strained: boolean
  /** A bridge to build: someone the household wants to be (more) in touch with. */
  brug: boolean
  note: string
}

/** A placement with the person it is about, as the views show it. */
export type PlacedPerson = Placement & KeyedMeta & { person: ReferencedPerson }

/** The map as rings of sectors, centre first; every cell is there, empty or not. */
export interface RingView {
  ring: Ring
  sectors: { sector: Sector; people: PlacedPerson[] }[]
}

const placementSpec = {
  // Without both a ring and a sector there is no place to draw someone, so no placement.
  read: (fields: FieldSource): Placement | null => {
    const ring = oneOf(fields, 'ring', RINGS, null)
    const sector = oneOf(fields, 'sector', SECTORS, null)
    if (!ring || !sector) return null
    return {
      ring,
      sector,
      support: members(fields, 'support', SUPPORT_KINDS),
      strained: bool(fields, 'strained'),
      brug: bool(fields, 'brug'),
      note: text(fields, 'note'),
    }
  },
}

/**
 * De relatiekaart: the people around the household in rings of closeness and
 * sectors of life. Placements are keyed by person id: a person is on the map
 * at most once, and when two participants place or move the same person at
 * the same time every device ends with the same single place (each field —
 * ring, sector, each support kind — is last-writer-wins on its own).
 */
export class Relatiekaart implements PersonReferenceSource {
  readonly instrument = 'relatiekaart'
  private readonly placements: KeyedRecords<Placement>
  private readonly view: Cached<PlacedPerson[]>

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly people: RecordList<Person>,
    private readonly references: PersonReferences,
  ) {
    this.placements = new KeyedRecords(map, placementSpec)
    this.view = new Cached([this.placements, references], () => this.compute())
  }

  /**
   * Puts a person on the map with a ring and a sector (or moves them there).
   * Someone new on the map starts with a blank relationship, whatever an
   * earlier placement said.
   */
  place(person: PersonId, where: { ring: Ring; sector: Sector }, by: PersonId | null): void {
    transact(this.map, () => {
      if (!this.placements.get(person)) this.placements.clear(person)
      this.placements.set(person, { ring: where.ring, sector: where.sector }, by)
    })
  }

  /**
   * Moves a person already on the map to another ring and/or sector, writing
   * only what changes, so a concurrent move of the other field also counts.
   * Does nothing for someone not on the map (use `place`).
   */
  move(person: PersonId, to: { ring?: Ring; sector?: Sector }, by: PersonId | null): void {
    if (!this.placements.get(person)) return
    this.placements.set(person, { ring: to.ring, sector: to.sector }, by)
  }

  /** Says whether the relationship gives one kind of support. */
  setSupport(person: PersonId, kind: SupportKind, gives: boolean, by: PersonId | null): void {
    this.placements.setMember(person, 'support', kind, gives, by)
  }

  /** Changes how the relationship is: strained, a bridge to build, a short note. */
  describe(person: PersonId, patch: { strained?: boolean; brug?: boolean; note?: string }, by: PersonId | null): void {
    this.placements.set(person, patch, by)
  }

  /** Takes a person off the relatiekaart (not off the people list). */
  remove(person: PersonId): void {
    this.placements.clear(person)
  }

  /** One person's placement, or undefined when they are not on the map (or hidden after removal). */
  get(person: PersonId): PlacedPerson | undefined {
    return this.view.per(`person:${person}`, (list) => list.find((p) => p.person.id === person))
  }

  /** Everyone on the map: centre outwards, sector by sector, then in people-list order. */
  list(): PlacedPerson[] {
    return this.view.get()
  }

  /** The map as rings of sectors (for the diagram and its list view). */
  rings(): RingView[] {
    return this.view.per('rings', (list) =>
      RINGS.map((ring) => ({
        ring,
        sectors: SECTORS.map((sector) => ({ sector, people: list.filter((p) => p.ring === ring && p.sector === sector) })),
      })),
    )
  }

  /** People on the list who are not on the map yet, in people-list order (for the "add someone" picker). */
  notPlaced(): PersonId[] {
    return this.view.per('notPlaced', (list) => {
      const placed = new Set(list.map((p) => p.person.id))
      return this.people.list().map((p) => p.id).filter((id) => !placed.has(id))
    })
  }

  referencesTo(person: PersonId): PersonReference[] {
    return this.placements.get(person) ? [{ instrument: this.instrument, kind: 'placement', id: person }] : []
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private compute(): PlacedPerson[] {
    // withPeople gives people-list order; the stable sort keeps it within each cell.
    return withPeople(this.placements.list(), this.people, this.references).sort(
      (a, b) => RINGS.indexOf(a.ring) - RINGS.indexOf(b.ring) || SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector),
    )
  }
}

/** The ring one step closer to the centre ('in') or further out ('out'); stays put at the edge (for keyboard moves). */
export function nextRing(ring: Ring, direction: 'in' | 'out'): Ring {
  const index = RINGS.indexOf(ring) + (direction === 'in' ? -1 : 1)
  return RINGS[Math.max(0, Math.min(RINGS.length - 1, index))] ?? ring
}

/** The next sector around the circle (+1 clockwise, -1 back), wrapping around (for keyboard moves). */
export function nextSector(sector: Sector, step: 1 | -1): Sector {
  const index = (SECTORS.indexOf(sector) + step + SECTORS.length) % SECTORS.length
  return SECTORS[index] ?? sector
}

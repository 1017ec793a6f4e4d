import * as Y from 'yjs'
import { Cached } from './cached.ts'
import { fromY, type Source } from './changes.ts'
import { asObject } from './fields.ts'
import type { PersonId } from './ids.ts'

/** The Y types an act "aan tafel" is stored in, one per instrument that takes them (see each instrument's layout). */
export interface AtTablePlaces {
  /** Basisteam actions (RecordList): a record's nested `atTable` map, person → { consent, at, by }. */
  basisteam: Y.Map<unknown>
  /** Basisteam actions made from a card item (FlatRecordList): `<id>/atTable.<person>`. */
  basisteamFromCard: Y.Map<unknown>
  /** Team members: `<person>/atTable`. */
  teamMembers: Y.Map<unknown>
  /** The aanspreekpunt: `atTable` → { person, consent, at, by }. */
  teamContact: Y.Map<unknown>
  /** Roles (RecordList): a record's `answerAtTable` beside its `person`. */
  rollen: Y.Map<unknown>
  /** The card's agreements: `<step>:<person>` → { at, by } (a number when it is their own). */
  agreement: Y.Map<unknown>
  /** "Geslaagd als": person → { …, writtenBy } (written at the table when by someone else). */
  geslaagd: Y.Map<unknown>
}

/**
 * Whether something said "aan tafel" may wait for a person, read straight
 * from where the instruments store it, without their code: the plan's
 * notices ask this on every screen, and a first visit on a phone should not
 * download every instrument (shared/plan/instruments.ts) to hear "no".
 *
 * It never misses an act that `AanTafel.pendingFor` (the exact answer, with
 * the instruments) would find; it may say yes where that finds nothing (the
 * person's own answer is newer, the role's words changed since, the person
 * was taken off the list): then the instruments load for nothing.
 * atTableWaiting.test.ts holds it to that for every instrument.
 */
export class AtTableWaiting implements Source {
  /** Nothing of its own to keep: only the per-person answers (`per`), until one of the places changes. */
  private readonly view: Cached<null>

  constructor(private readonly places: AtTablePlaces) {
    this.view = new Cached(Object.values(places).map((type) => fromY(type)), () => null)
  }

  /** Whether an act recorded at the table may wait for `person`; the same answer until something changes. */
  mayWaitFor(person: PersonId): boolean {
    return this.view.per(person, () => this.anyFor(person))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private anyFor(person: PersonId): boolean {
    const { basisteam, basisteamFromCard, teamMembers, teamContact, rollen, agreement, geslaagd } = this.places
    const records = (map: Y.Map<unknown>) => [...map.values()].filter((record): record is Y.Map<unknown> => record instanceof Y.Map)
    const keys = (map: Y.Map<unknown>, test: (key: string, value: unknown) => boolean) => [...map.entries()].some(([key, value]) => test(key, value))
    const writtenBy = asObject(geslaagd.get(person))?.['writtenBy']
    return (
      records(basisteam).some((action) => { const table = action.get('atTable'); return table instanceof Y.Map && table.has(person) }) ||
      keys(basisteamFromCard, (key) => key.endsWith(`/atTable.${person}`)) ||
      teamMembers.has(`${person}/atTable`) ||
      asObject(teamContact.get('atTable'))?.['person'] === person ||
      records(rollen).some((rol) => rol.get('person') === person && asObject(rol.get('answerAtTable')) !== null) ||
      keys(agreement, (key, value) => key.endsWith(`:${person}`) && asObject(value) !== null) ||
      (typeof writtenBy === 'string' && writtenBy !== person)
    )
  }
}

import type * as Y from 'yjs'
import { Cached } from './cached.ts'
import { optionalText, text } from './fields.ts'
import type { PersonId } from './ids.ts'
import type { PersonReference, PersonReferenceSource } from './personReferences.ts'
import { InstrumentRecords } from './instrumentRecords.ts'
import type { Stored } from './records.ts'

/**
 * A role someone takes in the collaboration and what they are responsible
 * for. "Gelijkwaardig is niet hetzelfde als gelijk": responsibilities differ
 * and are visible, while every voice counts the same. A person may have
 * several. (Not to be confused with a person's access role in Kring.)
 */
export interface Rol {
  person: PersonId | null
  /** The role in the household's words: "aanspreekpunt", "mantelzorger", "wijkcoach". */
  name: string
  /** What they take care of, in a sentence or two. */
  responsibilities: string
}

export type StoredRol = Stored<Rol>

const rolSpec = {
  read: (map: Y.Map<unknown>): Rol => ({
    person: optionalText(map, 'person'),
    name: text(map, 'name'),
    responsibilities: text(map, 'responsibilities'),
  }),
}

/** Roles and responsibilities, per person. */
export class Rollen extends InstrumentRecords<Rol> implements PersonReferenceSource {
  readonly instrument = 'rollen'
  private readonly view: Cached<StoredRol[]>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    super(map, rolSpec)
    this.view = new Cached([this.records], () => this.records.list())
  }

  /** Records a role for a person and returns its id. */
  add(rol: { person: PersonId; name: string; responsibilities?: string }, by: PersonId): string {
    return this.records.add({ person: rol.person, name: rol.name, responsibilities: rol.responsibilities ?? '' }, by)
  }

  /** Changes a role's name or responsibilities. */
  edit(id: string, patch: { name?: string; responsibilities?: string }, by: PersonId): void {
    this.records.update(id, patch, by)
  }

  /** Moves a role among the roles of the same person. */
  move(id: string, toIndex: number, by: PersonId): void {
    const rol = this.records.get(id)
    if (rol) this.records.move(id, toIndex, by, (other) => other.person === rol.person)
  }

  /** Every visible role, in order; the same array until something changes. */
  list(): StoredRol[] {
    return this.view.get()
  }

  /** One person's roles. */
  of(person: PersonId): StoredRol[] {
    return this.view.per(person, (list) => list.filter((r) => r.person === person))
  }

  /** The roles (also removed ones) of this person. */
  referencesTo(person: PersonId): PersonReference[] {
    return [...this.records.list(), ...this.records.removed()]
      .filter((r) => r.person === person)
      .map((r) => ({ instrument: this.instrument, kind: 'rol', id: r.id }))
  }

  /** Removes a leaving person's roles, softly, as `by`. */
  removeReferencesTo(person: PersonId, by: PersonId | null): void {
    for (const rol of this.records.list()) if (rol.person === person) this.records.remove(rol.id, by)
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

import type * as Y from 'yjs'
import { Cached } from '../cached.ts'
import { oneOf, optionalNum, text, type FieldSource } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import { KeyedRecords, members, type KeyedMeta } from '../keyedRecords.ts'
import type { Person } from '../people.ts'
import type { PersonReference, PersonReferences, PersonReferenceSource, ReferencedPerson } from '../personReferences.ts'
import type { RecordList } from '../records.ts'
import { withPeople } from './showPeople.ts'

export type Day = 'maandag' | 'dinsdag' | 'woensdag' | 'donderdag' | 'vrijdag' | 'zaterdag' | 'zondag'
export const DAYS: readonly Day[] = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']

export type DayPart = 'ochtend' | 'middag' | 'avond'
export const DAY_PARTS: readonly DayPart[] = ['ochtend', 'middag', 'avond']

/** How often there is contact with someone, in everyday words. */
export type ContactFrequency = 'dagelijks' | 'paar-keer-per-week' | 'wekelijks' | 'maandelijks' | 'af-en-toe' | 'zelden'
export const CONTACT_FREQUENCIES: readonly ContactFrequency[] = ['dagelijks', 'paar-keer-per-week', 'wekelijks', 'maandelijks', 'af-en-toe', 'zelden']

/** How the contact goes: seeing each other, calling, messages. */
export type ContactWay = 'zien' | 'bellen' | 'berichten'
export const CONTACT_WAYS: readonly ContactWay[] = ['zien', 'bellen', 'berichten']

/** One cell of the week grid. */
export interface Slot {
  day: Day
  part: DayPart
}

/** Every cell of the week, Monday morning first. */
export const SLOTS: readonly Slot[] = DAYS.flatMap((day) => DAY_PARTS.map((part) => ({ day, part })))
const SLOT_KEYS: readonly string[] = SLOTS.map(slotKey)

interface ContactFields {
  frequency: ContactFrequency | null
  ways: ContactWay[]
  slots: Slot[]
  note: string
}

/** One person in the contactschema: when they are there, how often, and how. */
export type ContactEntry = ContactFields & KeyedMeta & { person: ReferencedPerson }

export interface WeekDay {
  day: Day
  parts: { part: DayPart; people: ReferencedPerson[] }[]
}

/** Where nobody is: some parts of a day, or the whole day ("op zondag is er niemand"). */
export interface ContactGap {
  day: Day
  parts: DayPart[]
  wholeDay: boolean
}

const contactSpec = {
  // Someone is in the schema from their first slot, frequency or way until they are taken out.
  read: (fields: FieldSource): ContactFields | null => {
    if (optionalNum(fields, 'updatedAt') === null) return null
    return {
      frequency: oneOf(fields, 'frequency', CONTACT_FREQUENCIES, null),
      ways: members(fields, 'way', CONTACT_WAYS),
      slots: members(fields, 'slot', SLOT_KEYS).map(slotFromKey),
      note: text(fields, 'note'),
    }
  },
}

/**
 * Het contactschema: who is there when in a week (days × parts of the day)
 * and how often there is contact. Each cell is a merge-safe set: two people
 * adding someone to different (or the same) cells at once both count.
 */
export class Contactschema implements PersonReferenceSource {
  readonly instrument = 'contactschema'
  private readonly contacts: KeyedRecords<ContactFields>
  private readonly view: Cached<ContactEntry[]>

  constructor(
    map: Y.Map<unknown>,
    private readonly people: RecordList<Person>,
    private readonly references: PersonReferences,
  ) {
    this.contacts = new KeyedRecords(map, contactSpec)
    this.view = new Cached([this.contacts, references], () => this.compute())
  }

  /** Puts a person in a cell of the week. */
  put(person: PersonId, slot: Slot, by: PersonId | null): void {
    this.contacts.setMember(person, 'slot', slotKey(slot), true, by)
  }

  /** Takes a person out of a cell (they stay in the schema with their frequency). */
  take(person: PersonId, slot: Slot, by: PersonId | null): void {
    this.contacts.setMember(person, 'slot', slotKey(slot), false, by)
  }

  /** How often there is contact with a person (null: not said). */
  setFrequency(person: PersonId, frequency: ContactFrequency | null, by: PersonId | null): void {
    this.contacts.set(person, { frequency }, by)
  }

  /** Whether the contact goes this way (seeing each other, calling, messages). */
  setWay(person: PersonId, way: ContactWay, on: boolean, by: PersonId | null): void {
    this.contacts.setMember(person, 'way', way, on, by)
  }

  /** A short note about the contact ("belt na het eten"). */
  setNote(person: PersonId, note: string, by: PersonId | null): void {
    this.contacts.set(person, { note }, by)
  }

  /** Takes a person out of the contactschema altogether (not off the people list). */
  remove(person: PersonId): void {
    this.contacts.clear(person)
  }

  /** Everyone in the schema, in people-list order. */
  list(): ContactEntry[] {
    return this.view.get()
  }

  /** One person's entry, or undefined. */
  get(person: PersonId): ContactEntry | undefined {
    return this.view.per(`person:${person}`, (list) => list.find((e) => e.person.id === person))
  }

  /** The week grid: each day with its parts and who is there. */
  week(): WeekDay[] {
    return this.view.per('week', (list) =>
      DAYS.map((day) => ({
        day,
        parts: DAY_PARTS.map((part) => ({
          part,
          people: list.filter((e) => e.slots.some((s) => s.day === day && s.part === part)).map((e) => e.person),
        })),
      })),
    )
  }

  /**
   * Where nobody is, day by day (only days with a gap). Only people on the
   * list count: a former person kept in a cell does not fill it.
   */
  gaps(): ContactGap[] {
    return this.view.per('gaps', () =>
      this.week().flatMap(({ day, parts }) => {
        const empty = parts.filter((p) => !p.people.some((person) => person.onList)).map((p) => p.part)
        return empty.length ? [{ day, parts: empty, wholeDay: empty.length === DAY_PARTS.length }] : []
      }),
    )
  }

  referencesTo(person: PersonId): PersonReference[] {
    const entry = this.contacts.get(person)
    if (!entry) return []
    return [
      ...entry.slots.map((slot) => ({ instrument: this.instrument, kind: 'slot', id: slotKey(slot) })),
      ...(entry.frequency || entry.ways.length ? [{ instrument: this.instrument, kind: 'frequency', id: person }] : []),
    ]
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private compute(): ContactEntry[] {
    return withPeople(this.contacts.list(), this.people, this.references)
  }
}

/** A cell as one string ('maandag.ochtend'), e.g. for a reference or a React key. */
export function slotKey(slot: Slot): string {
  return `${slot.day}.${slot.part}`
}

function slotFromKey(key: string): Slot {
  const [day, part] = key.split('.') as [Day, DayPart]
  return { day, part }
}

import type * as Y from 'yjs'
import { Cached } from './cached.ts'
import { keySet, oneOf, optionalText, text, timestamps } from './fields.ts'
import type { PersonId } from './ids.ts'
import { LEEFGEBIED_KEYS, type Leefgebied } from './leefgebieden.ts'
import { InstrumentRecords } from './instrumentRecords.ts'
import type { Stored } from './records.ts'
import { transact } from './transact.ts'

/** "Wat is voor mij belangrijk?" (personal) or "Wat is voor ons belangrijk?" (shared by the group). */
export type ValueScope = 'personal' | 'shared'
export const VALUE_SCOPES: readonly ValueScope[] = ['personal', 'shared']

/**
 * A value someone holds, or one the group holds together. The dialogue starts
 * here (001: "Een dialoog over waarden is een voorwaarde …"). Differences stay
 * side by side: agreeing with someone's value is an endorsement, taking it
 * into your own list is an adoption (a copy of your own that remembers where
 * it came from); neither ever changes the other person's value.
 */
export interface Value {
  text: string
  notes: string
  scope: ValueScope
  /** Whose value it is (personal), or who put it forward for the group (shared). */
  proposedBy: PersonId | null
  /** Person → when they said "dit vind ik ook belangrijk". */
  endorsedBy: Record<PersonId, number>
  /** The value this one was adopted from, or null when it was written fresh. */
  adoptedFromValue: string | null
  /** Whose value it was adopted from; kept apart from the id so the origin stays readable after that value is removed. */
  adoptedFromPerson: PersonId | null
  leefgebieden: Leefgebied[]
}

export type StoredValue = Stored<Value>

const valueSpec = {
  read: (map: Y.Map<unknown>): Value => ({
    text: text(map, 'text'),
    notes: text(map, 'notes'),
    scope: oneOf(map, 'scope', VALUE_SCOPES, 'personal'),
    proposedBy: optionalText(map, 'proposedBy'),
    endorsedBy: timestamps(map, 'endorsedBy'),
    adoptedFromValue: optionalText(map, 'adoptedFromValue'),
    adoptedFromPerson: optionalText(map, 'adoptedFromPerson'),
    leefgebieden: keySet(map, 'leefgebieden', LEEFGEBIED_KEYS),
  }),
  maps: ['endorsedBy', 'leefgebieden'],
}

export interface NewValue {
  text: string
  scope: ValueScope
  notes?: string
  /** Whose value it is, when someone writes it down for another person at the table; defaults to the writer. */
  proposedBy?: PersonId
  leefgebieden?: readonly Leefgebied[]
}

/** The values of a plan: "voor mij" and "voor ons", with endorsements and adoptions. */
export class Waarden extends InstrumentRecords<Value> {
  private readonly view: Cached<StoredValue[]>

  constructor(private readonly map: Y.Map<Y.Map<unknown>>) {
    super(map, valueSpec)
    this.view = new Cached([this.records], () => this.records.list())
  }

  /** Writes down a value and returns its id. */
  propose(value: NewValue, by: PersonId): string {
    let id = ''
    transact(this.map, () => {
      id = this.records.add(
        { text: value.text, notes: value.notes ?? '', scope: value.scope, proposedBy: value.proposedBy ?? by },
        by,
      )
      for (const tag of value.leefgebieden ?? []) this.tag(id, tag)
    })
    return id
  }

  /**
   * Changes the wording or notes. A personal value belongs to its person: only
   * they (or whoever wrote it down for them) may change it; others adopt it
   * instead. Returns false, writing nothing, when `by` may not.
   */
  edit(id: string, patch: { text?: string; notes?: string }, by: PersonId): boolean {
    if (!this.mayEdit(id, by)) return false
    this.records.update(id, patch, by)
    return true
  }

  /** Whether `by` may change this value's wording (see `edit`). */
  mayEdit(id: string, by: PersonId): boolean {
    const value = this.records.get(id)
    if (!value) return false
    return value.scope === 'shared' || value.proposedBy === by || value.createdBy === by
  }

  /** "Dit vind ik ook belangrijk": records that `by` endorses the value, and when. */
  endorse(id: string, by: PersonId): void {
    if (this.records.get(id)) this.records.setEntry(id, 'endorsedBy', by, Date.now())
  }

  /** Takes back `by`'s endorsement. */
  withdrawEndorsement(id: string, by: PersonId): void {
    this.records.deleteEntry(id, 'endorsedBy', by)
  }

  /**
   * Takes someone's value into `by`'s own list (or into the group's list with
   * `into: 'shared'`) as a new value that remembers where it came from. The
   * original is not touched. Returns the new value's id, or null when the
   * value does not exist.
   */
  adopt(id: string, by: PersonId, into: ValueScope = 'personal'): string | null {
    const source = this.records.get(id)
    if (!source) return null
    let copy = ''
    transact(this.map, () => {
      copy = this.records.add(
        {
          text: source.text,
          notes: '',
          scope: into,
          proposedBy: by,
          adoptedFromValue: id,
          adoptedFromPerson: source.proposedBy ?? source.createdBy,
        },
        by,
      )
      for (const tag of source.leefgebieden) this.tag(copy, tag)
    })
    return copy
  }

  /** The values adopted from this one (by anyone, into any list). */
  adoptionsOf(id: string): StoredValue[] {
    return this.view.per(`adoptions:${id}`, (list) => list.filter((v) => v.adoptedFromValue === id))
  }

  /** Adds a leefgebied tag. */
  tag(id: string, leefgebied: Leefgebied): void {
    if (this.records.get(id)) this.records.setEntry(id, 'leefgebieden', leefgebied, Date.now())
  }

  /** Removes a leefgebied tag. */
  untag(id: string, leefgebied: Leefgebied): void {
    this.records.deleteEntry(id, 'leefgebieden', leefgebied)
  }

  /** Moves a value among the values of the same list (the group's, or one person's). */
  move(id: string, toIndex: number, by: PersonId): void {
    const value = this.records.get(id)
    if (!value) return
    this.records.move(id, toIndex, by, (v) => v.scope === value.scope && (v.scope === 'shared' || v.proposedBy === value.proposedBy))
  }

  /** Every visible value, in display order; the same array until something changes. */
  list(): StoredValue[] {
    return this.view.get()
  }

  /** "Wat is voor ons belangrijk?": the group's values. */
  shared(): StoredValue[] {
    return this.view.per('shared', (list) => list.filter((v) => v.scope === 'shared'))
  }

  /** "Wat is voor mij belangrijk?": one person's own values. */
  personalOf(person: PersonId): StoredValue[] {
    return this.view.per(`personal:${person}`, (list) => list.filter((v) => v.scope === 'personal' && v.proposedBy === person))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }
}

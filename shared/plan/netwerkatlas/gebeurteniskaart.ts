import * as Y from 'yjs'
import { Cached } from '../cached.ts'
import { SharedText } from '../sharedText.ts'
import type { Source } from '../changes.ts'
import { oneOf, optionalText, sortedKeys, text, type FieldSource } from '../fields.ts'
import type { PersonId } from '../ids.ts'
import type { Person } from '../people.ts'
import type { PersonReference, PersonReferences, PersonReferenceSource, ReferencedPerson } from '../personReferences.ts'
import type { RecordList, Stored } from '../records.ts'
import { transact } from '../transact.ts'
import { DATE_BASES, parseExact, parseWhen, sortByWhen, type DateBasis, type ParsedWhen } from './eventDates.ts'
import { peopleOrder } from './showPeople.ts'
import { RemovableRecords } from '../instrumentRecords.ts'

/** Whether an event gave the household strength, cost strength, or both. */
export type Strength = 'gaf-kracht' | 'kostte-kracht' | 'allebei'
export const STRENGTHS: readonly Strength[] = ['gaf-kracht', 'kostte-kracht', 'allebei']

interface EventFields {
  what: string
  /** As written: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', free words, or '' when nobody said. */
  when: string
  /** A sortable start date (YYYY-MM-DD) found when `when` was written, or given by someone. */
  estimate: string | null
  estimateBasis: DateBasis | null
  /** Whose age "toen ik 12 was" counts in; null: the person who wrote the event. */
  ageOf: PersonId | null
  strength: Strength | null
  involved: PersonId[]
}

const eventSpec = {
  read: (map: FieldSource): EventFields => ({
    what: text(map, 'what'),
    when: text(map, 'when'),
    estimate: optionalText(map, 'estimate'),
    estimateBasis: oneOf(map, 'estimateBasis', DATE_BASES, null),
    ageOf: optionalText(map, 'ageOf'),
    strength: oneOf(map, 'strength', STRENGTHS, null),
    involved: sortedKeys(map, 'involved'),
  }),
  maps: ['involved'],
  texts: ['story'],
}

/** An important event in the household's life, as a view shows it. */
export interface LifeEvent {
  id: string
  /** The order the events were told in (a fractional key); the timeline order is `list()`'s. */
  order: string
  what: string
  /** When, as written, with its precision and a sortable start date when one can be told. */
  when: { text: string } & ParsedWhen
  involved: ReferencedPerson[]
  strength: Strength | null
  /** Whose age the date counts in, when that is someone other than the writer. */
  ageOf: ReferencedPerson | null
  createdBy: PersonId | null
  createdAt: number
  updatedBy: PersonId | null
  updatedAt: number
}

export interface NewLifeEvent {
  what: string
  when?: string
  /** A start date someone gives for free words ("ongeveer welk jaar?"): YYYY, YYYY-MM or YYYY-MM-DD. */
  estimate?: string
  involved?: readonly PersonId[]
  strength?: Strength | null
  ageOf?: PersonId | null
}

/** What the gebeurteniskaart needs from the familiekaart: birth years, and word when they change. */
export interface BirthYears extends Source {
  birthYearOf(person: PersonId): number | null
}

/**
 * De gebeurteniskaart: the timeline of what happened in the household's life.
 * Dates may be exact or approximate ("zomer 2019", "toen ik 12 was"); the
 * list is always in a sensible order (see `sortByWhen`). Who was involved is
 * a merge-safe set, so two people adding someone at once both count.
 */
export class Gebeurteniskaart extends RemovableRecords<EventFields> implements PersonReferenceSource {
  readonly instrument = 'gebeurteniskaart'
  private readonly view: Cached<LifeEvent[]>

  constructor(
    private readonly map: Y.Map<Y.Map<unknown>>,
    private readonly people: RecordList<Person>,
    private readonly references: PersonReferences,
    private readonly birthYears: BirthYears,
  ) {
    super(map, eventSpec)
    this.view = new Cached([this.records, references, birthYears], () => this.compute())
  }

  /** Writes down an event and returns its id. */
  add(event: NewLifeEvent, by: PersonId | null): string {
    let id = ''
    transact(this.map, () => {
      id = this.records.add({ what: event.what, strength: event.strength ?? null, ageOf: event.ageOf ?? null }, by)
      this.setWhen(id, event.when ?? '', by, event.estimate)
      for (const person of event.involved ?? []) this.involve(id, person, true, by)
    })
    return id
  }

  /** Changes what happened, its strength, or whose age the date counts in. */
  update(id: string, patch: { what?: string; strength?: Strength | null; ageOf?: PersonId | null }, by: PersonId | null): void {
    this.records.update(id, patch, by)
  }

  /**
   * Says when it happened: a date picker's YYYY-MM-DD, YYYY-MM or YYYY, or
   * free words. The sortable estimate found now is stored with it, so
   * devices with another parser sort the same; a birth year added later
   * still improves an age-based date. `estimate` (YYYY, YYYY-MM or
   * YYYY-MM-DD) is a start date someone gives and wins over any guess;
   * leaving it out drops an earlier one, so pass it again to keep it.
   */
  setWhen(id: string, when: string, by: PersonId | null, estimate?: string): void {
    const event = this.records.get(id)
    if (!event) return
    const given = estimate === undefined ? null : parseExact(estimate.trim())
    const parsed = parseWhen(when, this.birthYearFor(event))
    const found = given ? { sortDate: given.sortDate, basis: 'opgegeven' as const } : parsed.precision === 'ongeveer' ? parsed : null
    this.records.update(id, { when: when.trim(), estimate: found?.sortDate ?? null, estimateBasis: found?.basis ?? null }, by)
  }

  /** Adds or removes someone who was involved. */
  involve(id: string, person: PersonId, involved: boolean, by: PersonId | null): void {
    if (!this.records.get(id)) return
    transact(this.map, () => {
      if (involved) this.records.setEntry(id, 'involved', person, Date.now())
      else this.records.deleteEntry(id, 'involved', person)
      this.records.update(id, {}, by)
    })
  }

  /** The event's longer story, written together; undefined for an event that does not exist. */
  storyOf(id: string): SharedText | undefined {
    const story = this.records.textOf(id, 'story')
    return story && SharedText.of(story)
  }

  /** Every event, in timeline order; the same array until something changes. */
  list(): LifeEvent[] {
    return this.view.get()
  }

  get(id: string): LifeEvent | undefined {
    return this.view.per(`event:${id}`, (list) => list.find((e) => e.id === id))
  }

  referencesTo(person: PersonId): PersonReference[] {
    return this.records
      .list()
      .filter((e) => e.involved.includes(person) || e.ageOf === person)
      .map((e) => ({ instrument: this.instrument, kind: 'event', id: e.id }))
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private birthYearFor(event: Stored<EventFields>): number | null {
    const whose = event.ageOf ?? event.createdBy
    return whose === null ? null : this.birthYears.birthYearOf(whose)
  }

  private whenOf(event: Stored<EventFields>): { text: string } & ParsedWhen {
    const parsed = parseWhen(event.when, this.birthYearFor(event))
    const stored = event.estimate === null ? null : parseExact(event.estimate)
    // Someone's own estimate wins; a fresh reading of the words comes next; a stored guess (from a birth year since
    // removed, or a newer parser) is better than nothing.
    if (stored?.sortDate && event.estimateBasis === 'opgegeven') return { text: event.when, precision: parsed.precision ?? 'ongeveer', sortDate: stored.sortDate, basis: 'opgegeven' }
    if (parsed.sortDate || !stored?.sortDate) return { text: event.when, ...parsed }
    return { text: event.when, precision: parsed.precision ?? 'ongeveer', sortDate: stored.sortDate, basis: event.estimateBasis ?? 'tekst' }
  }

  private compute(): LifeEvent[] {
    const byPerson = peopleOrder(this.people)
    const events = this.records.list().map(
      (event): LifeEvent => ({
        id: event.id,
        order: event.order,
        what: event.what,
        when: this.whenOf(event),
        involved: [...event.involved]
          .sort(byPerson)
          .map((id) => this.references.resolve(id))
          .filter((p): p is ReferencedPerson => p !== null),
        strength: event.strength,
        ageOf: event.ageOf === null ? null : this.references.resolve(event.ageOf),
        createdBy: event.createdBy,
        createdAt: event.createdAt,
        updatedBy: event.updatedBy,
        updatedAt: event.updatedAt,
      }),
    )
    return sortByWhen(events)
  }
}

import type * as Y from 'yjs'
import { Changes, type Source } from './changes.ts'
import { mayRemovePeople, type Actor } from './actor.ts'
import { oneOf } from './fields.ts'
import type { PersonId } from './ids.ts'
import type { Person } from './people.ts'
import type { RecordList } from './records.ts'
import { transact } from './transact.ts'

/** One place where an instrument mentions a person: "a line in the familiekaart", "a slot in the contactschema". */
export interface PersonReference {
  /** The instrument, e.g. 'familiekaart', 'contactschema', 'basisteam'. */
  instrument: string
  /** What kind of place inside it, e.g. 'link', 'slot', 'event'; with `instrument` it picks the words a view shows. */
  kind: string
  /** Which record (a link id, an event id, 'maandag.ochtend', ...), so a view can point at it. */
  id: string
}

/**
 * An instrument that mentions people registers one of these, so "where does
 * this person appear?" works across the plan without the people list knowing
 * every instrument. Its readers resolve person ids through
 * PersonReferences.resolve, which is how a removed person's places are
 * hidden or kept.
 */
export interface PersonReferenceSource {
  readonly instrument: string
  /** Every place this instrument mentions the person (including places readers already hide). */
  referencesTo(person: PersonId): PersonReference[]
}

/** Whether a reference to a person is shown (PersonReferences), for instruments that hide a removed person's places. */
export interface PersonVisibility extends Source {
  isShown(id: PersonId): boolean
}

/**
 * What to do with the places a removed person still appears in:
 * `weghalen` hides them everywhere (also any that a device offline at the
 * time adds later); `laten-staan` keeps them, shown as "iemand die niet meer
 * op de lijst staat". Either way nothing is destroyed: the person's own
 * answers, words and places come back when the person is put back
 * (issue 11: "nothing destroyed by someone else").
 */
export type WhenPersonRemoved = 'weghalen' | 'laten-staan'
export const WHEN_PERSON_REMOVED: readonly WhenPersonRemoved[] = ['weghalen', 'laten-staan']

/** A person as an instrument shows them: by name when on the list, else as someone who is no longer on it. */
export type ReferencedPerson =
  | { id: PersonId; onList: true; name: string; relation: string }
  | { id: PersonId; onList: false }

/**
 * The plan's register of where people are mentioned, and the one way to take
 * someone off the people list together with those places.
 *
 * Readers of every instrument resolve person ids through `resolve`, so a
 * dangling reference (a person removed, purged, or never known here) never
 * crashes a view: it is shown as a former person, or hidden when the
 * household chose `weghalen`. The choice is stored per person (last choice
 * wins), so every replica hides the same references.
 */
export class PersonReferences implements PersonVisibility {
  private readonly sources = new Map<string, PersonReferenceSource>()
  private readonly choicesChanged = new Changes()

  constructor(
    private readonly people: RecordList<Person>,
    /** person id → the WhenPersonRemoved chosen when they were removed. */
    private readonly choices: Y.Map<unknown>,
    /** Builds the instruments that register themselves here (plan.ts builds most on first use); called before every lookup across them. */
    private readonly registerAll: () => void = () => {},
  ) {
    choices.observe(() => this.choicesChanged.notify())
  }

  /** Adds an instrument's references; returns the function that takes them out again. A second source for the same instrument replaces the first. */
  register(source: PersonReferenceSource): () => void {
    this.sources.set(source.instrument, source)
    return () => {
      if (this.sources.get(source.instrument) === source) this.sources.delete(source.instrument)
    }
  }

  /** Every place the person appears, instrument by instrument in registration order. */
  whereIs(person: PersonId): PersonReference[] {
    this.registerAll()
    return [...this.sources.values()].flatMap((source) => source.referencesTo(person))
  }

  /**
   * Takes a person off the people list, softly, and says how the places they
   * appear in are shown from now on, in one change: hidden after `weghalen`,
   * as a former person after `laten-staan` (also places a device offline at
   * the time adds later). Only the household does this (actor.ts); returns
   * false, changing nothing, for anyone else or someone not on the list.
   */
  removePerson(person: PersonId, choice: WhenPersonRemoved, actor: Actor): boolean {
    if (!mayRemovePeople(actor) || !this.people.get(person)) return false
    transact(this.choices, () => {
      this.choices.set(person, choice)
      this.people.remove(person, actor.person)
    })
    return true
  }

  /**
   * Puts a removed person back on the list, with every answer, word and
   * place they had. Only the household; returns whether they were put back.
   */
  restorePerson(person: PersonId, actor: Actor): boolean {
    if (!mayRemovePeople(actor) || !this.people.removed().some((removed) => removed.id === person)) return false
    this.people.restore(person)
    return true
  }

  /**
   * How an instrument shows a person id: by name while they are on the list;
   * as "iemand die niet meer op de lijst staat" when they are not (removed with
   * `laten-staan`, or an id this plan does not know); null — hide the
   * reference — when they were removed with `weghalen`.
   */
  resolve(id: PersonId): ReferencedPerson | null {
    const person = this.people.get(id)
    if (person) return { id, onList: true, name: person.name, relation: person.relation }
    return this.choiceFor(id) === 'weghalen' ? null : { id, onList: false }
  }

  /** Whether a reference to this id is still shown (on the list, or kept as a former person). */
  isShown(id: PersonId): boolean {
    return this.resolve(id) !== null
  }

  /** The choice made when this person was last removed, or null when none was stored. */
  choiceFor(id: PersonId): WhenPersonRemoved | null {
    return oneOf(this.choices, id, WHEN_PERSON_REMOVED, null)
  }

  /** Calls `listener` after any change that can change what `resolve` returns (people or choices). */
  subscribe(listener: () => void): () => void {
    const stopChoices = this.choicesChanged.subscribe(listener)
    const stopPeople = this.people.subscribe(listener)
    return () => {
      stopChoices()
      stopPeople()
    }
  }
}

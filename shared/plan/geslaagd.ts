import type * as Y from 'yjs'
import { mayWithdrawAtTable, type AtTable, type AtTableAct, type AtTableSource } from './aanTafel.ts'
import { Cached } from './cached.ts'
import { fromY } from './changes.ts'
import { asNum, asObject, asText } from './fields.ts'
import type { PersonId } from './ids.ts'
import { compareText } from './order.ts'
import type { PersonReference, PersonReferenceSource, PersonVisibility } from './personReferences.ts'

/**
 * "Ik vind … geslaagd als …": each participant says, in their own words,
 * when they would call the collaboration a success (the waarden column of the
 * partnerschapskaart). One entry per person, shown together.
 *
 * Layout: a top-level Y.Map from person id to one plain entry, so entries of
 * different people never collide; two devices of the same person writing at
 * once keep the later entry as a whole.
 */
export interface GeslaagdEntry {
  person: PersonId
  /** What they would call a success: "Ik vind [subject] geslaagd als …" (often "onze samenwerking"). */
  subject: string
  /** When: "… geslaagd als [condition]". */
  condition: string
  /** Who wrote it down: the person, or someone writing for them at the table. */
  writtenBy: PersonId | null
  at: number
  /** Set when someone else wrote it down for them at the table (aanTafel.ts) and they have not made it their own yet. */
  atTable: AtTable | null
}

export class Geslaagd implements PersonReferenceSource, AtTableSource {
  readonly instrument = 'geslaagd'
  private readonly view: Cached<GeslaagdEntry[]>

  /** `shown` hides the entries of people removed with "weghalen" (kept, and back when they are put back). */
  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly shown: PersonVisibility,
  ) {
    this.view = new Cached([fromY(map), shown], () => this.read().filter((entry) => shown.isShown(entry.person)))
  }

  /**
   * Writes (part of) a person's entry. `by` may be the person, or someone
   * writing it down for them at the table ("aan tafel": it shows as such
   * until the person confirms it); an entry the person wrote themselves only
   * they change. Returns false, writing nothing, when `by` may not.
   */
  write(person: PersonId, words: { subject?: string; condition?: string }, by: PersonId): boolean {
    const current = this.get(person)
    if (current && !this.mayWrite(person, by)) return false
    this.map.set(person, {
      subject: words.subject ?? current?.subject ?? '',
      condition: words.condition ?? current?.condition ?? '',
      writtenBy: by,
      at: Date.now(),
    })
    return true
  }

  /** Whether `by` may write or clear this person's entry (see `write`). */
  mayWrite(person: PersonId, by: PersonId): boolean {
    const current = this.get(person)
    return !current || by === person || current.writtenBy === by || current.writtenBy === null
  }

  /** Takes a person's entry away, under the same rule as `write`. */
  clear(person: PersonId, by: PersonId): boolean {
    if (!this.get(person)) return false
    if (!this.mayWrite(person, by)) return false
    this.map.delete(person)
    return true
  }

  atTableFor(person: PersonId): AtTableAct[] {
    const entry = this.view.get().find((e) => e.person === person)
    return entry?.atTable ? [{ instrument: this.instrument, id: person, person, said: 'words', ...entry.atTable }] : []
  }

  /** The person makes the sentence written for them at the table their own, as it reads. */
  confirm(act: AtTableAct, by: PersonId): boolean {
    const entry = this.get(act.person)
    if (by !== act.person || !entry?.atTable) return false
    return this.write(by, {}, by)
  }

  /** Takes back a sentence written at the table: by its person, or by whoever wrote it down. */
  withdraw(act: AtTableAct, by: PersonId): boolean {
    const entry = this.get(act.person)
    if (!entry?.atTable || !mayWithdrawAtTable({ person: act.person, by: entry.atTable.by }, by)) return false
    this.map.delete(act.person)
    return true
  }

  /** One person's entry, or undefined. */
  get(person: PersonId): GeslaagdEntry | undefined {
    return this.readEntry(person, this.map.get(person)) ?? undefined
  }

  /** Everyone's entries, oldest first; the same array until something changes. */
  list(): GeslaagdEntry[] {
    return this.view.get()
  }

  /** This person's entry, if any. */
  referencesTo(person: PersonId): PersonReference[] {
    return this.get(person) ? [{ instrument: this.instrument, kind: 'entry', id: person }] : []
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private read(): GeslaagdEntry[] {
    const result: GeslaagdEntry[] = []
    this.map.forEach((value, person) => {
      const entry = this.readEntry(person, value)
      if (entry) result.push(entry)
    })
    return result.sort((a, b) => a.at - b.at || compareText(a.person, b.person))
  }

  private readEntry(person: PersonId, value: unknown): GeslaagdEntry | null {
    const entry = asObject(value)
    if (!entry) return null
    const writtenBy = typeof entry['writtenBy'] === 'string' ? entry['writtenBy'] : null
    return geslaagdEntry(person, asText(entry['subject']), asText(entry['condition']), writtenBy, asNum(entry['at']))
  }
}

/** An entry from its stored parts: written by someone else than the person, it was written at the table. */
export function geslaagdEntry(person: PersonId, subject: string, condition: string, writtenBy: PersonId | null, at: number): GeslaagdEntry {
  return { person, subject, condition, writtenBy, at, atTable: writtenBy !== null && writtenBy !== person ? { by: writtenBy, at } : null }
}

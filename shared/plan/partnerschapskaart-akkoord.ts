import type * as Y from 'yjs'
import { mayWithdrawAtTable, readAtTable, type AtTable, type AtTableAct, type AtTableSource } from './aanTafel.ts'
import { Cached } from './cached.ts'
import { fromY } from './changes.ts'
import type { PersonId } from './ids.ts'
import { CARD_STEPS, type CardStep } from './partnerschapskaart-prompts.ts'

export type StepAgreements = Record<CardStep, Record<PersonId, number>>

/** Per step, the agreements given for someone at the table (aanTafel.ts), not yet made their own. */
export type StepAgreementsAtTable = Record<CardStep, Record<PersonId, AtTable>>

/** An earlier step, and who of those asked has not yet said "hierover ben ik het eens" to it. */
export interface OpenEarlierStep {
  step: CardStep
  notYet: PersonId[]
}

/**
 * "Hierover ben ik het eens", per step and per person. Agreement is
 * personal, never a vote: the card moves on "zodra daar overeenstemming over
 * is bereikt", and Kring only shows who has agreed and who has not yet; it
 * never blocks a later step.
 *
 * Layout: one top-level Y.Map with a key per step and person ("relaties:<id>")
 * holding the time they agreed, so agreements of different people, and of one
 * person on different steps, never collide. An agreement given for someone at
 * the table holds `{ at, by }` instead of a time: it always reads as such, and
 * an app of an earlier release, which reads only times, does not show it.
 */
export class StepAgreement implements AtTableSource {
  readonly instrument = 'partnerschapskaart'
  private readonly view: Cached<{ agreed: StepAgreements; atTable: StepAgreementsAtTable }>

  constructor(private readonly map: Y.Map<unknown>) {
    this.view = new Cached([fromY(map)], () => this.read())
  }

  /** Records that `by` agrees with what the group has on this step, now (their own word replaces one given for them at the table). */
  agree(step: CardStep, by: PersonId): void {
    this.map.set(keyOf(step, by), Date.now())
  }

  /** "Aan tafel": `person` agrees at the table and `by` records it for them. Returns false for `by` agreeing for themselves or over `person`'s own agreement. */
  agreeAtTable(step: CardStep, person: PersonId, by: PersonId): boolean {
    if (person === by || typeof this.map.get(keyOf(step, person)) === 'number') return false
    this.map.set(keyOf(step, person), { at: Date.now(), by })
    return true
  }

  /**
   * Takes an agreement back: `by`'s own on a step (also one given for them at
   * the table), or, given an act at the table, that act (by its person or by
   * whoever recorded it). Returns whether something was taken back.
   */
  withdraw(what: CardStep | AtTableAct, by: PersonId): boolean {
    if (typeof what === 'string') return this.remove(keyOf(what, by))
    const step = what.id as CardStep
    const table = this.view.get().atTable[step]?.[what.person]
    if (!table || !mayWithdrawAtTable({ person: what.person, by: table.by }, by)) return false
    return this.remove(keyOf(step, what.person))
  }

  /** The person makes an agreement given for them at the table their own. */
  confirm(act: AtTableAct, by: PersonId): boolean {
    const step = act.id as CardStep
    if (by !== act.person || !this.view.get().atTable[step]?.[by]) return false
    this.agree(step, by)
    return true
  }

  atTableFor(person: PersonId): AtTableAct[] {
    return this.view.per(`atTable:${person}`, ({ atTable }) =>
      CARD_STEPS.flatMap((step) => {
        const table = atTable[step][person]
        return table ? [{ instrument: this.instrument, id: step, person, said: 'agree' as const, ...table }] : []
      }),
    )
  }

  /** Every step's agreements (person → when), at the table included; the same object until something changes. */
  all(): StepAgreements {
    return this.view.get().agreed
  }

  /** Who agreed on one step, and when (at the table included: see `atTableOf`). */
  of(step: CardStep): Record<PersonId, number> {
    return this.view.get().agreed[step]
  }

  /** The agreements on one step given for someone at the table, with who recorded them. */
  atTableOf(step: CardStep): Record<PersonId, AtTable> {
    return this.view.get().atTable[step]
  }

  /** Those of `asked` who have not (yet) agreed on this step, in the order given. */
  notYet(step: CardStep, asked: readonly PersonId[]): PersonId[] {
    const agreed = this.of(step)
    return asked.filter((person) => !(person in agreed))
  }

  /**
   * The first step before `step` that not everyone asked has agreed on, with
   * who has not yet; null when all earlier steps are agreed by all asked.
   * `asked` is the same list a step's "Nog niet" is drawn from (online or
   * not), so the hint never goes while a step still waits for someone.
   * For a gentle hint only ("de waarden zijn nog niet door iedereen
   * afgesproken"): nothing waits for it.
   */
  openEarlierStep(step: CardStep, asked: readonly PersonId[]): OpenEarlierStep | null {
    for (const earlier of CARD_STEPS.slice(0, CARD_STEPS.indexOf(step))) {
      const notYet = this.notYet(earlier, asked)
      if (notYet.length > 0) return { step: earlier, notYet }
    }
    return null
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private remove(key: string): boolean {
    if (!this.map.has(key)) return false
    this.map.delete(key)
    return true
  }

  private read(): { agreed: StepAgreements; atTable: StepAgreementsAtTable } {
    const agreed = Object.fromEntries(CARD_STEPS.map((step) => [step, {}])) as StepAgreements
    const atTable = Object.fromEntries(CARD_STEPS.map((step) => [step, {}])) as StepAgreementsAtTable
    this.map.forEach((value, key) => {
      const parsed = parseKey(key)
      if (!parsed) return
      if (typeof value === 'number' && Number.isFinite(value)) agreed[parsed.step][parsed.person] = value
      const table = readAtTable(value)
      if (table) {
        agreed[parsed.step][parsed.person] = table.at
        atTable[parsed.step][parsed.person] = table
      }
    })
    return { agreed, atTable }
  }
}

function keyOf(step: CardStep, person: PersonId): string {
  return `${step}:${person}`
}

function parseKey(key: string): { step: CardStep; person: PersonId } | null {
  const colon = key.indexOf(':')
  if (colon < 0) return null
  const step = key.slice(0, colon)
  const person = key.slice(colon + 1)
  return (CARD_STEPS as readonly string[]).includes(step) && person ? { step: step as CardStep, person } : null
}

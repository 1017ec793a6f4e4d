import type * as Y from 'yjs'
import { Cached } from './cached.ts'
import { fromY } from './changes.ts'
import type { PersonId } from './ids.ts'
import { CARD_STEPS, type CardStep } from './partnerschapskaart-prompts.ts'

export type StepAgreements = Record<CardStep, Record<PersonId, number>>

/** Someone present who has not yet said "hierover ben ik het eens" for an earlier step. */
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
 * person on different steps, never collide.
 */
export class StepAgreement {
  private readonly view: Cached<StepAgreements>

  constructor(private readonly map: Y.Map<unknown>) {
    this.view = new Cached([fromY(map)], () => this.read())
  }

  /** Records that `by` agrees with what the group has on this step, now. */
  agree(step: CardStep, by: PersonId): void {
    this.map.set(keyOf(step, by), Date.now())
  }

  /** Takes `by`'s agreement on this step back. */
  withdraw(step: CardStep, by: PersonId): void {
    const key = keyOf(step, by)
    if (this.map.has(key)) this.map.delete(key)
  }

  /** Every step's agreements (person → when); the same object until something changes. */
  all(): StepAgreements {
    return this.view.get()
  }

  /** Who agreed on one step, and when. */
  of(step: CardStep): Record<PersonId, number> {
    return this.view.get()[step]
  }

  /** Those of `present` who have not (yet) agreed on this step, in the order given. */
  notYet(step: CardStep, present: readonly PersonId[]): PersonId[] {
    const agreed = this.of(step)
    return present.filter((person) => !(person in agreed))
  }

  /**
   * The first step before `step` that not everyone present has agreed on, with
   * who has not yet; null when all earlier steps are agreed by all present.
   * For a gentle hint only ("de waarden zijn nog niet door iedereen
   * afgesproken"): nothing waits for it.
   */
  openEarlierStep(step: CardStep, present: readonly PersonId[]): OpenEarlierStep | null {
    for (const earlier of CARD_STEPS.slice(0, CARD_STEPS.indexOf(step))) {
      const notYet = this.notYet(earlier, present)
      if (notYet.length > 0) return { step: earlier, notYet }
    }
    return null
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener)
  }

  private read(): StepAgreements {
    const result = Object.fromEntries(CARD_STEPS.map((step) => [step, {}])) as StepAgreements
    this.map.forEach((value, key) => {
      const parsed = parseKey(key)
      if (parsed && typeof value === 'number' && Number.isFinite(value)) result[parsed.step][parsed.person] = value
    })
    return result
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

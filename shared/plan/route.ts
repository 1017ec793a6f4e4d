import type * as Y from 'yjs'
import { Choices } from './choices.ts'
import { oneOf } from './fields.ts'
import type { PersonId } from './ids.ts'
import type { Stored } from './records.ts'

/**
 * The route of Sociale Netwerk Versterking (004, after MEE): Ontmoeten →
 * Netwerkatlas → Meedenkbijeenkomst → Basisteam. Stored keys; they never change.
 */
export type RoutePhase = 'ontmoeten' | 'netwerkatlas' | 'meedenkbijeenkomst' | 'basisteam'
export const ROUTE_PHASES: readonly RoutePhase[] = ['ontmoeten', 'netwerkatlas', 'meedenkbijeenkomst', 'basisteam']

/** The five core values of the method, as 004 names them, in its order. */
export type CoreValue = 'transparantie' | 'verantwoordelijkheid' | 'samenredzaam' | 'mensgericht' | 'veiligheid'
export const CORE_VALUES: readonly CoreValue[] = ['transparantie', 'verantwoordelijkheid', 'samenredzaam', 'mensgericht', 'veiligheid']

export interface RouteChoice {
  phase: RoutePhase
}

/**
 * Where the household says it is on the route. A choice, never a gate:
 * nothing is computed from what is filled in, any phase can be chosen at any
 * time (ahead, back, or staying), and what usually comes next is an offer.
 */
export class Route {
  private readonly choices: Choices<RouteChoice>

  constructor(map: Y.Map<Y.Map<unknown>>) {
    this.choices = new Choices(map, (fields) => {
      const phase = oneOf(fields, 'phase', ROUTE_PHASES, null)
      return phase ? { phase } : null
    })
  }

  /** Says "here we are now": any phase, from any phase. */
  goTo(phase: RoutePhase, by: PersonId | null): void {
    this.choices.choose({ phase }, by)
  }

  /** Where the household last said it is, with who said so and when; null before anyone said. */
  current(): Stored<RouteChoice> | null {
    return this.choices.current()
  }

  /** Every "here we are now", newest first. */
  history(): Stored<RouteChoice>[] {
    return this.choices.history()
  }

  subscribe(listener: () => void): () => void {
    return this.choices.subscribe(listener)
  }
}

/** The phase that usually comes after `phase`, or null after the basisteam. */
export function nextPhase(phase: RoutePhase): RoutePhase | null {
  return ROUTE_PHASES[ROUTE_PHASES.indexOf(phase) + 1] ?? null
}

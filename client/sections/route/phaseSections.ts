import type { RoutePhase } from '../../../shared/plan/core.ts'
import { sections, type Section } from '../registry.ts'

/**
 * Where in Kring each phase of the route is worked on: the first of these
 * sections the workspace has. The meedenkbijeenkomst gets a section of its
 * own (issue 10); until then its dialogue happens on the partnerschapskaart.
 */
const WHERE: Record<RoutePhase, readonly string[]> = {
  ontmoeten: ['verhaal'],
  netwerkatlas: ['netwerkatlas'],
  meedenkbijeenkomst: ['meedenkbijeenkomst', 'partnerschapskaart'],
  basisteam: ['basisteam'],
}

/** The section where a phase is worked on, or undefined when the workspace has none of them. */
export function sectionOfPhase(phase: RoutePhase): Section | undefined {
  for (const id of WHERE[phase]) {
    const section = sections.find((entry) => entry.id === id)
    if (section) return section
  }
  return undefined
}

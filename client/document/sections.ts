import { PLAN_SECTIONS, type PlanSection } from '../../shared/plan/index.ts'

/**
 * The parts of the plan a document can hold, in reading order: where the
 * household is on the route, then "Onze vragen" (the plan starts from the
 * household's question; in versions they belong to the story, PLAN_SECTIONS),
 * then the plan's own sections (its name and title being the document's
 * heading) with looking back and the meetings after who does what, and the
 * household's own room; the household chooses which go on paper.
 */
export type DocumentSection = Exclude<PlanSection, 'plan'> | RhythmSection | 'alleen-voor-ons'

/** The plan's rhythm (issue 13): parts of the document the versions' sections (PlanSection) hold inside others, or not at all. */
export type RhythmSection = 'route' | 'vragen' | 'terugkijken' | 'bijeenkomsten'

/** Looking back and the meetings are read after who does what. */
const AFTER: Partial<Record<PlanSection, readonly RhythmSection[]>> = {
  basisteam: ['terugkijken', 'bijeenkomsten'],
}

export const DOCUMENT_SECTIONS: readonly DocumentSection[] = [
  'route',
  'vragen',
  ...PLAN_SECTIONS.filter((s): s is Exclude<PlanSection, 'plan'> => s !== 'plan').flatMap((s): DocumentSection[] => [s, ...(AFTER[s] ?? [])]),
  'alleen-voor-ons',
]

/** Sections from a more private room than the plan: never on paper unless someone chooses them. */
export const PRIVATE_SECTIONS: readonly DocumentSection[] = ['alleen-voor-ons']

/**
 * Sections a saved version does not hold: the route, the waakvlam and the
 * meetings are logs a version leaves alone (NOT_VERSIONED in
 * shared/plan/versions/layout.ts), so reading a version leaves them out
 * rather than showing them empty.
 */
export const NOT_IN_VERSIONS: readonly DocumentSection[] = ['route', 'bijeenkomsten', 'alleen-voor-ons']

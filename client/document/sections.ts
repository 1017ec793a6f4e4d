import { PLAN_SECTIONS, type PlanSection } from '../../shared/plan/index.ts'

/**
 * The parts of the plan a document can hold, in reading order: "Onze
 * vragen" first (the plan starts from the household's question; in versions
 * they belong to the story, PLAN_SECTIONS), then the plan's own sections
 * (its name and title being the document's heading), and the household's
 * own room; the household chooses which go on paper.
 */
export type DocumentSection = 'vragen' | Exclude<PlanSection, 'plan'> | 'alleen-voor-ons'

export const DOCUMENT_SECTIONS: readonly DocumentSection[] = ['vragen', ...PLAN_SECTIONS.filter((s): s is Exclude<PlanSection, 'plan'> => s !== 'plan'), 'alleen-voor-ons']

/** Sections from a more private room than the plan: never on paper unless someone chooses them. */
export const PRIVATE_SECTIONS: readonly DocumentSection[] = ['alleen-voor-ons']

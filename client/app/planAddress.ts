/**
 * A plan's address in the app's hash route: `#/plan/<planId>/<sectionId>[/<view>]`.
 * Its shape is written here only: the routes wouter matches (App.tsx, then
 * PlanRoute.tsx inside it), the links that open a plan, and the reading
 * main.tsx does before the router starts, to load the opening section's code
 * while the plan opens.
 */

/** A plan (App.tsx). Nested: the routes under it are relative to it. */
export const PLAN_ROUTE = '/plan/:planId'

/** A section of the plan, with an optional view of its own (`/netwerkatlas/relatiekaart`), under PLAN_ROUTE (PlanRoute.tsx). */
export const SECTION_ROUTE = '/:sectionId/:view?'

/** The path that opens a plan (for `navigate` and `<Link href>`): at `sectionId` and its `view`, or where the plan opens by itself. */
export function planPath(planId: string, sectionId?: string, view?: string): string {
  if (sectionId === undefined) return `/plan/${planId}`
  return view === undefined ? `/plan/${planId}/${sectionId}` : `/plan/${planId}/${sectionId}/${view}`
}

/**
 * The section an address (`location.hash`) names, if any. The same shape as
 * PLAN_ROUTE followed by SECTION_ROUTE, read by hand: it is needed before the
 * router has rendered anything. Change the one with the other.
 */
export function sectionInAddress(hash: string): string | undefined {
  return /^#\/plan\/[^/]+\/([^/?#]+)/.exec(hash)?.[1]
}

import type { PersonId, Plan } from '../../shared/plan/core.ts'
import { useLive } from './useLive.ts'

/**
 * The people the familiekaart marks as passed away. Views leave them out
 * wherever someone is asked to do, answer or be something now (a role, an
 * action, "Wie ben jij?"): a household should not be offered to give its late
 * grandfather a task. Works outside a workspace too, hence `plan` as argument.
 */
export function usePassedAway(plan: Plan): readonly PersonId[] {
  const kaart = plan.netwerkatlas.familiekaart
  return useLive(kaart, () => kaart.passedAway())
}

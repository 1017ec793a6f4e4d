import type { ExportedPlanKey } from '../../shared/identity/planKey.ts'
import { Changes } from '../../shared/plan/changes.ts'
import { deviceDb } from './db.ts'

/** Told when a plan key is kept or forgotten on this device, so what the app offers follows at once. */
export const planKeyChanges = new Changes()

/** Keeps a plan key on this device. It is stored here only; nothing sends it anywhere. */
export async function savePlanKey(key: ExportedPlanKey): Promise<void> {
  await (await deviceDb()).put('planKeys', key)
  planKeyChanges.notify()
}

/**
 * Forgets a plan key on this device (issue 11: after the plan was handed
 * over, the old device no longer holds what no longer speaks for the plan).
 */
export async function forgetPlanKey(planId: string): Promise<void> {
  await (await deviceDb()).delete('planKeys', planId)
  planKeyChanges.notify()
}

/** The plan key held on this device, or undefined when this device does not manage the plan. */
export async function loadPlanKey(planId: string): Promise<ExportedPlanKey | undefined> {
  return (await deviceDb()).get('planKeys', planId)
}

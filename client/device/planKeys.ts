import type { ExportedPlanKey } from '../../shared/identity/planKey.ts'
import { deviceDb } from './db.ts'

/** Keeps a plan key on this device. It is stored here only; nothing sends it anywhere. */
export async function savePlanKey(key: ExportedPlanKey): Promise<void> {
  await (await deviceDb()).put('planKeys', key)
}

/** The plan key held on this device, or undefined when this device does not manage the plan. */
export async function loadPlanKey(planId: string): Promise<ExportedPlanKey | undefined> {
  return (await deviceDb()).get('planKeys', planId)
}

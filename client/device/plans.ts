import type { PersonId } from '../../shared/plan/core.ts'
import { deviceDb, type DevicePlan } from './db.ts'

export type { DevicePlan }

/** The plans on this device, the one opened most recently first. */
export async function listPlans(): Promise<DevicePlan[]> {
  const plans = await (await deviceDb()).getAll('plans')
  return plans.sort((a, b) => b.lastOpened - a.lastOpened)
}

/** This device's record of one plan, or undefined when it was never opened here. */
export async function devicePlan(planId: string): Promise<DevicePlan | undefined> {
  return (await deviceDb()).get('plans', planId)
}

/** Notes that a plan was opened now, under this household name; keeps who "I" am. */
export async function rememberPlan(planId: string, householdName: string): Promise<void> {
  const db = await deviceDb()
  const tx = db.transaction('plans', 'readwrite')
  const known = await tx.store.get(planId)
  await tx.store.put({ planId, householdName, lastOpened: Date.now(), me: known?.me ?? null })
  await tx.done
}

/** Remembers which person on the plan's people list uses this device. */
export async function rememberMe(planId: string, me: PersonId, householdName: string): Promise<void> {
  const db = await deviceDb()
  const tx = db.transaction('plans', 'readwrite')
  const known = await tx.store.get(planId)
  await tx.store.put({ planId, householdName: known?.householdName || householdName, lastOpened: Date.now(), me })
  await tx.done
}

import { createPlanKey, exportPlanKey } from '../../shared/identity/planKey.ts'
import { newId, Plan } from '../../shared/plan/index.ts'
import { saveDisplayName } from '../device/displayName.ts'
import { savePlanKey } from '../device/planKeys.ts'
import { rememberMe } from '../device/plans.ts'
import { writeOnThisDevice } from '../sync/localCopy.ts'

export interface NewPlanInput {
  householdName: string
  myName: string
  /**
   * A professional starting the plan for a household ("Een plan starten voor
   * een huishouden"): their work in the household's eyes ("wijkcoach"). They
   * are on the people list as `professional`, and the plan says it waits to
   * be handed over; their device holds the key until then.
   */
  forHousehold?: { relation: string }
}

/**
 * Starts a plan on this device: makes the plan key (kept here), writes the
 * plan with the creator on its people list (as `eigenaar`, or as
 * `professional` for a plan started for a household), and remembers that
 * the creator is that person. Works offline; returns the new plan id.
 */
export async function createPlan({ householdName, myName, forHousehold }: NewPlanInput): Promise<string> {
  const key = await createPlanKey()
  await savePlanKey(await exportPlanKey(key))
  const me = newId()
  await writeOnThisDevice(key.planId, (doc) => {
    const plan = Plan.create(doc, { planId: key.planId, householdName: householdName.trim(), ...(forHousehold ? { startedForHouseholdBy: me } : {}) })
    const relation = forHousehold?.relation.trim() ?? ''
    plan.people.add({ name: myName.trim(), relation, role: forHousehold ? 'professional' : 'eigenaar' }, me, { id: me })
  })
  await rememberMe(key.planId, me, householdName.trim())
  await saveDisplayName(myName)
  return key.planId
}

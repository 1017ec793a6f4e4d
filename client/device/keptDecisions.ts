import { deviceDb, type KeptDecision } from './db.ts'

export type { KeptDecision }

/**
 * The household's signed decisions (revocations, handovers, the deletion),
 * kept on its devices for good. A relay is the household's record of them
 * only for as long as its storage lasts; these copies let a household device
 * teach a relay that lost them again (client/relay/reteach.ts), so a revoked
 * invitation and a deleted plan stay out whatever happens to the relay.
 * Keeping the same text twice keeps it once.
 */

/** Keeps signed texts of one kind for a plan; handovers in the order given (the chain's order). */
export async function keepDecisions(planId: string, kind: KeptDecision['kind'], texts: readonly string[]): Promise<void> {
  if (texts.length === 0) return
  const db = await deviceDb()
  const tx = db.transaction('kept', 'readwrite')
  const keptAt = Date.now()
  await Promise.all(
    texts.map(async (text, order) => {
      if (!(await tx.store.get([planId, text]))) await tx.store.put({ planId, kind, text, order: kind === 'handover' ? order : 0, keptAt })
    }),
  )
  await tx.done
}

/** What this device keeps for a plan. */
export async function keptOf(planId: string): Promise<KeptDecision[]> {
  return (await deviceDb()).getAllFromIndex('kept', 'planId', planId)
}

/** The signed deletions this device keeps, of every plan it saw deleted. */
export async function keptDeletions(): Promise<KeptDecision[]> {
  return (await (await deviceDb()).getAll('kept')).filter((kept) => kept.kind === 'deletion' && kept.text !== '')
}

/** Whether this device knows the plan was deleted (it deleted it, or was told so and removed its copy). */
export async function isDeletedHere(planId: string): Promise<boolean> {
  return (await keptOf(planId)).some((kept) => kept.kind === 'deletion')
}

/** Notes that a plan was deleted, without its signed text (a device that was only told so): it never connects to the plan again. */
export async function noteDeletedHere(planId: string): Promise<void> {
  if (!(await isDeletedHere(planId))) await keepDecisions(planId, 'deletion', [''])
}

/** Once the plan is gone from this device: its revocations and handovers are of no use any more; the deletion stays. */
export async function forgetKeptAccess(planId: string): Promise<void> {
  const db = await deviceDb()
  const tx = db.transaction('kept', 'readwrite')
  for (const kept of await tx.store.index('planId').getAll(planId)) {
    if (kept.kind !== 'deletion') await tx.store.delete([planId, kept.text])
  }
  await tx.done
}

import { useEffect } from 'react'
import { buildKeyChain } from '../../shared/capabilities/handover.ts'
import { revocationOfPlan } from '../../shared/capabilities/revocation.ts'
import type { PlanAccessRecords } from '../../shared/protocol/planEndpoints.ts'
import { keepDecisions, keptDeletions, keptOf } from '../device/keptDecisions.ts'
import { loadDeviceAccess, tokenForThisDevice } from '../invitations/deviceAccess.ts'
import { postSigned } from './relayPost.ts'

/**
 * Teaching a relay again what it lost (issue 16): a relay whose storage was
 * wiped or restored from an old backup no longer knows which invitations the
 * household took back or that it deleted its plan. Those decisions are
 * signed by the plan's key, so they prove themselves: the household's
 * devices keep them (client/device/keptDecisions.ts) and post what the relay
 * lacks. The relay takes a decision it holds already without change, so
 * posting again is harmless.
 */

/**
 * Posts every deletion this device keeps. A relay cannot be asked whether it
 * knows a deletion without a member's token (which the device forgot with
 * the plan), so each is posted once per page load and when the browser comes
 * back online: one small request per deleted plan, answered without work by
 * a relay that has it.
 */
export async function reteachDeletions(): Promise<void> {
  for (const kept of await keptDeletions()) {
    const answer = await postSigned(kept.planId, 'deletion', kept.text)
    if (answer.outcome === 'refused') console.warn(`The relay refused a kept deletion: ${answer.message}`)
  }
}

/**
 * On a household device (eigenaar or huishouden): asks the relay what it
 * holds about the plan's access, keeps what it holds that this device does
 * not keep yet (verified: made on another household device), and posts the
 * kept handovers and revocations the relay lacks, handovers first (a relay
 * that lacks them refuses what the new key signed). Resolves with how many
 * were posted and stored.
 */
export async function reteachPlan(planId: string): Promise<number> {
  const access = await loadDeviceAccess(planId)
  if (!access.holdsKey && access.role !== 'eigenaar' && access.role !== 'huishouden') return 0
  const token = await tokenForThisDevice(planId)
  if (!token) return 0
  const answer = await postSigned(planId, 'access', token)
  if (answer.outcome === 'later' || (answer.outcome === 'refused' && answer.code === 'deleted')) return 0
  // Refused otherwise: the relay may lack the handover that makes this device's key speak. Teach it everything kept.
  const relayHolds: PlanAccessRecords = answer.outcome === 'stored' ? answer.answer : { planId, handovers: [], invitations: [], revocations: [] }
  if (answer.outcome === 'stored') await keepWhatTheRelayHolds(planId, answer.answer)

  const kept = await keptOf(planId)
  let taught = 0
  const handovers = kept
    .filter((decision) => decision.kind === 'handover')
    .sort((a, b) => a.order - b.order)
    .map((decision) => decision.text)
  if (handovers.some((text) => !relayHolds.handovers.includes(text))) {
    if ((await postSigned(planId, 'handover', handovers.join('\n'))).outcome === 'stored') taught++
  }
  for (const decision of kept) {
    if (decision.kind !== 'revocation' || relayHolds.revocations.includes(decision.text)) continue
    if ((await postSigned(planId, 'revocations', decision.text)).outcome === 'stored') taught++
  }
  return taught
}

/** Keeps the relay's handovers and revocations of the plan that verify against the plan's keys; anything else it says is left out. */
async function keepWhatTheRelayHolds(planId: string, records: PlanAccessRecords): Promise<void> {
  const { chain } = await buildKeyChain(planId, records.handovers)
  await keepDecisions(
    planId,
    'handover',
    chain.handovers.map((handover) => handover.text),
  )
  const revocations: string[] = []
  for (const text of records.revocations) if (await revocationOfPlan(text, planId, chain)) revocations.push(text)
  await keepDecisions(planId, 'revocation', revocations)
}

/** Posts the kept deletions once per page load and whenever the browser comes back online; use once, at the top. */
export function useReteachDeletions(): void {
  useEffect(() => {
    const reteach = () => void reteachDeletions().catch((error: unknown) => console.error('Posting kept deletions failed', error))
    reteach()
    window.addEventListener('online', reteach)
    return () => window.removeEventListener('online', reteach)
  }, [])
}

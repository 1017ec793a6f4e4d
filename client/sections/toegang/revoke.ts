import { issueRevocation } from '../../../shared/capabilities/revocation.ts'
import type { PersonId, Plan } from '../../../shared/plan/index.ts'
import { enqueue } from '../../device/outbox.ts'
import { planKeyOnThisDevice } from '../../invitations/deviceAccess.ts'
import { sendOutbox } from '../../relay/outboxSender.ts'

/**
 * "Toegang intrekken": signs a revocation of one invitation with the plan key
 * on this device, marks it taken back in the plan's list at once, and queues
 * the revocation for the relay (sent now, or as soon as there is a
 * connection). The relay closes the person's connections when it arrives;
 * AccessUpkeep notes in the plan when the relay confirmed it.
 */
export async function revokeInvitation(planId: string, plan: Plan, tokenId: string, by: PersonId | null): Promise<void> {
  const key = await planKeyOnThisDevice(planId)
  if (!key) throw new Error('Only a device holding the plan key can take access back')
  const text = await issueRevocation(key, { tokenId })
  await enqueue({ planId, id: tokenId, kind: 'revocation', text })
  plan.invitations.revoke(tokenId, by)
  void sendOutbox().catch((error: unknown) => console.error('Sending a revocation failed', error))
}

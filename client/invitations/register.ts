import { issueRegistration } from '../../shared/capabilities/registration.ts'
import type { InvitationToken } from '../../shared/capabilities/token.ts'
import type { PlanKey } from '../../shared/identity/planKey.ts'
import { enqueue } from '../device/outbox.ts'

/**
 * Registers an invitation this device signed with the relay's registry
 * ("Wie kan meelezen en meeschrijven" is the relay's record, issue 11): what
 * it says, signed by the plan key, never the token. Queued, so it reaches the
 * relay also when the invitation was made offline; queuing it again changes
 * nothing.
 */
export async function registerInvitation(key: PlanKey, invitation: InvitationToken): Promise<void> {
  await enqueue({ planId: key.planId, id: `registration:${invitation.id}`, kind: 'registration', text: await issueRegistration(key, invitation) })
}

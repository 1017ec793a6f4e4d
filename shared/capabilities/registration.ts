import { fromBase64Url } from '../identity/base64url.ts'
import type { PlanKey } from '../identity/planKey.ts'
import type { KeyChain } from './keyChain.ts'
import { readCapability, signCapability, verifyCapabilityFor, type SignedCheck } from './signed.ts'
import { readInvitationBody, writeInvitationBody, type InvitationToken } from './token.ts'

/**
 * Registering an invitation with the relay (issue 11): "Wie kan meelezen en
 * meeschrijven" is the relay's record, not the plan's, so no writer of the
 * plan can remove an entry or mark one as taken back. The household's device
 * signs, for every invitation it makes, a record of what the invitation says
 * (person, role, room, expiry, name, id) and posts it; any member of the plan
 * lists the records, and only the plan's current key adds one (and takes one
 * back, with a revocation).
 *
 * A registration holds the invitation's fields but is a kind of its own (the
 * kind byte is signed), so it can never be used as the invitation itself:
 * whoever reads the list cannot get in with someone else's link.
 *
 * Body, after the common header of signed.ts: the body of an
 * addressedInvitation (token.ts).
 */
export type Registration = Omit<InvitationToken, 'publicKey'> & {
  /** The raw public key that signed the registration. */
  publicKey: Uint8Array
  /** The signed text, to store and to pass on. */
  text: string
}

/** Signs the registration of an invitation the same key signed; returns its compact text. */
export async function issueRegistration(key: PlanKey, invitation: InvitationToken): Promise<string> {
  if (invitation.planId !== key.planId) throw new RangeError('An invitation is registered by its own plan')
  const { planId: _planId, publicKey: _publicKey, id, ...fields } = invitation
  return signCapability(key, 'registration', (encoder) => writeInvitationBody(encoder, { ...fields, id: fromBase64Url(id) }, 'registration'))
}

/** Parses a registration without trusting it. Throws MalformedCapabilityError, nothing else. */
export function readRegistration(text: string): Registration {
  const signed = readCapability(text, 'registration', readInvitationBody)
  return { planId: signed.planId, publicKey: signed.publicKey, ...signed.body, text }
}

/** Parses and verifies a registration that must speak for `planId` now: signed by its current key. Never throws. */
export async function verifyRegistration(text: string, planId: string, keys?: KeyChain): Promise<{ ok: true; registration: Registration } | Extract<SignedCheck<unknown>, { ok: false }>> {
  const check = await verifyCapabilityFor(text, 'registration', readInvitationBody, planId, keys)
  if (!check.ok) return check
  return { ok: true, registration: { planId: check.signed.planId, publicKey: check.signed.publicKey, ...check.signed.body, text } }
}

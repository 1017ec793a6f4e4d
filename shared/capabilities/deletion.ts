import type * as decoding from 'lib0/decoding'
import type { PlanKey } from '../identity/planKey.ts'
import type { KeyChain } from './keyChain.ts'
import { readCapability, readTime, signCapability, verifyCapabilityFor, writeTime, type SignedCheck } from './signed.ts'

/**
 * Deleting a plan (the right to erasure, issue 5): the plan key signs a
 * deletion of the whole plan; the relay deletes every stored byte of its rooms
 * and refuses the plan id from then on. Devices keep their own copy until they
 * delete it too. Replaying a deletion does nothing new: a deleted plan stays
 * deleted.
 *
 * Body, after the common header of signed.ts: varUint signedAt.
 */
export interface Deletion {
  planId: string
  /** When the deletion was signed, ms since 1970. */
  signedAt: number
}

/** Signs the deletion of the key's plan; returns its compact text. */
export async function issueDeletion(key: PlanKey, signedAt: number = Date.now()): Promise<string> {
  return signCapability(key, 'deletion', (encoder) => writeTime(encoder, signedAt, 'signedAt'))
}

/** Parses a deletion without trusting it. Throws MalformedCapabilityError, nothing else. */
export function readDeletion(text: string): Deletion {
  const signed = readCapability(text, 'deletion', readDeletionBody)
  return { planId: signed.planId, ...signed.body }
}

/** Parses and verifies a deletion that must speak for `planId`: signed by its current key (`keys`, after handovers). Never throws. */
export async function verifyDeletion(text: string, planId: string, keys?: KeyChain): Promise<{ ok: true; deletion: Deletion } | Extract<SignedCheck<unknown>, { ok: false }>> {
  const check = await verifyCapabilityFor(text, 'deletion', readDeletionBody, planId, keys)
  if (!check.ok) return check
  return { ok: true, deletion: { planId: check.signed.planId, ...check.signed.body } }
}

function readDeletionBody(decoder: decoding.Decoder): Omit<Deletion, 'planId'> {
  return { signedAt: readTime(decoder, 'signedAt', 'deletion') }
}

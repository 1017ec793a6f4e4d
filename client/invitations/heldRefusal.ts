import { DELETED_REASON, REVOKED_REASON } from '../../shared/capabilities/refusals.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { isDeletedHere } from '../device/keptDecisions.ts'
import { loadRefusal } from '../device/tokens.ts'
import type { Refusal } from '../sync/planConnection.ts'

/**
 * A refusal this device holds for good, so it does not connect to the plan
 * at all: the plan was deleted (this device deleted it, or was told so), or
 * the relay took back the very token it would show. A relay that lost its
 * storage would let such a device in again, and what it brought would
 * re-create a deleted plan or pass on what a revoked person wrote; this
 * device never gives it the chance. A new invitation (a new token) clears
 * the remembered refusal (tokens.ts), and the device connects again.
 * Read after the token is chosen: a key-holding device signs itself a new
 * one when its own was taken back (deviceAccess.ts).
 */
export async function refusalHeldOnThisDevice(planId: string): Promise<Refusal | null> {
  const [deletedHere, remembered] = await Promise.all([isDeletedHere(planId), loadRefusal(planId)])
  if (deletedHere || remembered === 'deleted') return { code: CloseCode.forbidden, reason: DELETED_REASON }
  if (remembered === 'revoked') return { code: CloseCode.forbidden, reason: REVOKED_REASON }
  return null
}

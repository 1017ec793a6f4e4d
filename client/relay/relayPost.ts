import { postSignedText, type SignedPostResult } from '../../shared/protocol/postSignedText.ts'
import type { PlanEndpoint } from '../../shared/protocol/planEndpoints.ts'

/**
 * Sends a signed revocation or deletion to the relay that serves this app
 * (shared/protocol/planEndpoints.ts). The signature is the only credential.
 * Never throws: stored, refused for good (with what the relay said), or later.
 */
export function postSigned<E extends PlanEndpoint>(planId: string, endpoint: E, text: string, origin: string = location.origin): Promise<SignedPostResult<E>> {
  return postSignedText(origin, planId, endpoint, text)
}

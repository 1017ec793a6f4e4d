import { encodeUnsigned } from '../../shared/capabilities/signed.ts'
import { writeInvitationBody, type InvitationToken } from '../../shared/capabilities/token.ts'
import { fromBase64Url } from '../../shared/identity/base64url.ts'

/**
 * The bytes an invitation's signature covers, written by hand from any fields
 * — what an attacker with their own encoder could make. Tests sign them with
 * the wrong key, or put an old signature under changed fields, and check that
 * no such token gets in. `firstRelease` writes the layout of the first
 * release's tokens (kind `invitation`, naming nobody) instead of today's.
 */
export function unsignedInvitation(token: InvitationToken, options: { firstRelease?: boolean } = {}): Uint8Array {
  const kind = options.firstRelease ? 'invitation' : 'addressedInvitation'
  const { planId, publicKey, id, ...fields } = token
  return encodeUnsigned(kind, planId, publicKey, (encoder) => writeInvitationBody(encoder, { ...fields, id: fromBase64Url(id) }, kind))
}

import * as encoding from 'lib0/encoding'
import { encodeUnsigned } from '../../shared/capabilities/signed.ts'
import type { InvitationToken } from '../../shared/capabilities/token.ts'
import { fromBase64Url } from '../../shared/identity/base64url.ts'

/**
 * The bytes an invitation's signature covers, written by hand from any fields
 * — what an attacker with their own encoder could make. Tests sign them with
 * the wrong key, or put an old signature under changed fields, and check that
 * no such token gets in.
 */
export function unsignedInvitation(token: InvitationToken): Uint8Array {
  return encodeUnsigned('invitation', token.planId, token.publicKey, (encoder) => {
    encoding.writeVarString(encoder, token.room)
    encoding.writeVarString(encoder, token.role)
    encoding.writeVarUint8Array(encoder, fromBase64Url(token.id))
    encoding.writeVarUint(encoder, token.issuedAt)
    encoding.writeUint8(encoder, token.expiresAt === null ? 0 : 1)
    if (token.expiresAt !== null) encoding.writeVarUint(encoder, token.expiresAt)
    encoding.writeVarString(encoder, token.name)
  })
}

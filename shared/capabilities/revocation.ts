import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import type { PlanKey } from '../identity/planKey.ts'
import { knownKeyIndex, type KeyChain } from './keyChain.ts'
import { MalformedCapabilityError, readCapability, readFixedBytes, readTime, signCapability, signingKeyIndex, verifyCapabilityFor, writeTime, type SignedCheck } from './signed.ts'

/**
 * Taking access back ("toegang intrekken", issue 5): the plan key signs a
 * revocation of one invitation, or of every invitation signed before a
 * moment (when a phone with links on it is lost, say). The relay stores it
 * durably and refuses the tokens it covers from then on. Revoking "all before"
 * includes the eigenaar's own tokens: the eigenaar's device holds the key and
 * simply signs itself a new one. After a handover (handover.ts) the new
 * holder can take back everything the keys before theirs signed at once
 * ("alles van vóór de overdracht intrekken"), whatever moment those tokens
 * say they were made.
 *
 * Body, after the common header of signed.ts:
 *   u8 scope (1 one token, 2 all issued before, 3 all signed by earlier keys)
 *   scope 1: varUint8Array token id (16 bytes) · scope 2: varUint issuedBefore · scope 3: nothing
 *   varUint signedAt
 */
export type RevocationScope = { tokenId: string } | { issuedBefore: number } | { signedByEarlierKeys: true }

export interface Revocation {
  planId: string
  /** The raw public key that signed it; `signedByEarlierKeys` covers the keys before this one. */
  publicKey: Uint8Array
  scope: RevocationScope
  /** When the revocation was signed, ms since 1970. */
  signedAt: number
}

const SCOPE_ONE = 1
const SCOPE_BEFORE = 2
const SCOPE_EARLIER_KEYS = 3
const TOKEN_ID_BYTES = 16

/** Signs a revocation with the plan key; returns its compact text. */
export async function issueRevocation(key: PlanKey, scope: RevocationScope, signedAt: number = Date.now()): Promise<string> {
  return signCapability(key, 'revocation', (encoder) => {
    if ('tokenId' in scope) {
      const id = fromBase64Url(scope.tokenId)
      if (id.length !== TOKEN_ID_BYTES) throw new RangeError(`A token id is ${TOKEN_ID_BYTES} bytes, got ${id.length}`)
      encoding.writeUint8(encoder, SCOPE_ONE)
      encoding.writeVarUint8Array(encoder, id)
    } else if ('issuedBefore' in scope) {
      encoding.writeUint8(encoder, SCOPE_BEFORE)
      writeTime(encoder, scope.issuedBefore, 'issuedBefore')
    } else encoding.writeUint8(encoder, SCOPE_EARLIER_KEYS)
    writeTime(encoder, signedAt, 'signedAt')
  })
}

/** Parses a revocation without trusting it. Throws MalformedCapabilityError, nothing else. */
export function readRevocation(text: string): Revocation {
  const signed = readCapability(text, 'revocation', readRevocationBody)
  return { planId: signed.planId, publicKey: signed.publicKey, ...signed.body }
}

/**
 * Parses and verifies a revocation that must speak for `planId`: signed by
 * the plan's current key (`keys`, after handovers). Never throws.
 */
export async function verifyRevocation(text: string, planId: string, keys?: KeyChain): Promise<{ ok: true; revocation: Revocation } | Extract<SignedCheck<unknown>, { ok: false }>> {
  const check = await verifyCapabilityFor(text, 'revocation', readRevocationBody, planId, keys)
  if (!check.ok) return check
  return { ok: true, revocation: { planId: check.signed.planId, publicKey: check.signed.publicKey, ...check.signed.body } }
}

/**
 * A stored revocation as a member reads it back (accessRecords.ts): signed by
 * any key that spoke for the plan (one signed before a handover counted when
 * it was made), or undefined. Never throws.
 */
export async function revocationOfPlan(text: string, planId: string, keys: KeyChain): Promise<Revocation | undefined> {
  try {
    const signed = readCapability(text, 'revocation', readRevocationBody)
    if (signed.planId !== planId || (await signingKeyIndex(signed, keys)) < 0) return undefined
    return { planId, publicKey: signed.publicKey, ...signed.body }
  } catch {
    return undefined
  }
}

/**
 * Whether a revocation takes back a token. Only call with a verified
 * revocation of the token's plan and a token that verified under `keys`
 * (the plan's chain, for `signedByEarlierKeys`).
 */
export function revokes(revocation: Revocation, token: { planId: string; id: string; issuedAt: number; publicKey: Uint8Array }, keys?: KeyChain): boolean {
  if (revocation.planId !== token.planId) return false
  if ('tokenId' in revocation.scope) return revocation.scope.tokenId === token.id
  if ('issuedBefore' in revocation.scope) return token.issuedAt < revocation.scope.issuedBefore
  const tokenKey = knownKeyIndex(keys, token.publicKey)
  return tokenKey >= 0 && tokenKey < knownKeyIndex(keys, revocation.publicKey)
}

function readRevocationBody(decoder: decoding.Decoder): Omit<Revocation, 'planId' | 'publicKey'> {
  const scopeByte = decoding.readUint8(decoder)
  let scope: RevocationScope
  if (scopeByte === SCOPE_ONE) scope = { tokenId: toBase64Url(readFixedBytes(decoder, TOKEN_ID_BYTES, 'token id', 'revocation')) }
  else if (scopeByte === SCOPE_BEFORE) scope = { issuedBefore: readTime(decoder, 'issuedBefore', 'revocation') }
  else if (scopeByte === SCOPE_EARLIER_KEYS) scope = { signedByEarlierKeys: true }
  else throw new MalformedCapabilityError('revocation', 'unknown scope')
  return { scope, signedAt: readTime(decoder, 'signedAt', 'revocation') }
}

import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { importPublicKey, signWithPlanKey, verifyPlanSignature, type PlanKey } from '../identity/planKey.ts'
import { currentKeyIndex, keyIndexIn, type KeyChain } from './keyChain.ts'

/**
 * The one wire format of everything a plan key signs: invitations,
 * revocations, the deletion of a plan, handovers and the registration of an
 * invitation with the relay (architecture.md, decision 4).
 *
 *   u8             format version (1)
 *   u8             what is signed (see CapabilityKind)
 *   varString      plan id
 *   varUint8Array  raw Ed25519 public key of the plan (32 bytes)
 *   ...            the body, written with lib0 encoding by the kind's own module
 *   varUint8Array  Ed25519 signature (64 bytes) over every byte before it
 *
 * then base64url without padding, so it fits in a link's #fragment and a QR code.
 * The kind byte is signed too, so a signed revocation can never pass as an
 * invitation. The public key travels along, so a verifier needs no registry:
 * the key must hash to the plan id (or, after a handover, be the key the
 * plan's handovers name: keyChain.ts), and the signature must be valid under it.
 *
 * The version byte is the layout of this envelope, which has not changed; a
 * new body layout is a new kind. So the invitations of the first release
 * (kind 1, naming nobody) stay readable and valid beside the ones that say
 * whom they are for (kind 6, issue 11), and a relay of the first release
 * refuses a kind it does not know as malformed instead of misreading it.
 */

export const CAPABILITY_FORMAT_VERSION = 1

export const CapabilityKind = {
  /** An invitation as the first release wrote it: room, role, id, times and a name; it names no person. */
  invitation: 1,
  revocation: 2,
  deletion: 3,
  /** "This new key now speaks for the plan" (handover.ts). */
  handover: 4,
  /** What an invitation says, for the relay's registry: never usable as the invitation itself (registration.ts). */
  registration: 5,
  /** An invitation that says whom it is for: one person on the people list, or several people (a guest link). */
  addressedInvitation: 6,
  /** "Give me everything you hold of this plan": the relay's export of every room (planRequest.ts). */
  exportRequest: 7,
  /** "Create this plan from these rooms": an import of an export, bound to its content (planRequest.ts). */
  importRequest: 8,
  /**
   * An operator's admission of a new plan to a deployment that requires one
   * (admission.ts). Signed by the operator's key, not a plan key, in an
   * envelope of its own; its number is kept here so no plan capability can
   * ever be read as one.
   */
  admission: 9,
} as const
export type CapabilityKind = keyof typeof CapabilityKind

/** Longest capability text accepted, in characters: a token is about 250; anything far beyond is not ours. */
export const MAX_CAPABILITY_LENGTH = 1024

const PUBLIC_KEY_BYTES = 32
const SIGNATURE_BYTES = 64
const PLAN_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** A signed capability as read from text, not yet trusted. */
export interface Signed<Body> {
  kind: CapabilityKind
  planId: string
  publicKey: Uint8Array
  body: Body
  /** The exact bytes the signature covers. */
  signedBytes: Uint8Array
  signature: Uint8Array
}

/** Text that is not a capability of the expected kind. Says what is wrong, never repeats the text. */
export class MalformedCapabilityError extends Error {
  constructor(
    readonly kind: CapabilityKind,
    detail: string,
  ) {
    super(`Malformed ${kind}: ${detail}`)
    this.name = 'MalformedCapabilityError'
  }
}

/** Signs a capability of one kind with the plan key and returns its compact text. */
export async function signCapability(key: PlanKey, kind: CapabilityKind, writeBody: (encoder: encoding.Encoder) => void): Promise<string> {
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey))
  const signedBytes = encodeUnsigned(kind, key.planId, publicKey, writeBody)
  return encodeSigned(signedBytes, await signWithPlanKey(key, signedBytes))
}

/** The bytes a signature covers. Exported for tests that forge capabilities. */
export function encodeUnsigned(kind: CapabilityKind, planId: string, publicKey: Uint8Array, writeBody: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8(encoder, CAPABILITY_FORMAT_VERSION)
  encoding.writeUint8(encoder, CapabilityKind[kind])
  encoding.writeVarString(encoder, planId)
  encoding.writeVarUint8Array(encoder, publicKey)
  writeBody(encoder)
  return encoding.toUint8Array(encoder)
}

/** Appends a signature to signed bytes and returns the compact text. Exported for tests that forge capabilities. */
export function encodeSigned(signedBytes: Uint8Array, signature: Uint8Array): string {
  const encoder = encoding.createEncoder()
  encoding.writeUint8Array(encoder, signedBytes)
  encoding.writeVarUint8Array(encoder, signature)
  return toBase64Url(encoding.toUint8Array(encoder))
}

/**
 * Parses capability text of one kind (or one of several, e.g. both
 * invitation layouts) without trusting it: checks the shape of every field
 * (through `readBody` for the kind's own fields, told which kind it reads)
 * and that nothing follows the signature. Throws MalformedCapabilityError;
 * never anything else.
 */
export function readCapability<Body>(
  text: string,
  kinds: CapabilityKind | readonly CapabilityKind[],
  readBody: (decoder: decoding.Decoder, kind: CapabilityKind) => Body,
): Signed<Body> {
  const accepted: readonly CapabilityKind[] = typeof kinds === 'string' ? [kinds] : kinds
  const kind = accepted[0]!
  if (typeof text !== 'string' || text.length === 0) throw new MalformedCapabilityError(kind, 'empty')
  if (text.length > MAX_CAPABILITY_LENGTH) throw new MalformedCapabilityError(kind, `longer than ${MAX_CAPABILITY_LENGTH} characters`)
  const bytes = decodeCanonicalBase64Url(text, kind)
  try {
    const decoder = decoding.createDecoder(bytes)
    const version = decoding.readUint8(decoder)
    if (version !== CAPABILITY_FORMAT_VERSION) throw new MalformedCapabilityError(kind, `unknown format version ${version}`)
    const kindByte = decoding.readUint8(decoder)
    const found = accepted.find((candidate) => CapabilityKind[candidate] === kindByte)
    if (found === undefined) throw new MalformedCapabilityError(kind, `is not a ${kind}`)
    const planId = decoding.readVarString(decoder)
    if (!PLAN_ID_PATTERN.test(planId)) throw new MalformedCapabilityError(kind, 'plan id has the wrong shape')
    const publicKey = readFixedBytes(decoder, PUBLIC_KEY_BYTES, 'public key', kind)
    const body = readBody(decoder, found)
    const signedBytes = bytes.slice(0, decoder.pos)
    const signature = readFixedBytes(decoder, SIGNATURE_BYTES, 'signature', kind)
    if (decoding.hasContent(decoder)) throw new MalformedCapabilityError(kind, 'bytes after the signature')
    return { kind: found, planId, publicKey, body, signedBytes, signature }
  } catch (error) {
    if (error instanceof MalformedCapabilityError) throw error
    // lib0 throws plain errors (end of array, integer out of range, invalid UTF-8).
    throw new MalformedCapabilityError(kind, 'cannot be decoded')
  }
}

/**
 * Which of its plan's keys signed a parsed capability: the position of its
 * public key in `keys` (0 for the key the plan id was made from), or -1 when
 * it is no key of the plan or the signature is not valid under it. Without
 * `keys` only the original key counts. Never throws.
 */
export async function signingKeyIndex(signed: Signed<unknown>, keys?: KeyChain): Promise<number> {
  try {
    const index = await keyIndexIn(keys, signed.planId, signed.publicKey)
    if (index < 0) return -1
    return (await verifyPlanSignature(await importPublicKey(signed.publicKey), signed.signature, signed.signedBytes)) ? index : -1
  } catch {
    // A 32-byte string that is not a valid Ed25519 point cannot be imported: not signed by anyone.
    return -1
  }
}

/** Whether a parsed capability truly comes from one of its plan's keys (see signingKeyIndex). Never throws. */
export async function isSignedByPlan(signed: Signed<unknown>, keys?: KeyChain): Promise<boolean> {
  return (await signingKeyIndex(signed, keys)) >= 0
}

/**
 * Why a capability that must speak for a plan does not:
 * - `malformed`: not a capability of this kind;
 * - `forged`: not signed by any key of the plan;
 * - `other-plan`: genuine, for another plan;
 * - `handed-over`: signed by a key that has since handed the plan over; the
 *   plan's current key must sign it (handover.ts).
 */
export type SignedProblem = 'malformed' | 'forged' | 'other-plan' | 'handed-over'

/** Result of checking a revocation, deletion, handover or registration for one plan. */
export type SignedCheck<Body> = { ok: true; signed: Signed<Body>; keyIndex: number } | { ok: false; problem: SignedProblem; reason: string }

/** The reason given when a key that handed its plan over signs for it again; the relay answers it with code `handedOver`. */
export const HANDED_OVER_REASON = 'signed by a key that has handed this plan over; the current plan key must sign it'

/**
 * Parses and verifies a capability that must speak for `planId` now
 * (revocations, deletions, registrations, which arrive at /plans/<id>/...):
 * signed by the plan's current key, the last one `keys` names. Never throws.
 */
export async function verifyCapabilityFor<Body>(
  text: string,
  kind: CapabilityKind,
  readBody: (decoder: decoding.Decoder, kind: CapabilityKind) => Body,
  planId: string,
  keys?: KeyChain,
): Promise<SignedCheck<Body>> {
  let signed: Signed<Body>
  try {
    signed = readCapability(text, kind, readBody)
  } catch (error) {
    return { ok: false, problem: 'malformed', reason: error instanceof Error ? error.message : `Malformed ${kind}` }
  }
  const keyIndex = await signingKeyIndex(signed, signed.planId === planId ? keys : undefined)
  if (keyIndex < 0) return { ok: false, problem: 'forged', reason: `${kind} is not signed by the plan key` }
  if (signed.planId !== planId) return { ok: false, problem: 'other-plan', reason: `${kind} is for another plan` }
  if (keyIndex < currentKeyIndex(keys)) return { ok: false, problem: 'handed-over', reason: `${kind} is ${HANDED_OVER_REASON}` }
  return { ok: true, signed, keyIndex }
}

/** Reads exactly `length` bytes given as a varUint8Array; a copy, so it does not pin the input buffer. */
export function readFixedBytes(decoder: decoding.Decoder, length: number, field: string, kind: CapabilityKind): Uint8Array {
  const bytes = decoding.readVarUint8Array(decoder)
  if (bytes.length !== length) throw new MalformedCapabilityError(kind, `${field} must be ${length} bytes`)
  return bytes.slice()
}

/** Reads a point in time (ms since 1970) written with writeVarUint. */
export function readTime(decoder: decoding.Decoder, field: string, kind: CapabilityKind): number {
  const ms = decoding.readVarUint(decoder)
  if (!Number.isSafeInteger(ms)) throw new MalformedCapabilityError(kind, `${field} is out of range`)
  return ms
}

/** Writes a point in time (ms since 1970); refuses what readTime would not read back. */
export function writeTime(encoder: encoding.Encoder, ms: number, field: string): void {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`${field} must be a whole number of ms since 1970, got ${ms}`)
  encoding.writeVarUint(encoder, ms)
}

/**
 * base64url that is exactly what toBase64Url would write for its bytes. The
 * last character of base64 can carry unused bits; accepting those would give
 * one capability many spellings, so only the canonical one is read.
 */
function decodeCanonicalBase64Url(text: string, kind: CapabilityKind): Uint8Array {
  let bytes: Uint8Array
  try {
    bytes = fromBase64Url(text)
  } catch {
    throw new MalformedCapabilityError(kind, 'not base64url')
  }
  if (toBase64Url(bytes) !== text) throw new MalformedCapabilityError(kind, 'not canonical base64url')
  return bytes
}

import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { PlanKey } from '../identity/planKey.ts'
import type { KeyChain } from './keyChain.ts'
import { MalformedCapabilityError, readCapability, readFixedBytes, readTime, signCapability, verifyCapabilityFor, writeTime, type SignedCheck } from './signed.ts'

/**
 * A request only the plan key may make of the relay, signed like a
 * revocation: an export of everything the relay holds of the plan (for the
 * household, or an operator answering its data request), or creating a plan
 * from an export. Nobody without the key gets a byte.
 *
 * A signed request is short-lived and used once: it says when it was signed
 * and until when it counts (at most MAX_REQUEST_LIFETIME_MS later), and
 * carries a random nonce the relay remembers until then, so a request seen
 * on the way cannot be replayed. An import request also carries the SHA-256
 * of the rooms it creates, so its signature cannot be put on other content.
 *
 * Body, after the common header of signed.ts:
 *   varUint signedAt · varUint expiresAt · varUint8Array nonce (16 bytes) · varUint8Array digest (0 or 32 bytes)
 */
export interface PlanRequest {
  kind: PlanRequestKind
  planId: string
  signedAt: number
  expiresAt: number
  /** The random nonce, as hex: what the relay remembers to refuse the same request twice. */
  nonce: string
  /** SHA-256 of the content an import creates (planRequest.importDigest); empty for an export. */
  digest: Uint8Array
}

export type PlanRequestKind = 'exportRequest' | 'importRequest'

/** The longest a signed request counts: long enough for a slow connection, too short to be worth keeping. */
export const MAX_REQUEST_LIFETIME_MS = 5 * 60_000
/** How far a signer's clock may be ahead of the relay's. */
export const CLOCK_SKEW_MS = 60_000
const NONCE_BYTES = 16
const DIGEST_BYTES = 32

/** Signs a request; `digest` (SHA-256 of what it sends) for an import. */
export async function issuePlanRequest(key: PlanKey, kind: PlanRequestKind, options: { now?: number; lifetimeMs?: number; digest?: Uint8Array } = {}): Promise<string> {
  const signedAt = options.now ?? Date.now()
  const lifetime = Math.min(options.lifetimeMs ?? MAX_REQUEST_LIFETIME_MS, MAX_REQUEST_LIFETIME_MS)
  const digest = options.digest ?? new Uint8Array()
  if (digest.length !== 0 && digest.length !== DIGEST_BYTES) throw new RangeError(`A request digest is ${DIGEST_BYTES} bytes`)
  return signCapability(key, kind, (encoder) => {
    writeTime(encoder, signedAt, 'signedAt')
    writeTime(encoder, signedAt + lifetime, 'expiresAt')
    encoding.writeVarUint8Array(encoder, crypto.getRandomValues(new Uint8Array(NONCE_BYTES)))
    encoding.writeVarUint8Array(encoder, digest)
  })
}

/** Parses a request without trusting it. Throws MalformedCapabilityError, nothing else. */
export function readPlanRequest(text: string, kind: PlanRequestKind): PlanRequest {
  const signed = readCapability(text, kind, readBody)
  return { kind, planId: signed.planId, ...signed.body }
}

export type PlanRequestCheck = { ok: true; request: PlanRequest } | { ok: false; problem: Extract<SignedCheck<unknown>, { ok: false }>['problem'] | 'expired'; reason: string }

/**
 * Verifies a request that must speak for `planId` now: signed by the plan's
 * current key, and within its short life at `now`. The caller remembers the
 * nonce until `expiresAt` and refuses it a second time. Never throws.
 */
export async function verifyPlanRequest(text: string, kind: PlanRequestKind, planId: string, now: number, keys?: KeyChain): Promise<PlanRequestCheck> {
  const check = await verifyCapabilityFor(text, kind, readBody, planId, keys)
  if (!check.ok) return check
  const request: PlanRequest = { kind, planId: check.signed.planId, ...check.signed.body }
  if (request.expiresAt - request.signedAt > MAX_REQUEST_LIFETIME_MS) return { ok: false, problem: 'expired', reason: `A signed ${kind} counts for at most ${MAX_REQUEST_LIFETIME_MS / 60_000} minutes` }
  if (now > request.expiresAt || now < request.signedAt - CLOCK_SKEW_MS) return { ok: false, problem: 'expired', reason: `This signed ${kind} is out of date; sign a new one (check the clock)` }
  return { ok: true, request }
}

function readBody(decoder: decoding.Decoder, kind: Parameters<typeof readTime>[2]): Omit<PlanRequest, 'kind' | 'planId'> {
  const signedAt = readTime(decoder, 'signedAt', kind)
  const expiresAt = readTime(decoder, 'expiresAt', kind)
  if (expiresAt < signedAt) throw new MalformedCapabilityError(kind, 'expires before it was signed')
  const nonce = readFixedBytes(decoder, NONCE_BYTES, 'nonce', kind)
  const digest = readDigest(decoder, kind)
  return { signedAt, expiresAt, nonce: [...nonce].map((b) => b.toString(16).padStart(2, '0')).join(''), digest }
}

function readDigest(decoder: decoding.Decoder, kind: Parameters<typeof readTime>[2]): Uint8Array {
  // Either no digest (export) or exactly one SHA-256.
  const bytes = decoding.readVarUint8Array(decoder)
  if (bytes.length !== 0 && bytes.length !== DIGEST_BYTES) throw new MalformedCapabilityError(kind, `digest must be empty or ${DIGEST_BYTES} bytes`)
  return bytes.slice()
}

/** The SHA-256 an import request signs: over each room's kind and state, in a fixed order. */
export async function importDigest(rooms: Partial<Record<string, Uint8Array>>): Promise<Uint8Array> {
  const encoder = encoding.createEncoder()
  for (const kind of Object.keys(rooms).sort()) {
    encoding.writeVarString(encoder, kind)
    encoding.writeVarUint8Array(encoder, rooms[kind]!)
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoding.toUint8Array(encoder)))
}

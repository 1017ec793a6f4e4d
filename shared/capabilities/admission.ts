import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { importPublicKey, signWithPlanKey, verifyPlanSignature, type PlanKey } from '../identity/planKey.ts'
import { CAPABILITY_FORMAT_VERSION, CapabilityKind, MAX_CAPABILITY_LENGTH, readFixedBytes, readTime, writeTime } from './signed.ts'

/**
 * A plan admission (issue 16): for a city's deployment that takes new plans
 * only from households its wijkteams know, the operator signs admissions with
 * a key of its own (KRING_ADMISSION_PUBLIC_KEY on the relay), and gives them
 * out as a link or a printed code. A plan's first connection carries one; the
 * relay records that it let the plan in and needs none after that. Each
 * admission lets in one plan: the first that shows it, or only the plan it
 * names.
 *
 * Not a plan capability (no plan key signs it), so it has an envelope of its
 * own, with the kind byte after the version as in signed.ts so no plan
 * capability can be taken for one:
 *
 *   u8 format version (1) · u8 kind (7, admission)
 *   varUint8Array operator's raw Ed25519 public key (32 bytes)
 *   varUint8Array id (16 random bytes)
 *   varString plan id ('' for the first plan that shows it)
 *   varUint issuedAt · u8 hasExpiry [· varUint expiresAt]
 *   varUint8Array Ed25519 signature (64 bytes) over every byte before it
 *
 * then base64url without padding.
 */
export interface Admission {
  /** The operator key's raw public key, base64url: what KRING_ADMISSION_PUBLIC_KEY holds. */
  operatorKey: string
  /** base64url of 16 random bytes: what the relay records, so it lets in one plan only. */
  id: string
  /** The one plan it admits, or null for the first plan that shows it. */
  planId: string | null
  issuedAt: number
  /** null: it does not expire. */
  expiresAt: number | null
}

export interface AdmissionFields {
  planId?: string
  /** ms since 1970; null for never. Default: never. */
  expiresAt?: number | null
  /** ms since 1970; default now. */
  issuedAt?: number
}

const PUBLIC_KEY_BYTES = 32
const SIGNATURE_BYTES = 64
const ID_BYTES = 16

/** Signs an admission with the operator's key (an Ed25519 key made like a plan key, e.g. by `kring operator new`). */
export async function issueAdmission(operator: PlanKey, fields: AdmissionFields = {}): Promise<string> {
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', operator.publicKey))
  const encoder = encoding.createEncoder()
  encoding.writeUint8(encoder, CAPABILITY_FORMAT_VERSION)
  encoding.writeUint8(encoder, CapabilityKind.admission)
  encoding.writeVarUint8Array(encoder, publicKey)
  encoding.writeVarUint8Array(encoder, crypto.getRandomValues(new Uint8Array(ID_BYTES)))
  encoding.writeVarString(encoder, fields.planId ?? '')
  writeTime(encoder, fields.issuedAt ?? Date.now(), 'issuedAt')
  const expiresAt = fields.expiresAt ?? null
  encoding.writeUint8(encoder, expiresAt === null ? 0 : 1)
  if (expiresAt !== null) writeTime(encoder, expiresAt, 'expiresAt')
  const signed = encoding.toUint8Array(encoder)
  encoding.writeVarUint8Array(encoder, await signWithPlanKey(operator, signed))
  return toBase64Url(encoding.toUint8Array(encoder))
}

/** Why an admission does not let a plan in. */
export type AdmissionProblem = 'malformed' | 'forged' | 'other-plan' | 'expired'

export type AdmissionCheck = { ok: true; admission: Admission } | { ok: false; problem: AdmissionProblem; reason: string }

/**
 * Checks an admission shown for `planId` against the operator's public key
 * (base64url, raw Ed25519): well formed, signed by that key, for this plan
 * (or for any), and not expired at `now`. Whether it already let in another
 * plan is for the relay's records. Never throws.
 */
export async function verifyAdmission(text: string, context: { operatorKey: string; planId: string; now: number }): Promise<AdmissionCheck> {
  let read: { admission: Admission; signed: Uint8Array; signature: Uint8Array }
  try {
    read = readAdmission(text)
  } catch (error) {
    return { ok: false, problem: 'malformed', reason: error instanceof Error ? error.message : 'Malformed admission' }
  }
  const { admission, signed, signature } = read
  let genuine = false
  if (admission.operatorKey === context.operatorKey) {
    try {
      genuine = await verifyPlanSignature(await importPublicKey(fromBase64Url(admission.operatorKey)), signature, signed)
    } catch {
      genuine = false
    }
  }
  if (!genuine) return { ok: false, problem: 'forged', reason: "admission is not signed by this relay's operator" }
  if (admission.planId !== null && admission.planId !== context.planId) return { ok: false, problem: 'other-plan', reason: 'admission is for another plan' }
  if (admission.expiresAt !== null && admission.expiresAt <= context.now) return { ok: false, problem: 'expired', reason: 'admission has expired' }
  return { ok: true, admission }
}

/** Parses an admission without trusting it. Throws an Error saying what is wrong, never repeating the text. */
export function readAdmission(text: string): { admission: Admission; signed: Uint8Array; signature: Uint8Array } {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_CAPABILITY_LENGTH) throw new Error('Malformed admission: empty or too long')
  let bytes: Uint8Array
  try {
    bytes = fromBase64Url(text)
  } catch {
    throw new Error('Malformed admission: not base64url')
  }
  if (toBase64Url(bytes) !== text) throw new Error('Malformed admission: not canonical base64url')
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readUint8(decoder) !== CAPABILITY_FORMAT_VERSION) throw new Error('Malformed admission: unknown format version')
    if (decoding.readUint8(decoder) !== CapabilityKind.admission) throw new Error('Malformed admission: is not an admission')
    const operatorKey = toBase64Url(readFixedBytes(decoder, PUBLIC_KEY_BYTES, 'public key', 'admission'))
    const id = toBase64Url(readFixedBytes(decoder, ID_BYTES, 'id', 'admission'))
    const planId = decoding.readVarString(decoder)
    const issuedAt = readTime(decoder, 'issuedAt', 'admission')
    const hasExpiry = decoding.readUint8(decoder)
    if (hasExpiry > 1) throw new Error('Malformed admission: expiry flag must be 0 or 1')
    const expiresAt = hasExpiry === 1 ? readTime(decoder, 'expiresAt', 'admission') : null
    const signed = bytes.slice(0, decoder.pos)
    const signature = readFixedBytes(decoder, SIGNATURE_BYTES, 'signature', 'admission')
    if (decoding.hasContent(decoder)) throw new Error('Malformed admission: bytes after the signature')
    return { admission: { operatorKey, id, planId: planId === '' ? null : planId, issuedAt, expiresAt }, signed, signature }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Malformed')) throw error
    throw new Error('Malformed admission: cannot be decoded')
  }
}

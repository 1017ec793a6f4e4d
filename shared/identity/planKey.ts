import { fromBase64Url, toBase64Url } from './base64url.ts'

/**
 * A plan's signing key (architecture.md, decision 4). The device that creates
 * a plan makes an Ed25519 key pair with WebCrypto; the plan id is derived from
 * the public key, so the id itself proves which key may speak for the plan and
 * the relay needs no user database. Works the same in browsers and in Node.
 */
export interface PlanKey {
  planId: string
  publicKey: CryptoKey
  privateKey: CryptoKey
  /**
   * The signed handovers that made this key speak for the plan, in order
   * (shared/capabilities/handover.ts); empty for the key the plan id was
   * made from. They hold no secret and travel with the key.
   */
  handovers: readonly string[]
}

/** The portable form of a plan key: what is stored on a device or exported to a second eigenaar. */
export interface ExportedPlanKey {
  planId: string
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string
  /** PKCS#8 private key, base64url. */
  privateKey: string
  /** The handovers that made this key speak for the plan; absent (or empty) for the plan id's own key. */
  handovers?: readonly string[]
}

const ALGORITHM = { name: 'Ed25519' } as const

/** Bytes of SHA-256 kept for a plan id: 128 bits, 22 base64url characters. */
const PLAN_ID_BYTES = 16

/** Makes a new plan key on this device. */
export async function createPlanKey(): Promise<PlanKey> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  return { planId: await planIdFromPublicKey(raw), publicKey: pair.publicKey, privateKey: pair.privateKey, handovers: [] }
}

/**
 * Makes a new key pair for a plan that already exists, to hand the plan to
 * (issue 11). It speaks for `planId` only once the current key signed a
 * handover to it; `handovers` must then hold that whole chain.
 */
export async function createSuccessorKey(planId: string): Promise<Omit<PlanKey, 'handovers'>> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
  return { planId, publicKey: pair.publicKey, privateKey: pair.privateKey }
}

/** The plan id a raw public key stands for: base64url of the first 16 bytes of its SHA-256. */
export async function planIdFromPublicKey(rawPublicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey as BufferSource))
  return toBase64Url(digest.slice(0, PLAN_ID_BYTES))
}

/** Exports a plan key to plain strings, for IndexedDB, a key file or a QR code. */
export async function exportPlanKey(key: PlanKey): Promise<ExportedPlanKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key.publicKey))
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key.privateKey))
  const exported: ExportedPlanKey = { planId: key.planId, publicKey: toBase64Url(raw), privateKey: toBase64Url(pkcs8) }
  return key.handovers.length === 0 ? exported : { ...exported, handovers: [...key.handovers] }
}

/**
 * Imports an exported plan key; throws when the public key does not hash to
 * the plan id. A key that a handover made speak for the plan does not hash to
 * it: import those with importHeldPlanKey (shared/capabilities/handover.ts),
 * which checks the handovers and then passes `handedOverTo`.
 */
export async function importPlanKey(exported: ExportedPlanKey, options: { handedOverTo?: boolean } = {}): Promise<PlanKey> {
  const raw = fromBase64Url(exported.publicKey)
  if (!options.handedOverTo && (await planIdFromPublicKey(raw)) !== exported.planId) throw new Error('This key does not belong to this plan')
  const publicKey = await importPublicKey(raw)
  const privateKey = await crypto.subtle.importKey('pkcs8', fromBase64Url(exported.privateKey) as BufferSource, ALGORITHM, true, ['sign'])
  return { planId: exported.planId, publicKey, privateKey, handovers: options.handedOverTo ? [...(exported.handovers ?? [])] : [] }
}

/** Imports a raw Ed25519 public key for verifying signatures. */
export function importPublicKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as BufferSource, ALGORITHM, true, ['verify'])
}

/** Signs bytes with the plan's private key. */
export async function signWithPlanKey(key: PlanKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(ALGORITHM, key.privateKey, data as BufferSource))
}

/** Verifies a signature made by signWithPlanKey. */
export async function verifyPlanSignature(publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  return crypto.subtle.verify(ALGORITHM, publicKey, signature as BufferSource, data as BufferSource)
}

import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { fromBase64Url, toBase64Url } from '../identity/base64url.ts'
import { createSuccessorKey, importPlanKey, type ExportedPlanKey, type PlanKey } from '../identity/planKey.ts'
import { currentKeyIndex, keyIndexIn, originalKeyChain, type KeyChain } from './keyChain.ts'
import { personIdProblem } from './personId.ts'
import { MalformedCapabilityError, readCapability, readFixedBytes, readTime, signCapability, signingKeyIndex, writeTime, HANDED_OVER_REASON } from './signed.ts'

/**
 * Handing a plan over (issue 11): "this new key now speaks for the plan".
 * A professional who started a plan for a household gives it to them; the
 * household's device makes a new key, and the plan's current key signs that
 * the new one speaks for the plan from now on. The plan id stays, so no link
 * breaks; the relay refuses the old key's invitations, revocations,
 * registrations and deletions from then on, while tokens it signed keep
 * working until the new holder revokes them.
 *
 * Body, after the common header of signed.ts (whose key is the one handing over):
 *   varUint sequence (1 for the first handover of the plan, then 2, ...)
 *   varUint8Array the new raw public key (32 bytes)
 *   varString the person on the people list whose device holds the new key ('' when not said)
 *   varUint signedAt
 *
 * A handover proves itself together with the ones before it: handover n is
 * signed by the key handover n-1 named (the first by the key the plan id was
 * made from). So a relay, or a device, that has none of a plan's records
 * accepts the whole chain posted in order, and nobody needs to be trusted.
 */
export interface Handover {
  planId: string
  /** 1 for the first handover; the key it names is the chain's `keys[sequence]`. */
  sequence: number
  /** The raw public key that signed it: the plan's key until now. */
  from: Uint8Array
  /** The raw public key that speaks for the plan from now on. */
  to: Uint8Array
  /** The person whose device holds the new key, or '' when the handover does not say. */
  toPerson: string
  /** When it was signed, ms since 1970. */
  signedAt: number
  /** The signed text itself, to store and to pass on. */
  text: string
}

/** Why a handover is not taken. `conflict`: another handover took this step already; `gap`: earlier handovers are missing (send the whole chain). */
export type HandoverProblem = 'malformed' | 'forged' | 'other-plan' | 'handed-over' | 'conflict' | 'gap'

export type HandoverCheck = { ok: true; chain: KeyChain; handover: Handover; isNew: boolean } | { ok: false; problem: HandoverProblem; reason: string }

const PUBLIC_KEY_BYTES = 32

/**
 * Signs the handover of `key`'s plan to `to` (a raw public key), as the next
 * step after the handovers `key` already carries. Throws RangeError for a
 * key that cannot be handed to.
 */
export async function issueHandover(key: PlanKey, to: Uint8Array, options: { toPerson?: string; signedAt?: number } = {}): Promise<string> {
  if (to.length !== PUBLIC_KEY_BYTES) throw new RangeError(`A public key is ${PUBLIC_KEY_BYTES} bytes, got ${to.length}`)
  const toPerson = options.toPerson ?? ''
  const problem = toPerson === '' ? undefined : personIdProblem(toPerson)
  if (problem) throw new RangeError(problem)
  const sequence = key.handovers.length + 1
  return signCapability(key, 'handover', (encoder) => {
    encoding.writeVarUint(encoder, sequence)
    encoding.writeVarUint8Array(encoder, to)
    encoding.writeVarString(encoder, toPerson)
    writeTime(encoder, options.signedAt ?? Date.now(), 'signedAt')
  })
}

/**
 * Hands `key`'s plan to a new key made here: the new key, carrying the whole
 * chain of handovers (send `next.handovers` to the relay, one per line), and
 * the new handover. The caller keeps the new key before it sends anything.
 */
export async function handOverToNewKey(key: PlanKey, options: { toPerson?: string; signedAt?: number } = {}): Promise<{ next: PlanKey; handover: string }> {
  const successor = await createSuccessorKey(key.planId)
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', successor.publicKey))
  const handover = await issueHandover(key, raw, options)
  return { next: { ...successor, handovers: [...key.handovers, handover] }, handover }
}

/** Parses a handover without trusting it. Throws MalformedCapabilityError, nothing else. */
export function readHandover(text: string): Handover {
  const signed = readCapability(text, 'handover', readHandoverBody)
  return { planId: signed.planId, from: signed.publicKey, ...signed.body, text }
}

/**
 * Checks one handover against a plan's chain so far and returns the chain
 * with it. The same handover again is fine (`isNew: false`); a different one
 * for a step already taken is a conflict (the first one stored stands), and
 * one that skips steps is a gap. Never throws.
 */
export async function extendKeyChain(chain: KeyChain, text: string): Promise<HandoverCheck> {
  let handover: Handover
  let signed: ReturnType<typeof readCapability<Omit<Handover, 'planId' | 'from' | 'text'>>>
  try {
    signed = readCapability(text, 'handover', readHandoverBody)
    handover = { planId: signed.planId, from: signed.publicKey, ...signed.body, text }
  } catch (error) {
    return { ok: false, problem: 'malformed', reason: error instanceof Error ? error.message : 'Malformed handover' }
  }
  const taken = chain.handovers.length
  // Before the signature: the key that signed a later step is not known here until the steps before it are.
  if (handover.planId === chain.planId && handover.sequence > taken + 1) {
    return { ok: false, problem: 'gap', reason: `handover ${handover.sequence} comes after handovers not known here; send the whole chain from handover 1` }
  }
  const keyIndex = await signingKeyIndex(signed, handover.planId === chain.planId ? chain : undefined)
  if (keyIndex < 0) return { ok: false, problem: 'forged', reason: 'handover is not signed by the plan key' }
  if (handover.planId !== chain.planId) return { ok: false, problem: 'other-plan', reason: 'handover is for another plan' }
  if (handover.sequence <= taken) {
    const earlier = chain.handovers[handover.sequence - 1]!
    if (earlier.text === text) return { ok: true, chain, handover: earlier, isNew: false }
    return { ok: false, problem: 'conflict', reason: `handover ${handover.sequence} of this plan was made already; the plan's key is another one now` }
  }
  if (keyIndex < currentKeyIndex(chain)) return { ok: false, problem: 'handed-over', reason: `handover is ${HANDED_OVER_REASON}` }
  if ((await keyIndexIn(chain, chain.planId, handover.to)) >= 0) return { ok: false, problem: 'malformed', reason: 'handover names a key that spoke for this plan before' }
  const keys = chain.keys.length === 0 ? [toBase64Url(handover.from)] : [...chain.keys]
  return { ok: true, chain: { planId: chain.planId, keys: [...keys, toBase64Url(handover.to)], handovers: [...chain.handovers, handover] }, handover, isNew: true }
}

/**
 * A plan's chain from its handover texts, in any order; texts that do not
 * fit (forged, conflicting, after a gap) are left out and returned with why.
 * Never throws.
 */
export async function buildKeyChain(planId: string, texts: readonly string[]): Promise<{ chain: KeyChain; rejected: { text: string; reason: string }[] }> {
  const parsed: { text: string; sequence: number }[] = []
  const rejected: { text: string; reason: string }[] = []
  for (const text of texts) {
    try {
      parsed.push({ text, sequence: readHandover(text).sequence })
    } catch (error) {
      rejected.push({ text, reason: error instanceof Error ? error.message : 'Malformed handover' })
    }
  }
  let chain = originalKeyChain(planId)
  for (const { text } of parsed.sort((a, b) => a.sequence - b.sequence)) {
    const check = await extendKeyChain(chain, text)
    if (check.ok) chain = check.chain
    else rejected.push({ text, reason: check.reason })
  }
  return { chain, rejected }
}

/**
 * Imports an exported plan key, also one that a handover made speak for its
 * plan: then the key must be the current key of the handovers it carries.
 * Throws when it is not (a key that was handed over, a damaged chain).
 */
export async function importHeldPlanKey(exported: ExportedPlanKey): Promise<PlanKey> {
  const handovers = exported.handovers ?? []
  if (handovers.length === 0) return importPlanKey(exported)
  const { chain, rejected } = await buildKeyChain(exported.planId, handovers)
  if (rejected.length > 0) throw new Error(`This key's handovers do not hold together: ${rejected[0]!.reason}`)
  if (chain.keys.at(-1) !== exported.publicKey) throw new Error('This key was handed over: another key speaks for the plan now')
  return importPlanKey(exported, { handedOverTo: true })
}

/** The raw public key of a key, for naming it in a handover. */
export function rawPublicKey(exported: ExportedPlanKey): Uint8Array {
  return fromBase64Url(exported.publicKey)
}

function readHandoverBody(decoder: decoding.Decoder): Omit<Handover, 'planId' | 'from' | 'text'> {
  const sequence = decoding.readVarUint(decoder)
  if (sequence < 1 || !Number.isSafeInteger(sequence)) throw new MalformedCapabilityError('handover', 'sequence must be 1 or more')
  const to = readFixedBytes(decoder, PUBLIC_KEY_BYTES, 'new public key', 'handover')
  const toPerson = decoding.readVarString(decoder)
  if (toPerson !== '' && personIdProblem(toPerson)) throw new MalformedCapabilityError('handover', 'person id has the wrong shape')
  return { sequence, to, toPerson, signedAt: readTime(decoder, 'signedAt', 'handover') }
}

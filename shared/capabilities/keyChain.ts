import { toBase64Url } from '../identity/base64url.ts'
import { planIdFromPublicKey } from '../identity/planKey.ts'
import type { Handover } from './handover.ts'

/**
 * Which keys have spoken for a plan (architecture.md, decision 4): the key
 * the plan id was made from, then each key a signed handover named. The
 * plan id never changes, so nobody's link breaks; the last key is the
 * plan's current key.
 *
 * What each key's signature still counts for:
 * - invitation tokens signed by any key of the chain keep working until the
 *   current holder revokes them (revocation scope `signedByEarlierKeys`);
 * - invitations, revocations, registrations, deletions and the next handover
 *   must be signed by the current key; an earlier key is refused from its
 *   handover on (SignedProblem `handed-over`).
 *
 * Build one from handover texts with `buildKeyChain` (handover.ts); this
 * module only answers questions about one, so signed.ts can ask it without
 * an import cycle.
 */
export interface KeyChain {
  planId: string
  /**
   * The raw public keys that spoke for the plan, base64url, oldest first:
   * `keys[0]` is the one the plan id was made from. Empty while no handover
   * is known: then only the key that hashes to the plan id speaks for it.
   */
  keys: readonly string[]
  /** The verified handovers, in order: `handovers[i]` made `keys[i + 1]` speak. */
  handovers: readonly Handover[]
}

/** The chain of a plan that was never handed over. */
export function originalKeyChain(planId: string): KeyChain {
  return { planId, keys: [], handovers: [] }
}

/**
 * The position of a public key in a plan's chain (0 for the original key),
 * or -1 when it is no key of the plan. Without a chain (or with an empty one)
 * only the key that hashes to the plan id counts.
 */
export async function keyIndexIn(chain: KeyChain | undefined, planId: string, publicKey: Uint8Array): Promise<number> {
  if (chain === undefined || chain.keys.length === 0 || chain.planId !== planId) return (await planIdFromPublicKey(publicKey)) === planId ? 0 : -1
  return chain.keys.indexOf(toBase64Url(publicKey))
}

/**
 * The position of a key already known to be one of the plan's (checked with
 * keyIndexIn), without hashing again: for comparing two verified signatures.
 */
export function knownKeyIndex(chain: KeyChain | undefined, publicKey: Uint8Array): number {
  if (chain === undefined || chain.keys.length === 0) return 0
  return chain.keys.indexOf(toBase64Url(publicKey))
}

/** The position of the plan's current key: 0 until the first handover. */
export function currentKeyIndex(chain: KeyChain | undefined): number {
  return chain === undefined ? 0 : Math.max(0, chain.keys.length - 1)
}

/** The current key, base64url, or undefined while no handover is known (then it is the key the plan id was made from). */
export function currentKey(chain: KeyChain | undefined): string | undefined {
  return chain?.keys[chain.keys.length - 1]
}

/** When the plan last changed hands (the last handover's signing time), or null when it never did. */
export function lastHandedOverAt(chain: KeyChain | undefined): number | null {
  return chain?.handovers.at(-1)?.signedAt ?? null
}

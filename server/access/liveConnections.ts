import type { KeyChain } from '../../shared/capabilities/keyChain.ts'
import { revokes, type Revocation } from '../../shared/capabilities/revocation.ts'
import { DELETED_REASON, EXPIRED_REASON, REVOKED_REASON } from '../../shared/capabilities/refusals.ts'
import type { InvitationToken } from '../../shared/capabilities/token.ts'
import { toBase64Url } from '../../shared/identity/base64url.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import type { RefusalReason } from '../metrics/relayMetrics.ts'

/** A connection as access control sees it: something that can be shut with a code and a reason. */
export interface LivePeer {
  refuse(code: number, reason: string, metric: RefusalReason): void
}

interface Entry {
  planId: string
  token: InvitationToken | undefined
  peer: LivePeer
  expiry?: NodeJS.Timeout
}

/** setTimeout's longest delay (about 24.8 days); a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * How long a revocation or deletion applied here is remembered. It only has
 * to outlive an admission's storage check (a query times out after 10 s);
 * after that, storage refuses what it covers.
 */
export const REMEMBERED_MS = 60_000

/**
 * The connections on this relay instance, by plan, with the token each one
 * presented. A revocation or deletion closes the matching ones at once, and
 * is remembered for a while (REMEMBERED_MS), so a connection admitted just
 * before it (its storage check already done) is closed as it is added.
 * Applying the same revocation again (a recheck after a Redis gap) keeps one
 * copy, so what is remembered never grows with rechecks.
 */
export class LiveConnections {
  private readonly byPlan = new Map<string, Set<Entry>>()
  /** Recent revocations by plan, each once (by what it revokes), with the plan's keys they were checked against. */
  private readonly revocations = new Map<string, Map<string, { revocation: Revocation; keys: KeyChain | undefined }>>()
  private readonly deleted = new Set<string>()

  /** Adds a connection; returns the function that removes it (call it when the connection ends). */
  add(planId: string, token: InvitationToken | undefined, peer: LivePeer, now: number): () => void {
    const entry: Entry = { planId, token, peer }
    const refusal = this.refusalFor(entry, now)
    if (refusal !== undefined) {
      peer.refuse(CloseCode.forbidden, refusal, 'forbidden')
      return () => {}
    }
    let entries = this.byPlan.get(planId)
    if (entries === undefined) this.byPlan.set(planId, (entries = new Set()))
    entries.add(entry)
    if (token?.expiresAt != null) this.closeAtExpiry(entry, token.expiresAt, now)
    return () => this.remove(entry)
  }

  /** The plans this instance holds connections to. */
  get plans(): string[] {
    return [...this.byPlan.keys()]
  }

  /**
   * Applies a revocation: closes the connections using a token it covers.
   * Returns how many. `keys` is the plan's chain after its handovers, which
   * "everything the earlier keys signed" needs.
   */
  revoke(revocation: Revocation, keys?: KeyChain): number {
    this.remember(revocation, keys)
    return this.closeWhere(revocation.planId, (entry) => entry.token !== undefined && revokes(revocation, entry.token, keys), REVOKED_REASON)
  }

  /** Applies a deletion: closes every connection to the plan's rooms. Returns how many. */
  deletePlan(planId: string): number {
    if (!this.deleted.has(planId)) {
      this.deleted.add(planId)
      forgetLater(() => this.deleted.delete(planId))
    }
    this.revocations.delete(planId)
    return this.closeWhere(planId, () => true, DELETED_REASON)
  }

  /** How many revocations and deletions are remembered (for tests: it must not grow with rechecks). */
  get remembered(): number {
    let count = this.deleted.size
    for (const revocations of this.revocations.values()) count += revocations.size
    return count
  }

  private remember(revocation: Revocation, keys: KeyChain | undefined): void {
    const { scope } = revocation
    const key = 'tokenId' in scope ? `token ${scope.tokenId}` : 'issuedBefore' in scope ? `before ${scope.issuedBefore}` : `keys before ${toBase64Url(revocation.publicKey)}`
    let known = this.revocations.get(revocation.planId)
    if (known?.has(key)) return
    if (known === undefined) this.revocations.set(revocation.planId, (known = new Map()))
    known.set(key, { revocation, keys })
    forgetLater(() => {
      known.delete(key)
      if (known.size === 0 && this.revocations.get(revocation.planId) === known) this.revocations.delete(revocation.planId)
    })
  }

  private refusalFor(entry: Entry, now: number): string | undefined {
    if (this.deleted.has(entry.planId)) return DELETED_REASON
    const token = entry.token
    if (token === undefined) return undefined
    for (const { revocation, keys } of this.revocations.get(entry.planId)?.values() ?? []) if (revokes(revocation, token, keys)) return REVOKED_REASON
    if (token.expiresAt !== null && token.expiresAt <= now) return EXPIRED_REASON
    return undefined
  }

  private closeWhere(planId: string, matches: (entry: Entry) => boolean, reason: string): number {
    let closed = 0
    for (const entry of [...(this.byPlan.get(planId) ?? [])]) {
      if (!matches(entry)) continue
      this.remove(entry)
      entry.peer.refuse(CloseCode.forbidden, reason, 'forbidden')
      closed++
    }
    return closed
  }

  /** A connection stays no longer than its invitation: it is closed when the token expires. */
  private closeAtExpiry(entry: Entry, expiresAt: number, now: number): void {
    const wait = Math.min(Math.max(expiresAt - now, 0), MAX_TIMER_MS)
    entry.expiry = setTimeout(() => {
      const later = Date.now()
      if (later < expiresAt) return this.closeAtExpiry(entry, expiresAt, later)
      this.remove(entry)
      entry.peer.refuse(CloseCode.forbidden, EXPIRED_REASON, 'forbidden')
    }, wait)
    entry.expiry.unref()
  }

  private remove(entry: Entry): void {
    clearTimeout(entry.expiry)
    const entries = this.byPlan.get(entry.planId)
    if (entries === undefined) return
    entries.delete(entry)
    if (entries.size === 0) this.byPlan.delete(entry.planId)
  }
}

function forgetLater(forget: () => void): void {
  setTimeout(forget, REMEMBERED_MS).unref()
}

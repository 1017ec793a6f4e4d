import { verifyDeletion } from '../../shared/capabilities/deletion.ts'
import { buildKeyChain, extendKeyChain } from '../../shared/capabilities/handover.ts'
import type { KeyChain } from '../../shared/capabilities/keyChain.ts'
import { verifyRegistration } from '../../shared/capabilities/registration.ts'
import { DELETED_REASON, refusalCodeOf, REVOKED_REASON } from '../../shared/capabilities/refusals.ts'
import { readRevocation, revokes, verifyRevocation, type Revocation } from '../../shared/capabilities/revocation.ts'
import { verifyToken, type InvitationToken } from '../../shared/capabilities/token.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { MAX_HANDOVERS_PER_REQUEST, type PlanEndpointAnswers } from '../../shared/protocol/planEndpoints.ts'
import { planIdOfRoom } from '../../shared/protocol/rooms.ts'
import type { AccessChange } from '../fanout/fanout.ts'
import type { PlanRequestResult } from '../http/planEndpoints.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RefusalReason } from '../metrics/relayMetrics.ts'
import type { PlanRecords } from '../storage/planRecords.ts'
import { LiveConnections, type LivePeer } from './liveConnections.ts'

/** What a connection may do in its room, decided once when it connects. */
export type AccessDecision =
  | { ok: true; readOnly: boolean; token: InvitationToken | undefined }
  | { ok: false; code: number; reason: string; metric: RefusalReason }


export interface PlanAccessOptions {
  records: PlanRecords
  logger: Logger
  /**
   * Whether a connection without a token is refused (4401); see
   * Config.requireTokens. A token that is presented is checked either way.
   */
  requireTokens: boolean
  /** How far in the future a token's issuedAt may lie (KRING_MAX_CLOCK_SKEW_MS); default MAX_CLOCK_SKEW_MS. */
  maxClockSkewMs?: number
  /** Unloads a deleted plan's rooms from memory at once. */
  evictRoomsOf(planId: string): Promise<void>
  /** Tells the other relay instances of a revocation or deletion stored here (server/fanout). */
  announce?(change: AccessChange): void
}

/**
 * The relay's side of "regie bij de inwoner" (issues 5 and 11): who may
 * connect to a room, what they may do there, what happens when the household
 * takes access back or deletes its plan, which key speaks for a plan after
 * handovers, and the registry of invitations. Storage is the source of truth
 * for all of these, so every relay instance sharing it agrees and a restart
 * forgets nothing; connections on this instance are closed the moment a
 * revocation or deletion arrives here.
 */
export class PlanAccess {
  private readonly live = new LiveConnections()
  /** Each plan's chain as last built, with the stored texts it was built from: verified once, not at every connect. */
  private readonly chains = new Map<string, { texts: string; chain: KeyChain }>()
  private lastRecheck = Date.now()

  constructor(private readonly options: PlanAccessOptions) {}

  /** When this instance last learned from storage what changed lately (recheckRecent), ms since 1970; its start counts as one. */
  get recheckedAt(): number {
    return this.lastRecheck
  }

  /**
   * Brings the connections this instance holds in line with what storage says
   * changed within the last `windowMs` (revocations, handovers and deletions
   * stored by any instance): the periodic recheck (KRING_ACCESS_RECHECK_MS)
   * that does not rely on Redis. One query, then the plans held here that
   * changed are checked one by one. Rejects when storage cannot be asked.
   */
  async recheckRecent(windowMs: number): Promise<void> {
    const startedAt = Date.now()
    const changed = new Set(await this.options.records.plansChangedWithin(windowMs))
    for (const planId of this.live.plans) if (changed.has(planId)) await this.recheck(planId)
    this.lastRecheck = startedAt
  }

  /**
   * The keys that speak for a plan after its stored handovers (keyChain.ts),
   * read from storage every time (another instance may have stored one).
   */
  async keysOf(planId: string): Promise<KeyChain> {
    const texts = await this.options.records.handoversOf(planId)
    const joined = texts.join('\n')
    const known = this.chains.get(planId)
    if (known?.texts === joined) return known.chain
    const { chain, rejected } = await buildKeyChain(planId, texts)
    // Stored handovers were verified before they were stored; one that no longer fits is logged, never trusted.
    if (rejected.length > 0) this.options.logger.error({ planId, rejected: rejected.length }, 'stored handovers do not hold together')
    if (this.chains.size >= MAX_CACHED_CHAINS) this.chains.delete(this.chains.keys().next().value!)
    this.chains.set(planId, { texts: joined, chain })
    return chain
  }

  /**
   * Decides whether a connection to `room` presenting `tokenText` (from its
   * subprotocols or its `token` query parameter, or undefined) is let in, and
   * whether read-only. 4401 for a missing, malformed or forged token; 4403
   * for a genuine one that does not open this room, has expired, was revoked
   * or is dated in the future, and for a deleted plan.
   */
  async decide(room: string, tokenText: string | undefined): Promise<AccessDecision> {
    const planId = planIdOfRoom(room)
    let token: InvitationToken | undefined
    let readOnly = false
    const keys = await this.keysOf(planId)
    if (tokenText !== undefined || this.options.requireTokens) {
      const check = await verifyToken(tokenText, { room, now: Date.now(), maxClockSkewMs: this.options.maxClockSkewMs, keys })
      if (!check.ok) return { ok: false, code: check.code, reason: check.reason, metric: check.code === CloseCode.unauthorized ? 'unauthorized' : 'forbidden' }
      token = check.token
      readOnly = check.access === 'read'
    }
    if (await this.options.records.isPlanDeleted(planId)) return forbidden(DELETED_REASON)
    if (token !== undefined && (await this.isRevoked(token, keys))) return forbidden(REVOKED_REASON)
    return { ok: true, readOnly, token }
  }

  /**
   * Keeps an admitted connection in view, so a revocation or deletion arriving
   * later closes it at once and its token's expiry closes it on time. Returns
   * the function to call when the connection ends.
   */
  watch(room: string, token: InvitationToken | undefined, peer: LivePeer): () => void {
    return this.live.add(planIdOfRoom(room), token, peer, Date.now())
  }

  /**
   * Verifies and durably stores a signed revocation for `planId` (signed by
   * its current key), then closes live connections using the tokens it covers.
   */
  async revoke(planId: string, text: string): Promise<PlanRequestResult<PlanEndpointAnswers['revocations']>> {
    const keys = await this.keysOf(planId)
    const check = await verifyRevocation(text, planId, keys)
    if (!check.ok) return { ok: false, refusal: check.problem, message: check.reason }
    if (await this.options.records.isPlanDeleted(planId)) return { ok: false, refusal: 'deleted', message: 'This plan was deleted' }
    await this.options.records.addRevocation(planId, text)
    const closedConnections = this.live.revoke(check.revocation, keys)
    this.options.announce?.({ kind: 'revocation', planId, revocation: text })
    this.options.logger.info({ planId, closedConnections }, 'invitation revoked')
    return { ok: true, answer: { planId, revoked: check.revocation.scope, closedConnections } }
  }

  /**
   * Verifies a signed deletion for `planId`, then erases the plan: closes every
   * live connection to its rooms, deletes every stored byte of them (leaving
   * only the fact that the plan id is deleted) and unloads them from memory.
   * Deleting a deleted plan again changes nothing.
   */
  async deletePlan(planId: string, text: string): Promise<PlanRequestResult<PlanEndpointAnswers['deletion']>> {
    const check = await verifyDeletion(text, planId, await this.keysOf(planId))
    if (!check.ok) return { ok: false, refusal: check.problem, message: check.reason }
    const closedConnections = this.live.deletePlan(planId)
    await this.options.records.deletePlan(planId)
    await this.options.evictRoomsOf(planId)
    this.options.announce?.({ kind: 'deletion', planId })
    this.options.logger.info({ planId, closedConnections }, 'plan deleted')
    this.chains.delete(planId)
    return { ok: true, answer: { planId, deleted: true, closedConnections } }
  }

  /**
   * Takes signed handovers (one per line, in order): each must be the next
   * step of the plan's chain, signed by its current key; steps already stored
   * are taken again without change, so the whole chain can be posted to a
   * relay that lacks some or all of it. From the first new step on, the old
   * key's invitations, registrations, revocations and deletions are refused;
   * its tokens made before the handover keep working until revoked.
   */
  async handOver(planId: string, body: string): Promise<PlanRequestResult<PlanEndpointAnswers['handover']>> {
    const texts = body.split(/\s+/).filter((line) => line !== '')
    if (texts.length === 0 || texts.length > MAX_HANDOVERS_PER_REQUEST) {
      return { ok: false, refusal: 'malformed', message: `Send 1 to ${MAX_HANDOVERS_PER_REQUEST} handovers, one per line` }
    }
    if (await this.options.records.isPlanDeleted(planId)) return { ok: false, refusal: 'deleted', message: 'This plan was deleted' }
    let chain = await this.keysOf(planId)
    let taken = 0
    for (const text of texts) {
      const check = await extendKeyChain(chain, text)
      if (!check.ok) return { ok: false, refusal: check.problem, message: check.reason }
      if (check.isNew) {
        const stored = await this.options.records.addHandover(planId, check.handover.sequence, text)
        // Another instance stored a different handover for this step first: that one counts.
        if (stored !== text) return { ok: false, refusal: 'conflict', message: `handover ${check.handover.sequence} of this plan was made already` }
        taken++
      }
      chain = check.chain
    }
    if (taken > 0) this.options.logger.info({ planId, handovers: chain.handovers.length }, 'plan handed over')
    return { ok: true, answer: { planId, handedOver: true, handovers: chain.handovers.length } }
  }

  /** Verifies (signed by the plan's current key) and stores the registration of an invitation for the registry. */
  async register(planId: string, text: string): Promise<PlanRequestResult<PlanEndpointAnswers['invitations']>> {
    const check = await verifyRegistration(text, planId, await this.keysOf(planId))
    if (!check.ok) return { ok: false, refusal: check.problem, message: check.reason }
    if (await this.options.records.isPlanDeleted(planId)) return { ok: false, refusal: 'deleted', message: 'This plan was deleted' }
    await this.options.records.addRegistration(planId, check.registration.id, text)
    return { ok: true, answer: { planId, registered: check.registration.id } }
  }

  /**
   * What the relay holds about a plan's access, for a member: `tokenText` is
   * their own invitation, which must let them into the plan room now (genuine,
   * not expired, not revoked, the plan not deleted).
   */
  async accessRecords(planId: string, tokenText: string): Promise<PlanRequestResult<PlanEndpointAnswers['access']>> {
    const decision = await this.decide(planId, tokenText === '' ? undefined : tokenText)
    if (!decision.ok || decision.token === undefined) {
      const deleted = !decision.ok && decision.reason === DELETED_REASON
      if (deleted) return { ok: false, refusal: 'deleted', message: 'This plan was deleted' }
      // A device whose key handed the plan over learns it here, and forgets the key (client/relay/useRelayAccess.ts).
      if (!decision.ok && refusalCodeOf(decision.reason) === 'handed-over') return { ok: false, refusal: 'handed-over', message: 'This invitation was signed by a key that has handed this plan over' }
      return { ok: false, refusal: 'not-a-member', message: 'Only a member of this plan, with an invitation that lets them in, may see this' }
    }
    const [handovers, invitations, revocations] = await Promise.all([
      this.options.records.handoversOf(planId),
      this.options.records.registrationsOf(planId),
      this.options.records.revocationsOf(planId),
    ])
    return { ok: true, answer: { planId, handovers, invitations, revocations } }
  }

  /**
   * Applies what another relay instance announced to the connections this one
   * holds. Nothing is taken on the announcer's word: a revocation is verified
   * again and a deletion is looked up in storage, so whoever can publish on
   * Redis still cannot close people's connections.
   */
  async applyAnnounced(change: AccessChange): Promise<void> {
    if (change.kind === 'recheck') {
      for (const planId of this.live.plans) await this.recheck(planId)
      return
    }
    if (change.kind === 'deletion') return this.recheck(change.planId)
    const keys = await this.keysOf(change.planId)
    const check = await verifyRevocation(change.revocation, change.planId, keys)
    if (!check.ok) {
      this.options.logger.warn({ planId: change.planId }, 'ignored an announced revocation that does not verify')
      return
    }
    const closedConnections = this.live.revoke(check.revocation, keys)
    if (closedConnections > 0) this.options.logger.info({ planId: change.planId, closedConnections }, 'invitation revoked on another instance')
  }

  /** Brings this instance's connections to a plan in line with storage: deleted, or revoked tokens. */
  private async recheck(planId: string): Promise<void> {
    if (await this.options.records.isPlanDeleted(planId)) {
      const closedConnections = this.live.deletePlan(planId)
      await this.options.evictRoomsOf(planId)
      this.options.logger.info({ planId, closedConnections }, 'plan deleted on another instance')
      return
    }
    const keys = await this.keysOf(planId)
    for (const text of await this.options.records.revocationsOf(planId)) {
      const revocation = this.readStored(text)
      if (revocation !== undefined) this.live.revoke(revocation, keys)
    }
  }

  private async isRevoked(token: InvitationToken, keys: KeyChain): Promise<boolean> {
    const stored = await this.options.records.revocationsOf(token.planId)
    return stored.some((text) => {
      const revocation = this.readStored(text)
      return revocation !== undefined && revokes(revocation, token, keys)
    })
  }

  /** Stored revocations were verified before they were stored; one that cannot be read is logged and skipped. */
  private readStored(text: string): Revocation | undefined {
    try {
      return readRevocation(text)
    } catch (error) {
      this.options.logger.error({ err: errorSummary(error) }, 'a stored revocation cannot be read')
      return undefined
    }
  }
}

/** Plans whose chain is kept in memory at once; a busy relay builds the others again when asked. */
const MAX_CACHED_CHAINS = 10_000

function forbidden(reason: string): AccessDecision {
  return { ok: false, code: CloseCode.forbidden, reason, metric: 'forbidden' }
}

import { verifyDeletion } from '../../shared/capabilities/deletion.ts'
import { DELETED_REASON, REVOKED_REASON } from '../../shared/capabilities/refusals.ts'
import { readRevocation, revokes, verifyRevocation, type Revocation } from '../../shared/capabilities/revocation.ts'
import { verifyToken, type InvitationToken } from '../../shared/capabilities/token.ts'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import type { PlanEndpointAnswers } from '../../shared/protocol/planEndpoints.ts'
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
 * The relay's side of "regie bij de inwoner" (issue 5): who may connect to a
 * room, what they may do there, and what happens when the household takes
 * access back or deletes its plan. Storage is the source of truth for
 * revocations and deletions, so every relay instance sharing it agrees and a
 * restart forgets nothing; connections on this instance are closed the
 * moment a revocation or deletion arrives here.
 */
export class PlanAccess {
  private readonly live = new LiveConnections()

  constructor(private readonly options: PlanAccessOptions) {}

  /**
   * Decides whether a connection to `room` presenting `tokenText` (the `token`
   * query parameter, or undefined) is let in, and whether read-only. 4401 for
   * a missing, malformed or forged token; 4403 for a genuine one that does not
   * open this room, has expired, was revoked or is dated in the future, and
   * for a deleted plan.
   */
  async decide(room: string, tokenText: string | undefined): Promise<AccessDecision> {
    const planId = planIdOfRoom(room)
    let token: InvitationToken | undefined
    let readOnly = false
    if (tokenText !== undefined || this.options.requireTokens) {
      const check = await verifyToken(tokenText, { room, now: Date.now(), maxClockSkewMs: this.options.maxClockSkewMs })
      if (!check.ok) return { ok: false, code: check.code, reason: check.reason, metric: check.code === CloseCode.unauthorized ? 'unauthorized' : 'forbidden' }
      token = check.token
      readOnly = check.access === 'read'
    }
    if (await this.options.records.isPlanDeleted(planId)) return forbidden(DELETED_REASON)
    if (token !== undefined && (await this.isRevoked(token))) return forbidden(REVOKED_REASON)
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

  /** Verifies and durably stores a signed revocation for `planId`, then closes live connections using the tokens it covers. */
  async revoke(planId: string, text: string): Promise<PlanRequestResult<PlanEndpointAnswers['revocations']>> {
    const check = await verifyRevocation(text, planId)
    if (!check.ok) return { ok: false, refusal: check.problem, message: check.reason }
    if (await this.options.records.isPlanDeleted(planId)) return { ok: false, refusal: 'deleted', message: 'This plan was deleted' }
    await this.options.records.addRevocation(planId, text)
    const closedConnections = this.live.revoke(check.revocation)
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
    const check = await verifyDeletion(text, planId)
    if (!check.ok) return { ok: false, refusal: check.problem, message: check.reason }
    const closedConnections = this.live.deletePlan(planId)
    await this.options.records.deletePlan(planId)
    await this.options.evictRoomsOf(planId)
    this.options.announce?.({ kind: 'deletion', planId })
    this.options.logger.info({ planId, closedConnections }, 'plan deleted')
    return { ok: true, answer: { planId, deleted: true, closedConnections } }
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
    const check = await verifyRevocation(change.revocation, change.planId)
    if (!check.ok) {
      this.options.logger.warn({ planId: change.planId }, 'ignored an announced revocation that does not verify')
      return
    }
    const closedConnections = this.live.revoke(check.revocation)
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
    for (const text of await this.options.records.revocationsOf(planId)) {
      const revocation = this.readStored(text)
      if (revocation !== undefined) this.live.revoke(revocation)
    }
  }

  private async isRevoked(token: InvitationToken): Promise<boolean> {
    const stored = await this.options.records.revocationsOf(token.planId)
    return stored.some((text) => {
      const revocation = this.readStored(text)
      return revocation !== undefined && revokes(revocation, token)
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

function forbidden(reason: string): AccessDecision {
  return { ok: false, code: CloseCode.forbidden, reason, metric: 'forbidden' }
}

import * as Y from 'yjs'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { importDigest, verifyPlanRequest, type PlanRequest, type PlanRequestKind } from '../../shared/capabilities/planRequest.ts'
import type { ImportBody, PlanEndpointAnswers } from '../../shared/protocol/planEndpoints.ts'
import { ROOM_KINDS, roomName, type RoomKind } from '../../shared/protocol/rooms.ts'
import type { PlanRequestResult } from '../http/planEndpoints.ts'
import type { Logger } from '../log.ts'
import type { KeyChain } from '../../shared/capabilities/keyChain.ts'
import type { PlanRecords } from '../storage/planRecords.ts'
import type { RoomLog } from '../storage/roomLog.ts'

export interface PlanTransferOptions {
  log: RoomLog
  records: PlanRecords
  logger: Logger
  /** Unloads a room from memory (its connections come back and load what is stored), before an import writes it. */
  evictRoom(room: string): Promise<void>
  /** The keys that speak for a plan after its handovers (PlanAccess.keysOf): a request must be signed by the current one. */
  keysOf?(planId: string): Promise<KeyChain>
  now?: () => number
}

/**
 * The relay's side of taking a plan along (issue 12): an export of every
 * room it holds of a plan, and creating a plan from an export, each for a
 * request signed by the plan key (shared/capabilities/planRequest.ts).
 * Nobody without the key gets a byte. A signed request is used once: its
 * nonce is remembered until it expires (on this instance; a request's short
 * life bounds what a replay on another instance could ever get, and only the
 * key holder's own data travels).
 *
 * The export is what the relay holds durably: an update accepted in the last
 * 100 ms may not be in it yet (architecture.md, decision 5).
 */
export class PlanTransfer {
  private readonly used = new Map<string, number>()

  constructor(private readonly options: PlanTransferOptions) {}

  /** Every room of the plan as stored, for a signed export request. */
  async exportPlan(planId: string, text: string): Promise<PlanRequestResult<PlanEndpointAnswers['export']>> {
    const checked = await this.check(text, 'exportRequest', planId)
    if (!checked.ok) return checked
    const rooms: Partial<Record<RoomKind, string>> = {}
    for (const kind of ROOM_KINDS) {
      const state = await this.options.log.load(roomName(planId, kind))
      if (state) rooms[kind] = toBase64(state)
    }
    this.options.logger.info({ planId, rooms: Object.keys(rooms).length }, 'plan exported')
    return { ok: true, answer: { planId, rooms } }
  }

  /**
   * Creates a plan from an import body (JSON ImportBody): refused when the
   * relay holds anything of the plan already, when a room is no readable
   * Yjs state, or when the signature does not cover exactly these rooms.
   */
  async importPlan(planId: string, text: string): Promise<PlanRequestResult<PlanEndpointAnswers['import']>> {
    const body = readImportBody(text)
    if (!body) return { ok: false, refusal: 'malformed', message: 'An import is JSON { "request": <signed import request>, "rooms": { <room>: <base64 Yjs state> } }' }
    const states: Partial<Record<RoomKind, Uint8Array>> = {}
    for (const [kind, state] of Object.entries(body.rooms) as [RoomKind, string][]) {
      const bytes = readState(state)
      if (!bytes) return { ok: false, refusal: 'malformed', message: `The ${kind} room is no readable Yjs state` }
      states[kind] = bytes
    }
    if (!states.plan) return { ok: false, refusal: 'malformed', message: 'An import needs the plan room' }
    const checked = await this.check(body.request, 'importRequest', planId)
    if (!checked.ok) return checked
    const digest = await importDigest(states)
    if (!sameBytes(digest, checked.request.digest)) return { ok: false, refusal: 'forged', message: 'The signed import request is for other content' }
    for (const kind of ROOM_KINDS) {
      if (await this.options.log.load(roomName(planId, kind))) return { ok: false, refusal: 'not-empty', message: 'The relay holds this plan already; an import makes a new plan' }
    }
    const kinds = ROOM_KINDS.filter((kind) => states[kind])
    for (const kind of kinds) await this.options.evictRoom(roomName(planId, kind))
    // Together: storage commits appends in groups (SQLite gathers them for most of the durability window, commitPacing.ts), one after the other would wait for each.
    await Promise.all(kinds.map((kind) => this.options.log.append(roomName(planId, kind), states[kind]!)))
    this.options.logger.info({ planId, rooms: kinds.length }, 'plan imported')
    return { ok: true, answer: { planId, rooms: kinds } }
  }

  private async check(text: string, kind: PlanRequestKind, planId: string): Promise<{ ok: true; request: PlanRequest } | { ok: false; refusal: 'malformed' | 'forged' | 'other-plan' | 'handed-over' | 'expired' | 'replayed' | 'deleted'; message: string }> {
    const now = this.options.now?.() ?? Date.now()
    const check = await verifyPlanRequest(text, kind, planId, now, await this.options.keysOf?.(planId))
    if (!check.ok) return { ok: false, refusal: check.problem, message: check.reason }
    this.forgetExpired(now)
    if (this.used.has(check.request.nonce)) return { ok: false, refusal: 'replayed', message: 'This signed request was used already; sign a new one' }
    this.used.set(check.request.nonce, check.request.expiresAt)
    if (await this.options.records.isPlanDeleted(planId)) return { ok: false, refusal: 'deleted', message: 'This plan was deleted' }
    return check
  }

  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.used) if (expiresAt < now) this.used.delete(nonce)
  }
}

function readImportBody(text: string): ImportBody | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (value === null || typeof value !== 'object') return null
  const { request, rooms } = value as Record<string, unknown>
  if (typeof request !== 'string' || rooms === null || typeof rooms !== 'object' || Array.isArray(rooms)) return null
  const entries = Object.entries(rooms)
  if (entries.some(([kind, state]) => !(ROOM_KINDS as readonly string[]).includes(kind) || typeof state !== 'string')) return null
  return { request, rooms: rooms as ImportBody['rooms'] }
}

/** Base64 Yjs state that applies whole; null for anything else. */
function readState(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  try {
    const bytes = fromBase64(text)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, bytes)
    const whole = doc.store.pendingStructs === null && doc.store.pendingDs === null
    doc.destroy()
    return whole ? bytes : null
  } catch {
    return null
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

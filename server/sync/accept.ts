import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/closeCodes.ts'
import { planIdOfRoom } from '../../shared/protocol/rooms.ts'
import { ACCESS_UNCHECKED_REASON } from '../access/accessRecheck.ts'
import type { NewPlanGate } from '../access/newPlans.ts'
import type { PlanAccess } from '../access/planAccess.ts'
import type { Config } from '../config.ts'
import { TOO_MANY_CONNECTIONS, type ClientGate } from '../http/clientGate.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import { RelayClosingError, RelayFullError, type RoomRegistry } from '../rooms/roomRegistry.ts'
import { StorageCorruptError } from '../storage/roomLog.ts'
import { admit, queryParameter, type Admission } from './admission.ts'
import { Connection } from './connection.ts'
import { RelayCloseCode } from './relayCloseCodes.ts'

export interface AcceptDeps {
  config: Config
  logger: Logger
  metrics: RelayMetrics
  access: PlanAccess
  newPlans: NewPlanGate
  rooms: RoomRegistry
  gate: ClientGate
  /** Whether this instance can tell what other instances revoked or deleted (server/access/accessRecheck.ts); while not, refused with 1013. */
  exchangeOpen(): boolean
  keepaliveMs: number
}

/**
 * What happens to a websocket once the handshake is done, in order: its
 * address within its share of connections, the room name and invitation
 * (admission.ts, PlanAccess), a plan new to this relay within its address's
 * share or with an operator's admission (NewPlanGate), then the room opened
 * (or refused when the relay or the room is full) and the connection bound
 * to it. Every refusal
 * closes with a code that says why (shared/protocol/closeCodes.ts) and is
 * counted by reason.
 */
export function createAcceptor(deps: AcceptDeps): (ws: WebSocket, request: IncomingMessage, socket: Duplex) => Promise<void> {
  const { config, logger, metrics, access, newPlans, rooms, gate } = deps
  return async (ws, request, socket) => {
    const connection = new Connection(ws, {
      logger,
      metrics,
      maxMessagesPerSecond: config.limits.maxMessagesPerSecond,
      messageBurst: config.limits.messageBurst,
      keepaliveMs: deps.keepaliveMs,
      maxBufferedBytes: config.limits.maxBufferedBytes,
      socket,
    })
    const release = gate.holdUpgrade(request)
    if (release === undefined) return connection.refuse(CloseCode.rateLimited, TOO_MANY_CONNECTIONS, 'too_many_connections')
    ws.once('close', release)
    const unchecked = () => connection.refuse(RelayCloseCode.accessUnchecked, ACCESS_UNCHECKED_REASON, 'access_unchecked')
    if (!deps.exchangeOpen()) return unchecked()

    const admission: Admission = await admit(request, { maxRoomNameLength: config.limits.maxRoomNameLength, access }).catch(
      (error: unknown): Admission => {
        // Access is checked against storage (deletions, revocations); while storage is away, refuse and count it.
        logger.warn({ err: errorSummary(error) }, 'access could not be checked')
        return { admitted: false, code: RelayCloseCode.storageUnavailable, reason: 'The relay cannot check access right now; try again later', metric: 'storage_unavailable' }
      },
    )
    if (!admission.admitted) return connection.refuse(admission.code, admission.reason, admission.metric)
    // Watched from admission on, so a revocation or deletion that lands while the room loads still closes it.
    const unwatch = access.watch(admission.room, admission.token, connection)
    if (connection.isClosed) {
      // Revoked, deleted or gone while being admitted: load no room for nobody (it would hold a place under maxRooms until idle).
      unwatch()
      return
    }
    ws.once('close', unwatch)
    try {
      const plan = await newPlans.decide(planIdOfRoom(admission.room), gate.addressOf(request), queryParameter(request.url ?? '', 'admission'))
      if (connection.isClosed) return
      if (!plan.ok) return connection.refuse(plan.code, plan.reason, plan.metric)
      const room = await rooms.open(admission.room, { held: plan.held })
      if (connection.isClosed) return
      if (!deps.exchangeOpen()) return unchecked()
      if (room.peerCount >= config.limits.maxConnectionsPerRoom) {
        return connection.refuse(CloseCode.relayFull, 'This room has as many connections as it may; try again later', 'room_full')
      }
      connection.bind(room, { readOnly: admission.readOnly, person: admission.token?.person ?? null })
    } catch (error) {
      if (error instanceof RelayFullError) {
        connection.refuse(CloseCode.relayFull, 'The relay holds as many rooms as it may; try again later', 'relay_full')
      } else if (error instanceof RelayClosingError) {
        connection.refuse(CloseCode.goingAway, 'Relay is shutting down; reconnect', 'relay_full')
      } else if (error instanceof StorageCorruptError) {
        connection.refuse(RelayCloseCode.storageUnavailable, "The relay cannot read this room's stored data", 'storage_corrupt')
      } else {
        connection.refuse(RelayCloseCode.storageUnavailable, 'The relay cannot open this room right now; try again later', 'storage_unavailable')
      }
    }
  }
}

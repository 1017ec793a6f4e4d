import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { WebSocketServer, type WebSocket } from 'ws'
import { DELETED_REASON } from '../shared/capabilities/refusals.ts'
import { CloseCode } from '../shared/protocol/closeCodes.ts'
import { roomsOfPlan } from '../shared/protocol/rooms.ts'
import { PlanAccess } from './access/planAccess.ts'
import { loadConfig, withOverrides, type Config, type ConfigOverrides } from './config.ts'
import type { FanOut } from './fanout/fanout.ts'
import { openFanOut } from './fanout/openFanOut.ts'
import { handlePlanRequest } from './http/planEndpoints.ts'
import { createRequestHandler } from './http/requestHandler.ts'
import { createLogger, errorSummary, type Logger } from './log.ts'
import { measuredStorage } from './metrics/measuredStorage.ts'
import { RelayMetrics } from './metrics/relayMetrics.ts'
import { RelayClosingError, RelayFullError, RoomRegistry } from './rooms/roomRegistry.ts'
import { openStorage } from './storage/openStorage.ts'
import { StorageCorruptError } from './storage/roomLog.ts'
import type { Storage } from './storage/storage.ts'
import { admit, isSyncPath, type Admission } from './sync/admission.ts'
import { Connection } from './sync/connection.ts'
import { RelayCloseCode } from './sync/relayCloseCodes.ts'

export interface RelayOptions {
  /**
   * Settings on top of the documented defaults (not the environment: `npm
   * start` passes `loadConfig()` here). Unlike `loadConfig`, the defaults
   * here listen on a free port (0) on 127.0.0.1, which is what tests want.
   */
  config?: ConfigOverrides
  /** Where rooms are stored; default: `openStorage(config)`. The relay closes it on `close()`. */
  storage?: Storage
  /** The built client to serve; default `dist/client` of this repository; null serves no app. */
  staticDir?: string | null
  logger?: Logger
  /** How rooms reach other relay instances; default: `openFanOut(config)` (Redis when REDIS_URL is set). The relay closes it on `close()`. */
  fanOut?: FanOut
  /** Handles plain HTTP requests the relay does not (Vite's dev middleware in `npm run dev`). */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void
  /** How often to ping clients; default 30 s. */
  keepaliveMs?: number
}

export interface Relay {
  /** The port the relay listens on (the real one when 0 was asked for). */
  port: number
  /** `http://127.0.0.1:<port>`; websockets are at `ws://127.0.0.1:<port>/sync/<room>`. */
  url: string
  httpServer: Server
  metrics: RelayMetrics
  /**
   * Graceful shutdown: stops accepting, stores and compacts every room,
   * closes every websocket with 1001 (going away), then closes storage.
   */
  close(): Promise<void>
}

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/client', import.meta.url))
const DEFAULT_KEEPALIVE_MS = 30_000
/** How long closing sockets get to answer our close frame before they are cut. */
const CLOSE_GRACE_MS = 2_000

/**
 * Starts a relay: one HTTP server with the y-websocket protocol on `/sync/*`,
 * `/healthz`, `/metrics` and the built client. Resolves once it listens.
 */
export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const config: Config = withOverrides({ ...loadConfig({}), port: 0, host: '127.0.0.1' }, options.config)
  const logger = options.logger ?? createLogger(config.logLevel)
  let registry: RoomRegistry | undefined
  const metrics = new RelayMetrics({
    connections: () => registry?.connectionCount ?? 0,
    roomsOpen: () => registry?.roomCount ?? 0,
  })
  const storage = measuredStorage(options.storage ?? (await openStorage(config, { logger })), metrics)
  const fanOut = options.fanOut ?? (await openFanOut(config, { storage, logger }).catch(closeOnFailure(storage)))
  const rooms = new RoomRegistry({
    storage,
    fanOut,
    logger,
    metrics,
    maxRooms: config.limits.maxRooms,
    roomIdleMs: config.limits.roomIdleMs,
  })
  registry = rooms
  const access = new PlanAccess({
    records: storage,
    logger,
    requireTokens: config.requireTokens,
    evictRoomsOf: async (planId) => {
      await Promise.all(roomsOfPlan(planId).map((room) => rooms.evict(room, CloseCode.forbidden, DELETED_REASON)))
    },
    announce: (change) => {
      fanOut.announceAccessChange(change).catch((error: unknown) => logger.warn({ err: errorSummary(error) }, 'could not tell other relay instances of an access change'))
    },
  })
  // A revocation or deletion sent to another instance closes the connections it concerns here too.
  fanOut.onAccessChange((change) => {
    access.applyAnnounced(change).catch((error: unknown) => logger.error({ err: errorSummary(error) }, 'could not apply an access change from another relay instance'))
  })
  if (!config.requireTokens) logger.warn('KRING_REQUIRE_TOKENS=false: anyone who knows a plan id can read and write it; for development only')

  const httpServer = createServer(
    createRequestHandler({
      logger,
      staticDir: options.staticDir === undefined ? DEFAULT_STATIC_DIR : options.staticDir,
      fallback: options.fallback,
      metrics: () => metrics.render(),
      plans: (request, response, path) =>
        handlePlanRequest({ revocations: (planId, text) => access.revoke(planId, text), deletion: (planId, text) => access.deletePlan(planId, text) }, request, response, path),
      health: async () => {
        const [storageOk, fanOutOk] = await Promise.all([
          storage.healthy().catch(() => false),
          fanOut.healthy().catch(() => false),
        ])
        return {
          ok: storageOk,
          rooms: rooms.roomCount,
          connections: rooms.connectionCount,
          storage: storage.kind,
          storageOk,
          fanOut: fanOut.kind,
          fanOutOk,
        }
      },
    }),
  )
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes })
  let closing = false

  const accept = async (ws: WebSocket, request: IncomingMessage): Promise<void> => {
    const connection = new Connection(ws, {
      logger,
      metrics,
      maxMessagesPerSecond: config.limits.maxMessagesPerSecond,
      messageBurst: config.limits.messageBurst,
      keepaliveMs: options.keepaliveMs ?? DEFAULT_KEEPALIVE_MS,
    })
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
      const room = await rooms.open(admission.room)
      if (connection.isClosed) return
      if (room.peerCount >= config.limits.maxConnectionsPerRoom) {
        return connection.refuse(CloseCode.relayFull, 'This room has as many connections as it may; try again later', 'room_full')
      }
      connection.bind(room, { readOnly: admission.readOnly })
    } catch (error) {
      if (error instanceof RelayFullError) {
        connection.refuse(CloseCode.relayFull, 'The relay holds as many rooms as it may; try again later', 'relay_full')
      } else if (error instanceof RelayClosingError) {
        connection.refuse(CloseCode.goingAway, 'Relay is shutting down; reconnect', 'relay_full')
      } else if (error instanceof StorageCorruptError) {
        connection.refuse(RelayCloseCode.storageUnavailable, 'The relay cannot read this room\'s stored data', 'storage_corrupt')
      } else {
        connection.refuse(RelayCloseCode.storageUnavailable, 'The relay cannot open this room right now; try again later', 'storage_unavailable')
      }
    }
  }

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isSyncPath(request.url ?? '')) {
      // Another listener (Vite's HMR in dev) may want this upgrade; alone, refuse it.
      if (httpServer.listenerCount('upgrade') === 1) socket.destroy()
      return
    }
    if (closing) {
      socket.destroy()
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      accept(ws, request).catch((error: unknown) => {
        logger.error({ err: errorSummary(error) }, 'connection could not be set up')
        ws.terminate()
      })
    })
  })

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject)
      resolve()
    })
  })
  const port = (httpServer.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  logger.info({ address: url, storage: storage.kind, fanOut: fanOut.kind }, 'relay listening')

  let closed: Promise<void> | undefined
  const closeOnce = async (): Promise<void> => {
    closing = true
    const serverClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
    httpServer.closeIdleConnections()
    await rooms.close()
    // Connections still waiting for admission or a room load never joined one.
    for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'Relay is shutting down; reconnect')
    const cut = setTimeout(() => {
      for (const ws of wss.clients) ws.terminate()
      httpServer.closeAllConnections()
    }, CLOSE_GRACE_MS)
    cut.unref()
    await serverClosed
    clearTimeout(cut)
    await new Promise<void>((resolve) => wss.close(() => resolve()))
    await fanOut.close()
    await storage.close()
    logger.info({ address: url }, 'relay stopped')
  }

  return {
    port,
    url,
    httpServer,
    metrics,
    close: () => (closed ??= closeOnce()),
  }
}

/** For a failed start: closes what was already opened, then rethrows. */
function closeOnFailure(opened: { close(): Promise<void> }): (error: unknown) => Promise<never> {
  return async (error) => {
    await opened.close().catch(() => {})
    throw error
  }
}

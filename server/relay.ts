import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { WebSocketServer } from 'ws'
import { DELETED_REASON } from '../shared/capabilities/refusals.ts'
import { CloseCode } from '../shared/protocol/closeCodes.ts'
import { roomsOfPlan } from '../shared/protocol/rooms.ts'
import { startAccessRecheck } from './access/accessRecheck.ts'
import { NewPlanGate } from './access/newPlans.ts'
import { PlanAccess } from './access/planAccess.ts'
import { loadConfig, withOverrides, type Config, type ConfigOverrides } from './config.ts'
import type { FanOut } from './fanout/fanout.ts'
import { openFanOut } from './fanout/openFanOut.ts'
import { ClientGate } from './http/clientGate.ts'
import { startMetricsServer } from './http/metricsEndpoint.ts'
import { meetingCodeLookup } from './http/meetingCodeLookup.ts'
import { handlePlanRequest } from './http/planEndpoints.ts'
import { MeetingCodes } from './meetings/meetingCodes.ts'
import { PlanTransfer } from './access/planTransfer.ts'
import { createRequestHandler } from './http/requestHandler.ts'
import { createLogger, errorSummary, type Logger } from './log.ts'
import { measuredStorage } from './metrics/measuredStorage.ts'
import { RelayMetrics } from './metrics/relayMetrics.ts'
import { AddressRates } from './quotas/addressRates.ts'
import { RoomRegistry } from './rooms/roomRegistry.ts'
import { openStorage } from './storage/openStorage.ts'
import type { Storage } from './storage/storage.ts'
import { createAcceptor } from './sync/accept.ts'
import { answerProtocol, isSyncPath } from './sync/admission.ts'
import { startCompactor } from './updates/compactor.ts'
import { waitAtMost } from './waitAtMost.ts'

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
  /** The relay's clock for what expires by it (meeting codes), ms since 1970; default Date.now. */
  now?: () => number
}

export interface Relay {
  /** The port the relay listens on (the real one when 0 was asked for). */
  port: number
  /** `http://127.0.0.1:<port>`; websockets are at `ws://127.0.0.1:<port>/sync/<room>`. */
  url: string
  /** The metrics listener's base URL (`<it>/metrics`), when KRING_METRICS_PORT asked for one. */
  metricsUrl: string | undefined
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
/** How long the relay waits for its compactor to start before it listens all the same: a worker that never answers must not keep it from serving. */
const COMPACTOR_START_WAIT_MS = 10_000

/**
 * Starts a relay: one HTTP server with the y-websocket protocol on `/sync/*`,
 * `/healthz`, `/plans/*`, the built client and `/metrics` when a token opens
 * it, plus a metrics listener of its own when configured. Resolves once it listens.
 */
export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const config: Config = withOverrides({ ...loadConfig({}), port: 0, host: '127.0.0.1' }, options.config)
  const logger = options.logger ?? createLogger(config.logLevel)
  let registry: RoomRegistry | undefined
  const metrics = new RelayMetrics(
    {
      connections: () => registry?.connectionCount ?? 0,
      roomsOpen: () => registry?.roomCount ?? 0,
      roomsUnreadable: () => registry?.unreadableRooms.length ?? 0,
    },
    // Node's own figures only where `/metrics` is served: collecting them wakes the relay a hundred times a second.
    { processMetrics: config.metricsPort !== undefined || config.metricsToken !== undefined },
  )
  // Started beside storage, so that its start-up is paid before the relay listens, not during someone's typing.
  const compactorStarted = startCompactor().catch((error: unknown) => {
    // The error says what rooms do without it (compactor.ts).
    logger.error({ err: errorSummary(error) }, 'the compactor could not start')
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
    maxPlanBytes: config.limits.maxPlanBytes,
    maxPendingBytes: config.limits.maxPendingBytes,
    compactWhen: { quietMs: config.limits.compactWhenQuietMs, atLatestMs: config.limits.compactAtLatestMs },
  })
  registry = rooms
  const access = new PlanAccess({
    records: storage,
    logger,
    requireTokens: config.requireTokens,
    maxClockSkewMs: config.limits.maxClockSkewMs,
    evictRoomsOf: async (planId) => {
      await Promise.all(roomsOfPlan(planId).map((room) => rooms.evict(room, CloseCode.forbidden, DELETED_REASON)))
    },
    announce: (change) => {
      fanOut.announceAccessChange(change).catch((error: unknown) => logger.warn({ err: errorSummary(error) }, 'could not tell other relay instances of an access change'))
    },
  })
  const transfer = new PlanTransfer({
    log: storage,
    records: storage,
    logger,
    // An import is for a new plan; a device that joined it empty meanwhile reconnects and loads what was imported.
    evictRoom: (room) => rooms.evict(room, CloseCode.goingAway, 'plan imported'),
    keysOf: (planId) => access.keysOf(planId),
  })
  // A revocation or deletion sent to another instance closes the connections it concerns here too.
  fanOut.onAccessChange((change) => {
    access.applyAnnounced(change).catch((error: unknown) => logger.error({ err: errorSummary(error) }, 'could not apply an access change from another relay instance'))
  })
  if (!config.requireTokens) logger.warn('KRING_REQUIRE_TOKENS=false: anyone who knows a plan id can read and write it; for development only')

  const meetingCodes = new MeetingCodes({
    records: storage,
    access,
    logger,
    lifetimeMs: config.limits.meetingCodeMinutes * 60_000,
    maxClockSkewMs: config.limits.maxClockSkewMs,
    now: options.now ?? Date.now,
  })
  const gate = new ClientGate({ clientAddressHeader: config.clientAddressHeader, maxConnectionsPerAddress: config.limits.maxConnectionsPerAddress, logger, metrics })
  const planRates = new AddressRates(config.limits.maxPlanRequestsPerMinute / 60, config.limits.planRequestBurst)
  const codeTries = new AddressRates(config.limits.maxCodeTriesPerMinute / 60, config.limits.codeTryBurst)
  const renderMetrics = () => metrics.render()
  const httpServer = createServer(
    {
      // A client gets this long for its headers, and for its whole request; Node checks every second.
      headersTimeout: config.limits.httpHeadersTimeoutMs,
      requestTimeout: config.limits.httpRequestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.limits.httpHeadersTimeoutMs),
    },
    createRequestHandler({
      logger,
      staticDir: options.staticDir === undefined ? DEFAULT_STATIC_DIR : options.staticDir,
      fallback: options.fallback,
      metrics: { source: renderMetrics, token: config.metricsToken },
      gate,
      planRates,
      relayMetrics: metrics,
      plans: (request, response, path) =>
        handlePlanRequest(
          {
            revocations: (planId, text) => access.revoke(planId, text),
            deletion: (planId, text) => access.deletePlan(planId, text),
            export: (planId, text) => transfer.exportPlan(planId, text),
            import: (planId, text) => transfer.importPlan(planId, text),
            handover: (planId, text) => access.handOver(planId, text),
            invitations: (planId, text) => access.register(planId, text),
            access: (planId, text) => access.accessRecords(planId, text),
            'meeting-code': (planId, text) => meetingCodes.create(planId, text),
          },
          request,
          response,
          path,
          { import: config.limits.maxImportBytes },
        ),
      meetingCodes: meetingCodeLookup({ codes: meetingCodes, tries: codeTries, addressOf: (request) => gate.addressOf(request), metrics }),
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
          unreadableRooms: rooms.unreadableRooms.length,
          fanOut: fanOut.kind,
          fanOutOk,
        }
      },
    }),
  )
  gate.watch(httpServer)
  // No compression offered (ws's default, said out loud): broadcasts write frames prepared once for all peers (server/sync/wireFrame.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes, handleProtocols: answerProtocol, perMessageDeflate: false })
  let closing = false

  const newPlans = new NewPlanGate({
    records: storage,
    admissionKey: config.admissionPublicKey,
    maxNewPlansPerAddressPerHour: config.limits.maxNewPlansPerAddressPerHour,
    logger,
  })
  const recheck = startAccessRecheck({
    access,
    fanOut,
    rooms,
    logger,
    intervalMs: config.limits.accessRecheckMs,
    outageLimitMs: config.limits.redisOutageLimitMs,
  })
  const accept = createAcceptor({
    config,
    logger,
    metrics,
    access,
    newPlans,
    rooms,
    gate,
    exchangeOpen: recheck.open,
    keepaliveMs: options.keepaliveMs ?? DEFAULT_KEEPALIVE_MS,
  })

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
      accept(ws, request, socket).catch((error: unknown) => {
        logger.error({ err: errorSummary(error) }, 'connection could not be set up')
        ws.terminate()
      })
    })
  })

  if (!(await waitAtMost(compactorStarted.then(() => true), COMPACTOR_START_WAIT_MS, false))) {
    logger.warn('the compactor has not answered yet; the relay listens all the same, and rooms compact once it does')
  }
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject)
      resolve()
    })
  })
  const port = (httpServer.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  const metricsServer =
    config.metricsPort === undefined
      ? undefined
      : await startMetricsServer({ port: config.metricsPort, host: config.metricsHost, source: renderMetrics, timeoutMs: config.limits.httpRequestTimeoutMs }).catch(
          async (error: unknown) => {
            await new Promise<void>((resolve) => httpServer.close(() => resolve()))
            await fanOut.close()
            await storage.close()
            throw new Error(`Cannot serve metrics on ${config.metricsHost}:${config.metricsPort} (KRING_METRICS_PORT): ${errorSummary(error).message}`, { cause: error })
          },
        )
  logger.info({ address: url, metrics: metricsServer?.url, storage: storage.kind, fanOut: fanOut.kind }, 'relay listening')

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
    if (metricsServer !== undefined) await new Promise<void>((resolve) => metricsServer.server.close(() => resolve()))
    planRates.close()
    codeTries.close()
    newPlans.close()
    recheck.stop()
    await fanOut.close()
    await storage.close().catch((error: unknown) => {
      // Every device still holds what it wrote, and sends it again to the next relay that lacks it.
      logger.error({ err: errorSummary(error) }, 'storage did not close cleanly; its last edits may not be on disk')
    })
    logger.info({ address: url }, 'relay stopped')
  }

  return {
    port,
    url,
    metricsUrl: metricsServer?.url,
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

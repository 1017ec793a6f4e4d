import type { IncomingMessage, ServerResponse } from 'node:http'
import { MEETING_CODE_PATH_PREFIX, PLAN_PATH_PREFIX } from '../../shared/protocol/planEndpoints.ts'
import { errorSummary, type Logger } from '../log.ts'
import type { RelayMetrics } from '../metrics/relayMetrics.ts'
import type { AddressRates } from '../quotas/addressRates.ts'
import type { ClientGate } from './clientGate.ts'
import { sendHealth, type Health } from './health.ts'
import { metricsAllowed, sendMetrics, type MetricsSource } from './metricsEndpoint.ts'
import { applySecurityHeaders } from './securityHeaders.ts'
import { createStaticHandler } from './staticFiles.ts'

export interface RequestHandlerOptions {
  logger: Logger
  health(): Promise<Health>
  /** `/metrics` on this port: served only with this bearer token (KRING_METRICS_TOKEN); absent, not served here. */
  metrics?: { source: MetricsSource; token: string | undefined }
  /** Handles `/plans/...`: signed revocations and deletions (server/http/planEndpoints.ts). */
  plans?(request: IncomingMessage, response: ServerResponse, path: string): Promise<void>
  /** Handles `GET /meeting-codes/<code>`: a meeting's short code looked up (server/http/meetingCodeLookup.ts). */
  meetingCodes?(request: IncomingMessage, response: ServerResponse, path: string): Promise<void>
  /** Who may have how many requests under way (KRING_MAX_CONNECTIONS_PER_ADDRESS). */
  gate?: ClientGate
  /** How fast one address may post to `/plans/*` (KRING_MAX_PLAN_REQUESTS_PER_MINUTE). */
  planRates?: AddressRates
  relayMetrics?: RelayMetrics
  /** Folder of the built client to serve, or null to serve no app. */
  staticDir: string | null
  /** Handles what nothing else does (the Vite dev middleware in `npm run dev`). */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void
}

/**
 * The relay's plain HTTP side: `/healthz`, `/metrics` (with its token),
 * `/plans/...` (signed revocations and deletions, rate limited per address),
 * `/meeting-codes/<code>` (wrong tries limited per address), then the built client (or the dev fallback), every answer with the
 * security headers (securityHeaders.ts). Only `/plans/...` reads a request
 * body, up to its endpoint's size; a body sent anywhere else is refused
 * (413) before it is read. Everything the app itself means lives in the client.
 */
export function createRequestHandler(options: RequestHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const serveStatic = options.staticDir === null ? undefined : createStaticHandler(options.staticDir)
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    // Every answer, the relay's own endpoints and errors included; Vite's dev server runs inline scripts, so it goes without the CSP.
    applySecurityHeaders(response, { withoutCsp: options.fallback !== undefined })
    if (options.gate !== undefined && !options.gate.holdRequest(request, response)) return
    const isPlanRequest = path.startsWith(PLAN_PATH_PREFIX) && options.plans !== undefined
    if (!isPlanRequest && options.fallback === undefined && hasBody(request)) return refuseBody(response, options.relayMetrics)
    if (path === '/healthz') return sendHealth(response, await options.health())
    if (path === '/metrics') {
      if (options.metrics?.token === undefined) {
        // Not the app's page either: a probe learns nothing here.
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
        return
      }
      if (!metricsAllowed(request, options.metrics.token)) {
        options.relayMetrics?.refusedRequest('metrics_unauthorized')
        response.writeHead(401, { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'text/plain; charset=utf-8' }).end('A bearer token is required\n')
        return
      }
      return sendMetrics(response, options.metrics.source)
    }
    if (isPlanRequest) {
      if (options.planRates !== undefined && options.gate !== undefined && !options.planRates.take(options.gate.addressOf(request))) {
        options.relayMetrics?.refusedRequest('rate_limited')
        response
          .writeHead(429, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(options.planRates.retryAfterSeconds), Connection: 'close' })
          .end(JSON.stringify({ code: 'rate-limited', error: 'Too many requests from your address; try again later' }) + '\n')
        return
      }
      return options.plans!(request, response, path)
    }
    if (path.startsWith(MEETING_CODE_PATH_PREFIX) && options.meetingCodes !== undefined) return options.meetingCodes(request, response, path)
    if (options.fallback !== undefined) return options.fallback(request, response)
    if (serveStatic !== undefined) return serveStatic(request, response)
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
  }
  return (request, response) => {
    route(request, response).catch((error: unknown) => {
      options.logger.error({ err: errorSummary(error) }, 'http request failed')
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end()
    })
  }
}

/** Whether a request says it carries a body (a length above 0, or chunks). */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length']
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined
}

/** 413 for a body where none is taken; the connection closes, so the body is never read. */
function refuseBody(response: ServerResponse, metrics: RelayMetrics | undefined): void {
  metrics?.refusedRequest('body_too_large')
  response.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('This address takes no request body\n')
}

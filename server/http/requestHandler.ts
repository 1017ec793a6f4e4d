import type { IncomingMessage, ServerResponse } from 'node:http'
import { PLAN_PATH_PREFIX } from '../../shared/protocol/planEndpoints.ts'
import { errorSummary, type Logger } from '../log.ts'
import { sendHealth, type Health } from './health.ts'
import { applySecurityHeaders } from './securityHeaders.ts'
import { createStaticHandler } from './staticFiles.ts'

export interface RequestHandlerOptions {
  logger: Logger
  health(): Promise<Health>
  metrics?(): Promise<{ contentType: string; body: string }>
  /** Handles `/plans/...`: signed revocations and deletions (server/http/planEndpoints.ts). */
  plans?(request: IncomingMessage, response: ServerResponse, path: string): Promise<void>
  /** Folder of the built client to serve, or null to serve no app. */
  staticDir: string | null
  /** Handles what nothing else does (the Vite dev middleware in `npm run dev`). */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void
}

/**
 * The relay's plain HTTP side: `/healthz`, `/metrics`, `/plans/...` (signed
 * revocations and deletions), then the built client (or the dev fallback),
 * every answer with the security headers (securityHeaders.ts). Everything the
 * app itself means lives in the client.
 */
export function createRequestHandler(options: RequestHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const serveStatic = options.staticDir === null ? undefined : createStaticHandler(options.staticDir)
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    // Every answer, the relay's own endpoints and errors included; Vite's dev server runs inline scripts, so it goes without the CSP.
    applySecurityHeaders(response, { withoutCsp: options.fallback !== undefined })
    if (path === '/healthz') return sendHealth(response, await options.health())
    if (path === '/metrics' && options.metrics !== undefined) {
      const { contentType, body } = await options.metrics()
      response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body)
      return
    }
    if (path.startsWith(PLAN_PATH_PREFIX) && options.plans !== undefined) return options.plans(request, response, path)
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

import { createHash, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { applySecurityHeaders } from './securityHeaders.ts'

/** Renders the metrics in Prometheus text format (RelayMetrics.render). */
export type MetricsSource = () => Promise<{ contentType: string; body: string }>

/**
 * Whether a request carries the operator's bearer token (KRING_METRICS_TOKEN)
 * in `Authorization: Bearer <token>`. Compared in constant time over hashes,
 * so neither the token nor its length leaks through timing.
 */
export function metricsAllowed(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer\s+(.+)$/i.exec(header)
  if (!match) return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(match[1]!.trim()), digest(token))
}

/** Answers with the metrics. */
export async function sendMetrics(response: ServerResponse, source: MetricsSource): Promise<void> {
  const { contentType, body } = await source()
  response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body)
}

/**
 * A listener of its own for Prometheus (KRING_METRICS_PORT), on an interface
 * the operator chooses (KRING_METRICS_HOST, default 127.0.0.1): `/metrics`
 * and nothing else, apart from the app's port. Resolves once it listens.
 */
export async function startMetricsServer(options: { port: number; host: string; source: MetricsSource; timeoutMs: number }): Promise<{ server: Server; url: string }> {
  const server = createServer({ headersTimeout: options.timeoutMs, requestTimeout: options.timeoutMs }, (request, response) => {
    applySecurityHeaders(response)
    const path = (request.url ?? '/').split('?')[0]
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Not found\n')
      return
    }
    sendMetrics(response, options.source).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return { server, url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}` }
}

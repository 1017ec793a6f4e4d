import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, type ViteDevServer } from 'vite'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './log.ts'
import { startRelay } from './relay.ts'
import { closeOnSignals } from './signals.ts'

/**
 * `npm run dev`: the relay and Vite's dev server on one port. `/sync/*`
 * websockets go to the relay, Vite's own HMR websocket to Vite, every other
 * request to Vite's middleware (with hot module replacement).
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const root = fileURLToPath(new URL('..', import.meta.url))
  let vite: ViteDevServer | undefined
  const toVite = (request: IncomingMessage, response: ServerResponse): void => {
    if (vite === undefined) {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' }).end('Starting\n')
      return
    }
    vite.middlewares(request, response)
  }
  const relay = await startRelay({ config, staticDir: null, logger, fallback: toVite })
  vite = await createServer({
    configFile: join(root, 'vite.config.ts'),
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server: relay.httpServer } },
  })
  logger.info({ address: `http://${config.host}:${relay.port}`, local: relay.url }, 'Kring dev server is running')
  closeOnSignals(logger, async () => {
    await vite?.close()
    await relay.close()
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})

import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureClientBuilt } from './build/clientBuild.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './log.ts'
import { startRelay } from './relay.ts'
import { closeOnSignals } from './signals.ts'
import { StorageUnusableError } from './storage/storage.ts'
import { lowerHelperThreads } from './workers/backgroundPriority.ts'

/**
 * `npm start`: the single-machine default. Reads the configuration from the
 * environment, builds the client when its build is missing or stale, and
 * serves it next to the relay on one port.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const root = fileURLToPath(new URL('..', import.meta.url))
  const outDir = join(root, 'dist', 'client')
  await ensureClientBuilt({ root, outDir }, logger)
  // Before the relay listens: lowering blocks for a moment, which then delays nobody.
  const lowered = lowerHelperThreads()
  logger.debug(lowered, "Node's helper threads lowered below the event loop")
  const relay = await startRelay({ config, staticDir: outDir, logger })
  logger.info({ address: `http://${config.host}:${relay.port}`, local: relay.url }, 'Kring is running')
  closeOnSignals(logger, () => relay.close())
}

main().catch((error: unknown) => {
  // A ConfigError's message lists every wrong variable, a StorageUnusableError's says what is wrong with the database; neither needs a stack trace for an operator.
  console.error(error instanceof ConfigError || error instanceof StorageUnusableError ? error.message : error)
  process.exit(1)
})

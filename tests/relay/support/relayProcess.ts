/**
 * A relay as its own process, configured from the environment like `npm
 * start` (server/start.ts) but without building or serving the client, so a
 * test can send it real signals.
 */
import { loadConfig } from '../../../server/config.ts'
import { createLogger } from '../../../server/log.ts'
import { startRelay } from '../../../server/relay.ts'
import { closeOnSignals } from '../../../server/signals.ts'

const config = loadConfig()
const logger = createLogger(config.logLevel)
const relay = await startRelay({ config, staticDir: null, logger })
closeOnSignals(logger, () => relay.close())

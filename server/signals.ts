import { errorSummary, type Logger } from './log.ts'

/**
 * On SIGTERM or SIGINT, runs `close` once (a graceful shutdown: every room
 * stored and compacted) and exits; a second signal exits at once.
 */
export function closeOnSignals(logger: Logger, close: () => Promise<void>): void {
  let closing = false
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting without waiting')
      process.exit(1)
    }
    closing = true
    logger.info({ signal }, 'shutting down')
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: errorSummary(error) }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}

import { pino, type DestinationStream, type Logger } from 'pino'
import type { LogLevel } from './config.ts'

export type { Logger }

/**
 * Fields that could carry a plan's content or an invitation token. The relay
 * never logs them on purpose (it logs room names, sizes and codes only); the
 * redaction is a second line of defence against a careless `log.info({ req })`.
 */
const REDACTED_PATHS = ['url', '*.url', 'headers', '*.headers', 'token', '*.token', 'update', '*.update', 'content', '*.content']

/**
 * The relay's structured logger (pino, JSON lines). Log room names, counts,
 * sizes and close codes; never document content, request URLs or tokens.
 */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino({ name: 'kring-relay', level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination)
}

/**
 * An error's name and message for logs and for error messages built on it:
 * never the bytes, document content or request it may carry.
 */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message }
  return { name: typeof error, message: String(error) }
}

/**
 * A relay in a process of its own, for tests that kill it: `node --import tsx
 * relayChild.ts`. Reads its configuration from the environment like `npm
 * start` (DATA_DIR, DATABASE_URL, REDIS_URL, LOG_LEVEL), listens on a free
 * loopback port and prints `{"port":N}` as its first stdout line; logs go to
 * stderr. KRING_TEST_PG_SCHEMA names the test's own PostgreSQL schema.
 * Answers `ask('memory')` (answerMemory.ts), for tests that bound its memory.
 * KRING_TEST_STATIC_DIR: the built client to serve (browser tests); none by default.
 */
import { pino } from 'pino'
import { loadConfig } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay } from '../../server/relay.ts'
import { closeOnSignals } from '../../server/signals.ts'
import { openStorage } from '../../server/storage/openStorage.ts'
import { answerMemoryQuestions } from './answerMemory.ts'

const config = { ...loadConfig(), port: 0, host: '127.0.0.1' }
const logger = createLogger(config.logLevel, pino.destination(2))
const storage = await openStorage(config, { logger, postgresSchema: process.env.KRING_TEST_PG_SCHEMA })
const relay = await startRelay({ config, storage, staticDir: process.env.KRING_TEST_STATIC_DIR ?? null, logger })
answerMemoryQuestions()
process.stdout.write(`${JSON.stringify({ port: relay.port })}\n`)
closeOnSignals(logger, () => relay.close())

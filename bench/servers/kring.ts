/**
 * Kring's relay as benchmarked: as `npm start` runs it (SQLite with
 * its log synced within the durability window, in DATA_DIR, or PostgreSQL with DATABASE_URL), except
 * that tokens are off and the per-connection rate limit is lifted, since one
 * benchmark client sends far faster than a person types, and so are the
 * per-address limits (connections, new plans), since every benchmark client
 * is on loopback. For the fan-out figures bench/run.ts also has its rooms
 * unload as soon as they are empty (KRING_ROOM_IDLE_MS=0), so that a room's
 * unloading is done before the next measurement, as the other servers' is.
 * With KRING_BENCH_TRACE=1 it records what `npm run bench -- tail` asks
 * (kringTrace.ts).
 */
import { loadConfig } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay } from '../../server/relay.ts'
import { openStorage } from '../../server/storage/openStorage.ts'
import { announce, answerParentQuestions } from './answerParent.ts'
import { traceKringWhenAsked } from './kringTrace.ts'

traceKringWhenAsked()

const config = loadConfig()
const storage = await openStorage(config, { postgresSchema: process.env.KRING_BENCH_PG_SCHEMA })
const relay = await startRelay({
  config: {
    ...config,
    port: 0,
    host: '127.0.0.1',
    // KRING_BENCH_TOKENS=1: tokens required as `npm start` has them (the meeting benchmark presents real ones).
    requireTokens: process.env.KRING_BENCH_TOKENS === '1',
    limits: { ...config.limits, maxMessagesPerSecond: 1_000_000, messageBurst: 1_000_000, maxConnectionsPerAddress: 1_000_000, maxNewPlansPerAddressPerHour: 1_000_000 },
  },
  storage,
  staticDir: null,
  logger: createLogger('silent'),
})
answerParentQuestions()
announce(relay.port)

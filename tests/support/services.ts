import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import pg from 'pg'
import { it } from 'vitest'

/**
 * PostgreSQL and Redis for tests. On a developer's machine without them, tests
 * that need them skip with a printed reason; with KRING_REQUIRE_SERVICES=1 (as
 * .ci/run sets) a missing service is a failing test instead.
 *
 * Call during collection (top level of a test file) and skip on undefined:
 *   const databaseUrl = await needPostgres()
 *   describe.skipIf(!databaseUrl)('...', () => { ... })
 */

export const POSTGRES_TEST_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379'

/** PostgreSQL's URL when it answers; otherwise undefined, after a skip notice or a failing test. */
export async function needPostgres(): Promise<string | undefined> {
  return need('PostgreSQL', POSTGRES_TEST_URL, probePostgres)
}

/** Redis's URL when it answers; otherwise undefined, after a skip notice or a failing test. */
export async function needRedis(): Promise<string | undefined> {
  return need('Redis', REDIS_TEST_URL, probeRedis)
}

/** A schema name no other test run uses; drop it with `dropPostgresSchema` after. */
export function uniquePostgresSchema(): string {
  return `kring_test_${process.pid}_${randomBytes(4).toString('hex')}`
}

/** Drops a test schema and everything in it. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  } finally {
    await client.end()
  }
}

async function need(name: string, url: string, probe: (url: string) => Promise<void>): Promise<string | undefined> {
  try {
    await probe(url)
    return url
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '')
    const reason = `${name} at ${redact(url)} is not reachable: ${detail}`
    if (process.env.KRING_REQUIRE_SERVICES === '1') {
      it(`${name} is available (KRING_REQUIRE_SERVICES=1)`, () => {
        throw new Error(reason)
      })
    } else {
      console.warn(`skipping tests that need ${name}: ${reason}. Set KRING_REQUIRE_SERVICES=1 to make this a failure.`)
    }
    return undefined
  }
}

async function probePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
  } finally {
    await client.end().catch(() => {})
  }
}

async function probeRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redis.on('error', () => {})
  try {
    await redis.connect()
    await redis.ping()
  } finally {
    redis.disconnect()
  }
}

/** A URL without its password, for printing. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}

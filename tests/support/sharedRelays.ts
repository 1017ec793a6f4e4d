import type { ConfigOverrides } from '../../server/config.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay, type Relay } from '../../server/relay.ts'
import { PostgresStorage } from '../../server/storage/postgres.ts'
import { dropPostgresSchema, uniquePostgresSchema } from './services.ts'

/**
 * Relay instances in this process sharing one PostgreSQL schema (fresh, dropped
 * on dispose) and one Redis, as several instances behind a load balancer
 * would. The Redis fan-out comes from the configuration, as in production.
 */
export interface SharedRelays {
  relays: Relay[]
  schema: string
  /** `ws://127.0.0.1:<port>/sync` of relay `index`, the base URL for a `WebsocketProvider`. */
  syncUrl(index: number): string
  /**
   * Starts one more instance on the same PostgreSQL schema and Redis; with
   * `via`, it reaches them at other addresses (a proxy that can be cut).
   */
  add(via?: { databaseUrl?: string; redisUrl?: string }): Promise<Relay>
  /** Closes every relay still open and drops the schema. */
  dispose(): Promise<void>
}

export async function startSharedRelays(
  count: number,
  services: { databaseUrl: string; redisUrl: string },
  config: ConfigOverrides = {},
): Promise<SharedRelays> {
  const schema = uniquePostgresSchema()
  const relays: Relay[] = []
  const add = async (via: { databaseUrl?: string; redisUrl?: string } = {}): Promise<Relay> => {
    const databaseUrl = via.databaseUrl ?? services.databaseUrl
    const relay = await startRelay({
      // Tokens are off unless `config` turns them on: most rooms here are no plan ids.
      config: { requireTokens: false, ...config, databaseUrl, redisUrl: via.redisUrl ?? services.redisUrl },
      // A short query timeout when reached through a proxy that may be cut: its failures show in moments.
      storage: await PostgresStorage.open({ connectionString: databaseUrl, schema, queryTimeoutMs: via.databaseUrl === undefined ? undefined : 1_000 }),
      staticDir: null,
      logger: createLogger((process.env.KRING_TEST_LOG_LEVEL as 'info' | undefined) ?? 'silent'),
    })
    relays.push(relay)
    return relay
  }
  for (let i = 0; i < count; i++) await add()
  return {
    relays,
    schema,
    syncUrl: (index) => `${relays[index]!.url.replace(/^http/, 'ws')}/sync`,
    add,
    async dispose() {
      await Promise.allSettled(relays.map((relay) => relay.close()))
      await dropPostgresSchema(services.databaseUrl, schema)
    },
  }
}

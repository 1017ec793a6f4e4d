import type { Config } from '../config.ts'
import { connectionHost } from '../connectionHost.ts'
import { errorSummary, type Logger } from '../log.ts'
import { PostgresStorage } from './postgres.ts'
import { SqliteStorage } from './sqlite.ts'
import type { Storage } from './storage.ts'

export interface OpenStorageOptions {
  logger?: Logger
  /** PostgreSQL schema for Kring's tables (default "public"); tests use one of their own. */
  postgresSchema?: string
}

/**
 * The storage the configuration asks for (architecture.md, decision 5):
 * PostgreSQL when DATABASE_URL is set, so several relays can share it;
 * otherwise the embedded SQLite file in DATA_DIR. Rejects when PostgreSQL
 * cannot be reached at start: a relay that cannot store must not accept edits.
 */
export async function openStorage(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  options: OpenStorageOptions = {},
): Promise<Storage> {
  if (config.databaseUrl === undefined) return SqliteStorage.open(config.dataDir)
  try {
    return await PostgresStorage.open({
      connectionString: config.databaseUrl,
      schema: options.postgresSchema,
      logger: options.logger,
    })
  } catch (error) {
    throw new Error(`Cannot use PostgreSQL at ${connectionHost(config.databaseUrl)} (DATABASE_URL): ${errorSummary(error).message}`, {
      cause: error,
    })
  }
}

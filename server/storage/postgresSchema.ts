import type pg from 'pg'
import type { Logger } from 'pino'
import { StorageUnusableError } from './storage.ts'

/**
 * Kring's tables in PostgreSQL, as numbered migrations. A migration is never
 * edited once released: a change to the schema is a new entry at the end.
 * `kring_schema_migrations` records which ones ran.
 */
const MIGRATIONS: readonly { version: number; why: string; tables: readonly string[]; statements: (schema: string) => string[] }[] = [
  {
    version: 1,
    why: 'a log of Yjs updates per room',
    tables: ['room_updates'],
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'room_updates')} (
         id bigserial PRIMARY KEY,
         room text NOT NULL,
         data bytea NOT NULL,
         stored_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX room_updates_by_room ON ${qualified(schema, 'room_updates')} (room, id)`,
    ],
  },
  {
    version: 2,
    why: 'revocations of invitations and deleted plans (issue 5)',
    tables: ['plan_revocations', 'deleted_plans'],
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'plan_revocations')} (
         id bigserial PRIMARY KEY,
         plan_id text NOT NULL,
         revocation text NOT NULL,
         stored_at timestamptz NOT NULL DEFAULT now(),
         UNIQUE (plan_id, revocation)
       )`,
      `CREATE TABLE ${qualified(schema, 'deleted_plans')} (
         plan_id text PRIMARY KEY,
         deleted_at timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    version: 3,
    why: 'handovers of plans and the registry of invitations (issue 11)',
    tables: ['plan_handovers', 'plan_invitations'],
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'plan_handovers')} (
         plan_id text NOT NULL,
         sequence integer NOT NULL,
         handover text NOT NULL,
         stored_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (plan_id, sequence)
       )`,
      `CREATE TABLE ${qualified(schema, 'plan_invitations')} (
         id bigserial PRIMARY KEY,
         plan_id text NOT NULL,
         token_id text NOT NULL,
         registration text NOT NULL,
         stored_at timestamptz NOT NULL DEFAULT now(),
         UNIQUE (plan_id, token_id)
       )`,
    ],
  },
  {
    version: 4,
    why: "plans let in by an operator's admission (issue 16)",
    tables: ['plan_admissions'],
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'plan_admissions')} (
         plan_id text PRIMARY KEY,
         admission_id text NOT NULL UNIQUE,
         admitted_at timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    version: 5,
    why: 'finding what changed lately, for the recheck that does not rely on Redis (issue 16)',
    tables: [],
    statements: (schema) => [
      `CREATE INDEX plan_revocations_by_time ON ${qualified(schema, 'plan_revocations')} (stored_at)`,
      `CREATE INDEX plan_handovers_by_time ON ${qualified(schema, 'plan_handovers')} (stored_at)`,
      `CREATE INDEX deleted_plans_by_time ON ${qualified(schema, 'deleted_plans')} (deleted_at)`,
    ],
  },
  {
    version: 6,
    why: "meetings' short codes, each standing for a guest link until it expires (issue 10)",
    tables: ['meeting_codes'],
    statements: (schema) => [
      // expires_at in ms by the relay's clock (not timestamptz): every instance compares it with the time it is given.
      `CREATE TABLE ${qualified(schema, 'meeting_codes')} (
         code text PRIMARY KEY,
         plan_id text NOT NULL,
         token_id text NOT NULL,
         invitation text NOT NULL,
         expires_at bigint NOT NULL,
         UNIQUE (plan_id, token_id)
       )`,
      `CREATE INDEX meeting_codes_by_expiry ON ${qualified(schema, 'meeting_codes')} (expires_at)`,
    ],
  },
]

/** Advisory lock key held while migrating, so instances starting together migrate once. */
const MIGRATION_LOCK = [0x4b524e47, 0] as const

/** The newest schema version this relay knows. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

/**
 * Creates the schema and runs the migrations it lacks, in one transaction under
 * an advisory lock. Rejects with an operator-readable message when the database
 * was migrated by a newer relay than this one.
 */
export async function migratePostgres(pool: pg.Pool, schema: string, logger?: Logger): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`)
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${qualified(schema, 'kring_schema_migrations')} (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    )
    const applied = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${qualified(schema, 'kring_schema_migrations')}`,
    )
    const current = applied.rows[0]?.version ?? 0
    await refuseLostTables(client, schema, current)
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new Error(
        `PostgreSQL schema "${schema}" is at version ${current}, newer than this relay knows (${POSTGRES_SCHEMA_VERSION}); run a newer Kring relay`,
      )
    }
    for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
      for (const statement of migration.statements(schema)) await client.query(statement)
      await client.query(`INSERT INTO ${qualified(schema, 'kring_schema_migrations')} (version) VALUES ($1)`, [
        migration.version,
      ])
      logger?.info({ schema, version: migration.version, why: migration.why }, 'postgres schema migrated')
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/**
 * A schema whose migrations ran but whose tables are gone (dropped, a
 * restore that left them out) must not be migrated afresh as if new: the
 * plans' revocations and deletions would be forgotten. Throws saying so.
 */
async function refuseLostTables(client: pg.PoolClient, schema: string, version: number): Promise<void> {
  const expected = MIGRATIONS.filter((migration) => migration.version <= version).flatMap((migration) => migration.tables)
  if (expected.length === 0) return
  const found = await client.query<{ table_name: string }>(
    'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name = ANY($2::text[])',
    [schema, expected],
  )
  const present = new Set(found.rows.map((row) => row.table_name))
  const missing = expected.filter((table) => !present.has(table))
  if (missing.length > 0) {
    throw new StorageUnusableError(
      `PostgreSQL schema "${schema}" was set up by Kring (version ${version}) but lost tables (missing: ${missing.join(', ')}); ` +
        'the relay does not start on it as if new. Restore them from a backup.',
    )
  }
}

/** `"schema"."table"`, safe to put into SQL. */
export function qualified(schema: string, table: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`
}

/** Quotes a PostgreSQL identifier; names come from configuration, never from clients. */
function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`"${name}" is not a usable PostgreSQL schema or table name (letters, digits, _; at most 63)`)
  }
  return `"${name}"`
}

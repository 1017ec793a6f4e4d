import pg from 'pg'
import type { Logger } from 'pino'
import { planIdOfRoom, roomsOfPlan } from '../../shared/protocol/rooms.ts'
import { errorSummary } from '../log.ts'
import { workerCompactor } from '../updates/compactor.ts'
import { MalformedUpdateError } from '../updates/readUpdate.ts'
import { GroupCommit } from './groupCommit.ts'
import { mergeStoredUpdates } from './mergeStored.ts'
import { migratePostgres, qualified } from './postgresSchema.ts'
import type { MeetingCode } from './planRecords.ts'
import { StorageCorruptError, type StoredSize } from './roomLog.ts'
import type { Storage } from './storage.ts'

export interface PostgresStorageOptions {
  /** A libpq connection string, e.g. postgres://kring@db:5432/kring (DATABASE_URL). */
  connectionString: string
  /** The PostgreSQL schema Kring's tables live in; created when missing. Default "public". */
  schema?: string
  /** Connections in the pool. Default 10. */
  poolSize?: number
  /** How long one query may take before it counts as failed, in ms. Default 10 000. */
  queryTimeoutMs?: number
  logger?: Logger
}

/**
 * Advisory lock class for "compacting this room": the first key of
 * pg_advisory_xact_lock(int, int), the second is hashtext(room). Any constant
 * works; this one spells "KRNG" so it is recognisable in pg_locks.
 */
const COMPACT_LOCK_CLASS = 0x4b524e47

/** How long erasing a deleted plan (VACUUM FULL) waits for its table lock before it lets others go first and tries again. */
const ERASE_LOCK_TIMEOUT_MS = 2_000

/** Tries at taking that lock before a deletion reports that its bytes could not yet be erased. */
const ERASE_LOCK_ATTEMPTS = 5

/** How long the rewrite itself may take: it copies every plan's live rows, far more than one query's work. */
const ERASE_QUERY_TIMEOUT_MS = 10 * 60_000

/** INSERTs of appends under way at once; the rest of the pool stays free for loads and compactions. */
const APPENDS_IN_FLIGHT = 4

/**
 * PostgreSQL storage (architecture.md, decision 5): the shared store that lets
 * any relay instance serve any room. A room is rows in one table, an update
 * per row, folded into one row by `compact`; the plans' records sit in tables
 * beside it.
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres'
  private readonly pending = new Set<Promise<unknown>>()
  /**
   * One INSERT for the appends of one turn of the event loop (groupCommit.ts),
   * several under way at once: each takes its own pooled connection.
   */
  private readonly appends = new GroupCommit<{ room: string; update: Uint8Array }>((group) => this.insertAppends(group), { maxInFlight: APPENDS_IN_FLIGHT })
  private closed = false

  private constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
    private readonly revocationTable: string,
    private readonly deletedTable: string,
    private readonly handoverTable: string,
    private readonly invitationTable: string,
    private readonly admissionTable: string,
    private readonly migrationTable: string,
    private readonly logger: Logger | undefined,
    private readonly meetingCodeTable: string,
  ) {}

  /**
   * Connects, creates or migrates the schema, and resolves once the storage is
   * ready. Rejects (and closes the pool) when PostgreSQL cannot be reached or
   * holds a newer schema than this relay knows.
   */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const schema = options.schema ?? 'public'
    const queryTimeoutMs = options.queryTimeoutMs ?? 10_000
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: Math.min(queryTimeoutMs, 5_000),
      query_timeout: queryTimeoutMs,
      // Appends must be durable before they resolve, whatever the server's default.
      options: '-c synchronous_commit=on',
    })
    // An idle connection that breaks (PostgreSQL restarted, network gone)
    // emits 'error' on the pool; unhandled, that would end the process.
    pool.on('error', (error) => options.logger?.warn({ err: error.message }, 'postgres connection lost'))
    try {
      await migratePostgres(pool, schema, options.logger)
    } catch (error) {
      await pool.end().catch(() => {})
      throw error
    }
    return new PostgresStorage(
      pool,
      qualified(schema, 'room_updates'),
      qualified(schema, 'plan_revocations'),
      qualified(schema, 'deleted_plans'),
      qualified(schema, 'plan_handovers'),
      qualified(schema, 'plan_invitations'),
      qualified(schema, 'plan_admissions'),
      qualified(schema, 'kring_schema_migrations'),
      options.logger,
      qualified(schema, 'meeting_codes'),
    )
  }

  async load(room: string): Promise<Uint8Array | null> {
    await this.appends.flush()
    const result = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM ${this.table} WHERE room = $1 ORDER BY id`,
      [room],
    )
    return mergeStoredUpdates(
      room,
      result.rows.map((row) => row.data),
    )
  }

  /** Resolves once the INSERT holding this update is committed (one round trip for many rooms, not one each). */
  append(room: string, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('PostgreSQL storage is closed'))
    return this.track(this.appends.add({ room, update }))
  }

  /** Writes a group of appends in one statement; rows for a deleted plan are left out (see `deletePlan`). */
  private async insertAppends(group: { room: string; update: Uint8Array }[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (room, data)
       SELECT u.room, u.data FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS u(room, data, plan_id, n)
       WHERE NOT EXISTS (SELECT 1 FROM ${this.deletedTable} d WHERE d.plan_id = u.plan_id)
       ORDER BY u.n`,
      [group.map((waiting) => waiting.room), group.map((waiting) => waiting.update), group.map((waiting) => planIdOfRoom(waiting.room))],
    )
  }

  compact(room: string): Promise<StoredSize> {
    return this.track(this.appends.flush().then(() => this.compactInTransaction(room)))
  }

  async size(room: string): Promise<StoredSize> {
    await this.appends.flush()
    const result = await this.pool.query<{ updates: string; bytes: string }>(
      `SELECT count(*) AS updates, coalesce(sum(octet_length(data)), 0) AS bytes FROM ${this.table} WHERE room = $1`,
      [room],
    )
    const row = result.rows[0]
    return { updates: Number(row?.updates ?? 0), bytes: Number(row?.bytes ?? 0) }
  }

  async planSize(planId: string): Promise<StoredSize> {
    await this.appends.flush()
    const result = await this.pool.query<{ updates: string; bytes: string }>(
      `SELECT count(*) AS updates, coalesce(sum(octet_length(data)), 0) AS bytes FROM ${this.table} WHERE room = ANY($1::text[])`,
      [roomsOfPlan(planId)],
    )
    const row = result.rows[0]
    return { updates: Number(row?.updates ?? 0), bytes: Number(row?.bytes ?? 0) }
  }

  async addRevocation(planId: string, revocation: string): Promise<void> {
    await this.track(
      this.pool.query(`INSERT INTO ${this.revocationTable} (plan_id, revocation) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [planId, revocation]),
    )
  }

  async revocationsOf(planId: string): Promise<string[]> {
    const result = await this.pool.query<{ revocation: string }>(`SELECT revocation FROM ${this.revocationTable} WHERE plan_id = $1 ORDER BY id`, [planId])
    return result.rows.map((row) => row.revocation)
  }

  async addHandover(planId: string, sequence: number, handover: string): Promise<string> {
    await this.track(
      this.pool.query(`INSERT INTO ${this.handoverTable} (plan_id, sequence, handover) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [planId, sequence, handover]),
    )
    const result = await this.pool.query<{ handover: string }>(`SELECT handover FROM ${this.handoverTable} WHERE plan_id = $1 AND sequence = $2`, [planId, sequence])
    return result.rows[0]?.handover ?? handover
  }

  async handoversOf(planId: string): Promise<string[]> {
    const result = await this.pool.query<{ handover: string }>(`SELECT handover FROM ${this.handoverTable} WHERE plan_id = $1 ORDER BY sequence`, [planId])
    return result.rows.map((row) => row.handover)
  }

  async addRegistration(planId: string, tokenId: string, registration: string): Promise<void> {
    await this.track(
      this.pool.query(`INSERT INTO ${this.invitationTable} (plan_id, token_id, registration) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [planId, tokenId, registration]),
    )
  }

  async registrationsOf(planId: string): Promise<string[]> {
    const result = await this.pool.query<{ registration: string }>(`SELECT registration FROM ${this.invitationTable} WHERE plan_id = $1 ORDER BY id`, [planId])
    return result.rows.map((row) => row.registration)
  }

  /**
   * The tombstone commits first, so every append that starts afterwards
   * stores nothing. The table lock then waits for appends already under way
   * (on any relay instance) to commit, so the delete sees and removes them.
   * A DELETE only marks rows dead: their bytes stay in the table's files
   * (and its TOAST table's) until those pages are written over, which may be
   * never. So a deletion that removed anything is followed by
   * `eraseDeletedRows`, which rewrites the tables without them.
   */
  deletePlan(planId: string): Promise<void> {
    return this.track(
      (async () => {
        const tombstone = await this.pool.query(`INSERT INTO ${this.deletedTable} (plan_id) VALUES ($1) ON CONFLICT DO NOTHING`, [planId])
        let removed = tombstone.rowCount ?? 0
        await this.inTransaction(async (client) => {
          await client.query(`LOCK TABLE ${this.table} IN SHARE MODE`)
          for (const deleted of [
            await client.query(`DELETE FROM ${this.table} WHERE room = ANY($1::text[])`, [roomsOfPlan(planId)]),
            await client.query(`DELETE FROM ${this.revocationTable} WHERE plan_id = $1`, [planId]),
            await client.query(`DELETE FROM ${this.handoverTable} WHERE plan_id = $1`, [planId]),
            await client.query(`DELETE FROM ${this.invitationTable} WHERE plan_id = $1`, [planId]),
            await client.query(`DELETE FROM ${this.meetingCodeTable} WHERE plan_id = $1`, [planId]),
          ]) {
            removed += deleted.rowCount ?? 0
          }
        })
        // The same deletion posted again (a household device re-teaching a relay) removes nothing and rewrites nothing.
        if (removed === 0) return
        // The deletion holds (the plan is refused, its rows are gone from every query) even when the rewrite cannot be done now.
        await this.eraseDeletedRows().catch((error: unknown) =>
          this.logger?.error({ planId, err: errorSummary(error) }, 'plan deleted, but its bytes could not yet be erased from the tables\' files: run VACUUM (FULL) on room_updates, plan_revocations, plan_handovers, plan_invitations, meeting_codes'),
        )
      })(),
    )
  }

  /**
   * Makes erasure true in the database's files: `VACUUM FULL` writes each
   * table holding plan bytes (the updates, and the signed records naming
   * people) into new files without the dead rows, together with its TOAST
   * table, and removes the old files.
   *
   * Why this and not something cheaper: PostgreSQL never writes a row over
   * in place. Overwriting the bytes before deleting (an UPDATE) leaves the
   * old version in the file just like a DELETE does; a plain VACUUM marks
   * the space free but leaves the bytes there until something happens to
   * reuse it (the outside security test found the sentence after one).
   * Only a rewrite (VACUUM FULL, CLUSTER) removes them from the files.
   *
   * The cost: VACUUM FULL holds an ACCESS EXCLUSIVE lock on each table while
   * it copies that table's live rows, so loads and appends of every plan
   * wait that long (on every instance). Live editing does not wait: rooms
   * pass updates on before they are stored. Rooms are compacted to about one
   * row each, so the copy is of the plans' current size, not their history;
   * `bench/` measures it (docs/scale-out.md, "Erasure"). Deletions are rare
   * (a household deleting its plan), so the wait is paid rarely. Waiting for
   * the lock is bounded (ERASE_LOCK_TIMEOUT) and retried, so a long query
   * elsewhere cannot make everyone queue behind the vacuum. Any deletion
   * after a failed one rewrites the tables again, so its leftovers go then.
   */
  private async eraseDeletedRows(): Promise<void> {
    const client = await this.pool.connect()
    let broken = false
    try {
      await client.query(`SET lock_timeout = ${ERASE_LOCK_TIMEOUT_MS}`)
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query({
            text: `VACUUM (FULL) ${this.table}, ${this.revocationTable}, ${this.handoverTable}, ${this.invitationTable}, ${this.meetingCodeTable}`,
            query_timeout: ERASE_QUERY_TIMEOUT_MS,
          } as pg.QueryConfig)
          return
        } catch (error) {
          // 55P03: lock_not_available. Anything else is a real failure, as is running out of attempts.
          if ((error as { code?: string }).code !== '55P03' || attempt >= ERASE_LOCK_ATTEMPTS) throw error
          await new Promise((resolve) => setTimeout(resolve, ERASE_LOCK_TIMEOUT_MS))
        }
      }
    } catch (error) {
      // A server error leaves the connection usable; a client-side timeout does not (the vacuum may still run there).
      broken = (error as { code?: string }).code === undefined
      throw error
    } finally {
      if (!broken) {
        await client.query('RESET lock_timeout').catch(() => {
          broken = true
        })
      }
      client.release(broken)
    }
  }

  async plansChangedWithin(ms: number): Promise<string[]> {
    const result = await this.pool.query<{ plan_id: string }>(
      `SELECT plan_id FROM ${this.revocationTable} WHERE stored_at > now() - $1 * interval '1 millisecond'
       UNION SELECT plan_id FROM ${this.handoverTable} WHERE stored_at > now() - $1 * interval '1 millisecond'
       UNION SELECT plan_id FROM ${this.deletedTable} WHERE deleted_at > now() - $1 * interval '1 millisecond'`,
      [ms],
    )
    return result.rows.map((row) => row.plan_id)
  }

  async isPlanDeleted(planId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.deletedTable} WHERE plan_id = $1`, [planId])
    return result.rows.length > 0
  }

  async admitPlan(planId: string, admissionId: string): Promise<boolean> {
    // One statement: admitted already, or admitted now by an admission no other plan used.
    const result = await this.track(
      this.pool.query<{ plan_id: string }>(
        `WITH added AS (
           INSERT INTO ${this.admissionTable} (plan_id, admission_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING plan_id
         )
         SELECT plan_id FROM added
         UNION ALL SELECT plan_id FROM ${this.admissionTable} WHERE plan_id = $1`,
        [planId, admissionId],
      ),
    )
    return result.rows.length > 0
  }

  async isPlanAdmitted(planId: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM ${this.admissionTable} WHERE plan_id = $1`, [planId])
    return result.rows.length > 0
  }

  async addMeetingCode(code: MeetingCode, now: number): Promise<MeetingCode | undefined> {
    await this.removeExpiredMeetingCodes(now)
    // A second instance adding the same link at once waits on the unique key, then finds the first one's code.
    await this.track(
      this.pool.query(
        `INSERT INTO ${this.meetingCodeTable} (code, plan_id, token_id, invitation, expires_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [code.code, code.planId, code.tokenId, code.invitation, code.expiresAt],
      ),
    )
    const result = await this.pool.query<MeetingCodeRow>(`SELECT * FROM ${this.meetingCodeTable} WHERE plan_id = $1 AND token_id = $2`, [code.planId, code.tokenId])
    return result.rows[0] === undefined ? undefined : meetingCodeOf(result.rows[0])
  }

  async meetingCode(code: string, now: number): Promise<MeetingCode | undefined> {
    const result = await this.pool.query<MeetingCodeRow>(`SELECT * FROM ${this.meetingCodeTable} WHERE code = $1 AND expires_at > $2`, [code, now])
    return result.rows[0] === undefined ? undefined : meetingCodeOf(result.rows[0])
  }

  async removeExpiredMeetingCodes(now: number): Promise<number> {
    const result = await this.track(this.pool.query(`DELETE FROM ${this.meetingCodeTable} WHERE expires_at <= $1`, [now]))
    return result.rowCount ?? 0
  }

  /** Rewrites the newest row of the migrations table as it is: a write of its own, durable once it resolves. */
  async probeWrite(): Promise<void> {
    await this.pool.query(`UPDATE ${this.migrationTable} SET applied_at = applied_at WHERE version = (SELECT max(version) FROM ${this.migrationTable})`)
  }

  async healthy(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1')
      return true
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.allSettled([...this.pending])
    await this.pool.end()
  }

  /**
   * Folds the room's rows into one. Another instance may append to the same
   * room meanwhile: rows are deleted by the ids that were read, never by a
   * range, so a row committed after the read survives. The advisory lock keeps
   * two instances from compacting one room at once (which would be harmless
   * but would store the content twice).
   */
  private async compactInTransaction(room: string): Promise<StoredSize> {
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACT_LOCK_CLASS, room])
      const rows = await client.query<{ id: string; data: Buffer }>(
        `SELECT id, data FROM ${this.table} WHERE room = $1 ORDER BY id`,
        [room],
      )
      if (rows.rows.length > 1) {
        // Compacted as SQLite compacts (deleted text gone), in the compactor's worker thread: on the event loop it would hold up every room.
        const merged = await workerCompactor.compact(rows.rows.map((row) => row.data)).catch((cause: unknown) => {
          throw cause instanceof MalformedUpdateError ? new StorageCorruptError(room, cause) : cause
        })
        await client.query(`DELETE FROM ${this.table} WHERE id = ANY($1::bigint[])`, [rows.rows.map((row) => row.id)])
        // Unless the plan was deleted meanwhile: its deletion may have removed the rows read above.
        await client.query(
          `INSERT INTO ${this.table} (room, data) SELECT $1::text, $2::bytea WHERE NOT EXISTS (SELECT 1 FROM ${this.deletedTable} WHERE plan_id = $3)`,
          [room, merged, planIdOfRoom(room)],
        )
      }
    })
    return this.size(room)
  }

  /**
   * Runs `work` in one transaction on one pooled connection; rolls back when
   * it throws. A connection that could not even roll back is not given back
   * to the pool.
   */
  private async inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect()
    let broken = false
    try {
      await client.query('BEGIN')
      await work(client)
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true
      })
      throw error
    } finally {
      client.release(broken)
    }
  }

  /** Remembers a write until it settles, so `close` can wait for it. */
  private track<T>(write: Promise<T>): Promise<T> {
    // Appends of one group share one promise (groupCommit.ts): tracked once.
    if (this.pending.has(write)) return write
    this.pending.add(write)
    const forget = () => this.pending.delete(write)
    write.then(forget, forget)
    return write
  }
}

interface MeetingCodeRow {
  code: string
  plan_id: string
  token_id: string
  invitation: string
  /** bigint: pg gives it as text. */
  expires_at: string
}

function meetingCodeOf(row: MeetingCodeRow): MeetingCode {
  return { code: row.code, planId: row.plan_id, tokenId: row.token_id, invitation: row.invitation, expiresAt: Number(row.expires_at) }
}

import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { planIdOfRoom, roomsOfPlan } from '../../shared/protocol/rooms.ts'
import { mergeStoredUpdates } from './mergeStored.ts'
import type { RoomStorage, StoredSize } from './storage.ts'

/** The file name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'kring.sqlite'

/**
 * The embedded default backend: one SQLite file `<dataDir>/kring.sqlite` in
 * WAL mode, holding each room as a log of Yjs updates.
 *
 * better-sqlite3 is synchronous: every method finishes its work before its
 * promise is created, so calls are applied in the order they are made.
 * `synchronous = FULL` makes a committed append survive a power cut, not only
 * a crash of this process (about 0.15 ms per append on this kind of machine).
 * That sync to disk is what bounds throughput, so appends are committed in
 * groups: all appends made in one turn of the event loop share one
 * transaction (see `append`); every other method commits the waiting group
 * first, so the order in which calls are made still holds.
 */
export class SqliteStorage implements RoomStorage {
  readonly kind = 'sqlite'
  private readonly db: Database.Database
  private readonly statements: ReturnType<typeof prepare>
  /** Appends waiting for the next group commit. */
  private waitingAppends: WaitingAppend[] = []

  /** Opens (and creates when missing) `<dataDir>/kring.sqlite`. */
  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(join(dataDir, SQLITE_FILE_NAME))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    // The right to erasure: deleted rows (a deleted plan, or updates folded
    // away by compaction) are overwritten with zeros, not left in free pages.
    this.db.pragma('secure_delete = ON')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS room_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room TEXT NOT NULL,
        update_bytes BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS room_updates_by_room ON room_updates (room, seq);
      CREATE TABLE IF NOT EXISTS plan_revocations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id TEXT NOT NULL,
        revocation TEXT NOT NULL,
        UNIQUE (plan_id, revocation)
      );
      CREATE TABLE IF NOT EXISTS deleted_plans (
        plan_id TEXT PRIMARY KEY,
        deleted_at INTEGER NOT NULL
      );
    `)
    this.statements = prepare(this.db)
  }

  async load(room: string): Promise<Uint8Array | null> {
    this.commitAppends()
    return mergeStoredUpdates(
      room,
      this.statements.updatesOf.all(room).map((row) => row.update_bytes),
    )
  }

  /**
   * Queues the update; every update queued in this turn of the event loop is
   * written in one transaction at its end, and this resolves once that
   * transaction is committed (one sync to disk for many rooms, not one each).
   */
  append(room: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.waitingAppends.push({ room, update, resolve, reject }) === 1) setImmediate(this.commitAppends)
    })
  }

  async compact(room: string): Promise<StoredSize> {
    this.commitAppends()
    return this.compactInTransaction(room)
  }

  async size(room: string): Promise<StoredSize> {
    this.commitAppends()
    return this.statements.sizeOf.get(room) ?? { updates: 0, bytes: 0 }
  }

  async deleteRoom(room: string): Promise<void> {
    this.commitAppends()
    this.statements.deleteRoom.run(room)
  }

  async addRevocation(planId: string, revocation: string): Promise<void> {
    this.commitAppends()
    this.statements.addRevocation.run(planId, revocation)
  }

  async revocationsOf(planId: string): Promise<string[]> {
    this.commitAppends()
    return this.statements.revocationsOf.all(planId).map((row) => row.revocation)
  }

  async deletePlan(planId: string): Promise<void> {
    this.commitAppends()
    this.deletePlanInTransaction(planId)
    // Old versions of the deleted pages live on in the write-ahead log until a
    // checkpoint; fold it into the database file and empty it now.
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  async isPlanDeleted(planId: string): Promise<boolean> {
    this.commitAppends()
    return this.statements.isDeleted.get(planId) !== undefined
  }

  async healthy(): Promise<boolean> {
    try {
      return this.statements.ping.get() !== undefined
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return
    this.commitAppends()
    this.db.close()
  }

  /** Writes the waiting appends in one transaction and settles their promises. */
  private readonly commitAppends = (): void => {
    const group = this.waitingAppends.splice(0)
    if (group.length === 0) return
    try {
      this.db.transaction(() => {
        for (const { room, update } of group) this.statements.appendUnlessDeleted.run(room, update, planIdOfRoom(room))
      })()
    } catch (error) {
      for (const waiting of group) waiting.reject(error)
      return
    }
    for (const waiting of group) waiting.resolve()
  }

  private readonly deletePlanInTransaction = (planId: string): void => {
    this.db.transaction(() => {
      this.statements.markDeleted.run(planId, Date.now())
      for (const room of roomsOfPlan(planId)) this.statements.deleteRoom.run(room)
      this.statements.deleteRevocations.run(planId)
    })()
  }

  /** Reads the log, folds it into one update and swaps it in, all or nothing. */
  private readonly compactInTransaction = (room: string): StoredSize => {
    return this.db.transaction((name: string): StoredSize => {
      const rows = this.statements.updatesOf.all(name)
      if (rows.length === 0) return { updates: 0, bytes: 0 }
      if (rows.length === 1) return { updates: 1, bytes: rows[0]!.update_bytes.byteLength }
      const state = mergeStoredUpdates(
        name,
        rows.map((row) => row.update_bytes),
      )!
      this.statements.deleteRoom.run(name)
      this.statements.insert.run(name, state)
      return { updates: 1, bytes: state.byteLength }
    })(room)
  }
}

interface UpdateRow {
  update_bytes: Buffer
}

interface WaitingAppend {
  room: string
  update: Uint8Array
  resolve(): void
  reject(error: unknown): void
}

function prepare(db: Database.Database) {
  return {
    updatesOf: db.prepare<[string], UpdateRow>('SELECT update_bytes FROM room_updates WHERE room = ? ORDER BY seq'),
    insert: db.prepare<[string, Uint8Array]>('INSERT INTO room_updates (room, update_bytes) VALUES (?, ?)'),
    sizeOf: db.prepare<[string], StoredSize>(
      'SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(update_bytes)), 0) AS bytes FROM room_updates WHERE room = ?',
    ),
    deleteRoom: db.prepare<[string]>('DELETE FROM room_updates WHERE room = ?'),
    appendUnlessDeleted: db.prepare<[string, Uint8Array, string]>(
      'INSERT INTO room_updates (room, update_bytes) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM deleted_plans WHERE plan_id = ?)',
    ),
    addRevocation: db.prepare<[string, string]>('INSERT OR IGNORE INTO plan_revocations (plan_id, revocation) VALUES (?, ?)'),
    revocationsOf: db.prepare<[string], { revocation: string }>('SELECT revocation FROM plan_revocations WHERE plan_id = ? ORDER BY seq'),
    deleteRevocations: db.prepare<[string]>('DELETE FROM plan_revocations WHERE plan_id = ?'),
    markDeleted: db.prepare<[string, number]>('INSERT OR IGNORE INTO deleted_plans (plan_id, deleted_at) VALUES (?, ?)'),
    isDeleted: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM deleted_plans WHERE plan_id = ?'),
    ping: db.prepare<[], { one: number }>('SELECT 1 AS one'),
  }
}

import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { planIdOfRoom, roomsOfPlan } from '../../shared/protocol/rooms.ts'
import { GroupCommit } from './groupCommit.ts'
import { mergeStoredUpdates } from './mergeStored.ts'
import { checkSqliteFile } from './sqliteFile.ts'
import type { StoredSize } from './roomLog.ts'
import type { Storage } from './storage.ts'

/** The file name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'kring.sqlite'

/** What the write-ahead log shrinks back to after a checkpoint (SQLite's journal_size_limit). */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024

/**
 * The embedded default backend: one SQLite file `<dataDir>/kring.sqlite` in
 * WAL mode, holding each room as a log of Yjs updates and the plans' records.
 *
 * better-sqlite3 is synchronous: every method finishes its work before its
 * promise is created, so calls are applied in the order they are made.
 * `synchronous = FULL` makes a committed append survive a power cut, not only
 * a crash of this process (about 0.15 ms per append on this kind of machine).
 * That sync to disk is what bounds throughput, so appends are committed in
 * groups (groupCommit.ts); every other method commits the waiting group
 * first, so the order in which calls are made still holds.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite'
  private readonly db: Database.Database
  private readonly statements: ReturnType<typeof prepare>
  private readonly appends = new GroupCommit<{ room: string; update: Uint8Array }>(async (group) => this.commitAppends(group))

  /**
   * Opens (and creates when missing) `<dataDir>/kring.sqlite`. Throws
   * `StorageUnusableError` for a file that exists but is empty, cannot be
   * read or is not Kring's (sqliteFile.ts): the relay never starts on it as if new.
   */
  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, SQLITE_FILE_NAME)
    checkSqliteFile(file)
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    // After a checkpoint the write-ahead log shrinks back to this, so space a
    // burst of writes took is given back (a full disk then has room again).
    this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
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
      CREATE TABLE IF NOT EXISTS plan_handovers (
        plan_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        handover TEXT NOT NULL,
        PRIMARY KEY (plan_id, sequence)
      );
      CREATE TABLE IF NOT EXISTS plan_invitations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id TEXT NOT NULL,
        token_id TEXT NOT NULL,
        registration TEXT NOT NULL,
        UNIQUE (plan_id, token_id)
      );
      CREATE TABLE IF NOT EXISTS kring_health (
        id INTEGER PRIMARY KEY,
        checked_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS plan_admissions (
        plan_id TEXT PRIMARY KEY,
        admission_id TEXT NOT NULL UNIQUE,
        admitted_at INTEGER NOT NULL
      );
    `)
    this.statements = prepare(this.db)
  }

  async load(room: string): Promise<Uint8Array | null> {
    void this.appends.flush()
    return mergeStoredUpdates(
      room,
      this.statements.updatesOf.all(room).map((row) => row.update_bytes),
    )
  }

  /** Resolves once the transaction holding this update is committed (one sync to disk for many rooms, not one each). */
  append(room: string, update: Uint8Array): Promise<void> {
    if (!this.db.open) return Promise.reject(new Error('SQLite storage is closed'))
    return this.appends.add({ room, update })
  }

  async compact(room: string): Promise<StoredSize> {
    void this.appends.flush()
    return this.compactInTransaction(room)
  }

  async size(room: string): Promise<StoredSize> {
    void this.appends.flush()
    return this.statements.sizeOf.get(room) ?? { updates: 0, bytes: 0 }
  }

  async planSize(planId: string): Promise<StoredSize> {
    void this.appends.flush()
    return this.statements.planSizeOf.get(...(roomsOfPlan(planId) as [string, string, string])) ?? { updates: 0, bytes: 0 }
  }

  async addRevocation(planId: string, revocation: string): Promise<void> {
    void this.appends.flush()
    this.statements.addRevocation.run(planId, revocation)
  }

  async revocationsOf(planId: string): Promise<string[]> {
    void this.appends.flush()
    return this.statements.revocationsOf.all(planId).map((row) => row.revocation)
  }

  async addHandover(planId: string, sequence: number, handover: string): Promise<string> {
    void this.appends.flush()
    this.statements.addHandover.run(planId, sequence, handover)
    return this.statements.handoverAt.get(planId, sequence)!.handover
  }

  async handoversOf(planId: string): Promise<string[]> {
    void this.appends.flush()
    return this.statements.handoversOf.all(planId).map((row) => row.handover)
  }

  async addRegistration(planId: string, tokenId: string, registration: string): Promise<void> {
    void this.appends.flush()
    this.statements.addRegistration.run(planId, tokenId, registration)
  }

  async registrationsOf(planId: string): Promise<string[]> {
    void this.appends.flush()
    return this.statements.registrationsOf.all(planId).map((row) => row.registration)
  }

  async deletePlan(planId: string): Promise<void> {
    void this.appends.flush()
    this.deletePlanInTransaction(planId)
    // Old versions of the deleted pages live on in the write-ahead log until a
    // checkpoint; fold it into the database file and empty it now.
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  async isPlanDeleted(planId: string): Promise<boolean> {
    void this.appends.flush()
    return this.statements.isDeleted.get(planId) !== undefined
  }

  async admitPlan(planId: string, admissionId: string): Promise<boolean> {
    return this.db.transaction((): boolean => {
      if (this.statements.isAdmitted.get(planId) !== undefined) return true
      this.statements.admit.run(planId, admissionId, Date.now())
      return this.statements.admittedBy.get(admissionId)?.plan_id === planId
    })()
  }

  async isPlanAdmitted(planId: string): Promise<boolean> {
    return this.statements.isAdmitted.get(planId) !== undefined
  }

  async healthy(): Promise<boolean> {
    try {
      return this.statements.ping.get() !== undefined
    } catch {
      return false
    }
  }

  /** Writes one small row in a transaction of its own: tells whether writes work again after one failed (a full disk). */
  async probeWrite(): Promise<void> {
    void this.appends.flush()
    this.statements.probe.run(Date.now())
  }

  async close(): Promise<void> {
    if (!this.db.open) return
    void this.appends.flush()
    this.db.close()
  }

  /** Writes a group of appends in one transaction; rows for a deleted plan are left out (see `deletePlan`). */
  private commitAppends(group: { room: string; update: Uint8Array }[]): void {
    this.db.transaction(() => {
      for (const { room, update } of group) this.statements.appendUnlessDeleted.run(room, update, planIdOfRoom(room))
    })()
  }

  private readonly deletePlanInTransaction = (planId: string): void => {
    this.db.transaction(() => {
      this.statements.markDeleted.run(planId, Date.now())
      for (const room of roomsOfPlan(planId)) this.statements.deleteRoom.run(room)
      this.statements.deleteRevocations.run(planId)
      this.statements.deleteHandovers.run(planId)
      this.statements.deleteRegistrations.run(planId)
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

function prepare(db: Database.Database) {
  return {
    updatesOf: db.prepare<[string], UpdateRow>('SELECT update_bytes FROM room_updates WHERE room = ? ORDER BY seq'),
    insert: db.prepare<[string, Uint8Array]>('INSERT INTO room_updates (room, update_bytes) VALUES (?, ?)'),
    sizeOf: db.prepare<[string], StoredSize>(
      'SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(update_bytes)), 0) AS bytes FROM room_updates WHERE room = ?',
    ),
    planSizeOf: db.prepare<[string, string, string], StoredSize>(
      'SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(update_bytes)), 0) AS bytes FROM room_updates WHERE room IN (?, ?, ?)',
    ),
    deleteRoom: db.prepare<[string]>('DELETE FROM room_updates WHERE room = ?'),
    appendUnlessDeleted: db.prepare<[string, Uint8Array, string]>(
      'INSERT INTO room_updates (room, update_bytes) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM deleted_plans WHERE plan_id = ?)',
    ),
    addRevocation: db.prepare<[string, string]>('INSERT OR IGNORE INTO plan_revocations (plan_id, revocation) VALUES (?, ?)'),
    revocationsOf: db.prepare<[string], { revocation: string }>('SELECT revocation FROM plan_revocations WHERE plan_id = ? ORDER BY seq'),
    deleteRevocations: db.prepare<[string]>('DELETE FROM plan_revocations WHERE plan_id = ?'),
    addHandover: db.prepare<[string, number, string]>('INSERT OR IGNORE INTO plan_handovers (plan_id, sequence, handover) VALUES (?, ?, ?)'),
    handoverAt: db.prepare<[string, number], { handover: string }>('SELECT handover FROM plan_handovers WHERE plan_id = ? AND sequence = ?'),
    handoversOf: db.prepare<[string], { handover: string }>('SELECT handover FROM plan_handovers WHERE plan_id = ? ORDER BY sequence'),
    deleteHandovers: db.prepare<[string]>('DELETE FROM plan_handovers WHERE plan_id = ?'),
    addRegistration: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO plan_invitations (plan_id, token_id, registration) VALUES (?, ?, ?)'),
    registrationsOf: db.prepare<[string], { registration: string }>('SELECT registration FROM plan_invitations WHERE plan_id = ? ORDER BY seq'),
    deleteRegistrations: db.prepare<[string]>('DELETE FROM plan_invitations WHERE plan_id = ?'),
    markDeleted: db.prepare<[string, number]>('INSERT OR IGNORE INTO deleted_plans (plan_id, deleted_at) VALUES (?, ?)'),
    isDeleted: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM deleted_plans WHERE plan_id = ?'),
    admit: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO plan_admissions (plan_id, admission_id, admitted_at) VALUES (?, ?, ?)'),
    admittedBy: db.prepare<[string], { plan_id: string }>('SELECT plan_id FROM plan_admissions WHERE admission_id = ?'),
    isAdmitted: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM plan_admissions WHERE plan_id = ?'),
    ping: db.prepare<[], { one: number }>('SELECT 1 AS one'),
    probe: db.prepare<[number]>('INSERT OR REPLACE INTO kring_health (id, checked_at) VALUES (1, ?)'),
  }
}

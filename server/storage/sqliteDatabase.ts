import Database from 'better-sqlite3'
import { join } from 'node:path'
import { planIdOfRoom, roomsOfPlan } from '../../shared/protocol/rooms.ts'
import { mergeStoredUpdates } from './mergeStored.ts'
import { unpackAppends } from './packedAppends.ts'
import { byRoom, joinRun, updatesIn, type UpdateRow } from './storedRun.ts'
import { checkSqliteFile } from './sqliteFile.ts'
import type { MeetingCode } from './planRecords.ts'
import type { StoredSize } from './roomLog.ts'
import { StorageUnusableError } from './storage.ts'
import { WalSync } from './walSync.ts'

/** The file name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'kring.sqlite'

/**
 * The layout of the tables this release writes, kept in the file's
 * user_version: 1 for runs of updates in one row (storedRun.ts). A release
 * refuses a file of a layout newer than its own, which it would misread; the
 * releases before 1 kept no number and cannot tell (README, "Durability").
 */
export const SQLITE_LAYOUT = 1

/** What the write-ahead log shrinks back to after a checkpoint (SQLite's journal_size_limit). */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024

/**
 * The SQLite file itself, `<dataDir>/kring.sqlite` in WAL mode: each room a
 * log of Yjs updates (one row per room per commit, storedRun.ts), and the
 * plans' records. Synchronous, as better-sqlite3
 * is; it runs in the storage's worker thread (sqliteWorker.ts), so its syncs
 * to disk and its compactions never hold up the relay's event loop.
 * Edits are synced to disk right after their commit, once for the commits
 * made until then (walSync.ts): a commit survives a crash of the process at
 * once and a power cut once synced. The plan's records (registrations, admissions, meeting
 * codes, the health probe) are synced before their call returns, and
 * revocations, handovers and deletions are folded into the database file.
 */
export class SqliteDatabase {
  private readonly db: Database.Database
  private readonly statements: ReturnType<typeof prepare>
  /** Syncs the write-ahead log right after edits are committed. */
  readonly walSync: WalSync

  /**
   * Opens (and creates when missing) the file; the folder must exist. Throws
   * `StorageUnusableError` for a file that exists but is empty, cannot be
   * read or is not Kring's (sqliteFile.ts).
   */
  constructor(dataDir: string) {
    const file = join(dataDir, SQLITE_FILE_NAME)
    checkSqliteFile(file)
    this.db = new Database(file)
    this.refuseNewerLayout(file)
    this.db.pragma('journal_mode = WAL')
    // In WAL mode NORMAL syncs the log at checkpoints only; walSync syncs it after commits.
    this.db.pragma('synchronous = NORMAL')
    this.walSync = new WalSync(`${file}-wal`)
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
        update_bytes BLOB NOT NULL,
        updates_in_row INTEGER NOT NULL DEFAULT 1
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
      CREATE TABLE IF NOT EXISTS kring_health (
        id INTEGER PRIMARY KEY,
        checked_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS plan_admissions (
        plan_id TEXT PRIMARY KEY,
        admission_id TEXT NOT NULL UNIQUE,
        admitted_at INTEGER NOT NULL
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
      CREATE TABLE IF NOT EXISTS meeting_codes (
        code TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL,
        token_id TEXT NOT NULL,
        invitation TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        UNIQUE (plan_id, token_id)
      );
      CREATE INDEX IF NOT EXISTS meeting_codes_by_expiry ON meeting_codes (expires_at);
    `)
    // When a revocation or handover was stored (ms), for rechecking recent changes; files of earlier releases lack it.
    for (const table of ['plan_revocations', 'plan_handovers']) this.addColumnUnlessThere(table, 'stored_at', 'INTEGER NOT NULL DEFAULT 0')
    // How many updates a row holds: more than one in a run (storedRun.ts); files of earlier releases hold one per row.
    this.addColumnUnlessThere('room_updates', 'updates_in_row', 'INTEGER NOT NULL DEFAULT 1')
    this.db.pragma(`user_version = ${SQLITE_LAYOUT}`)
    this.statements = prepare(this.db)
  }

  /** A file a later release wrote may hold what this one would misread: it is not opened. */
  private refuseNewerLayout(file: string): void {
    const layout = this.db.pragma('user_version', { simple: true }) as number
    if (layout <= SQLITE_LAYOUT) return
    this.db.close()
    throw new StorageUnusableError(
      `${file} was written by a later release of Kring (layout ${layout}; this release knows up to ${SQLITE_LAYOUT}). Run that release or a later one; a relay never goes back to an earlier release once a later one has written its file.`,
    )
  }

  /** A column files of earlier releases lack, added with what rows already there take. */
  private addColumnUnlessThere(table: string, column: string, definition: string): void {
    const columns = this.db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all()
    if (!columns.some(({ name }) => name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`)
  }

  load(room: string): Uint8Array | null {
    return mergeStoredUpdates(room, updatesIn(room, this.statements.updatesOf.all(room)))
  }

  /**
   * Writes a group of appends (packed, packedAppends.ts) in one transaction
   * and syncs it to disk before it returns (walSync.ts), in the same wake-up
   * of the thread: one row for each room, its updates joined when it has
   * several (storedRun.ts); rows for a deleted plan are left out. Returns
   * how long the commit and its sync took, in ms, by which the storage paces
   * its commits (commitPacing.ts).
   */
  append(packed: Uint8Array): number {
    const began = performance.now()
    this.db.transaction(() => {
      for (const [room, updates] of byRoom(unpackAppends(packed))) {
        const bytes = updates.length === 1 ? updates[0]! : joinRun(updates)
        this.statements.appendUnlessDeleted.run(room, bytes, updates.length, planIdOfRoom(room))
      }
    })()
    this.walSync.committed()
    this.walSync.syncNow()
    return performance.now() - began
  }

  /** Reads the log, compacts it into one update and swaps it in, all or nothing. */
  compact(room: string): StoredSize {
    // What waits for its sync is synced before a compaction holds this thread up (a 1 MB plan takes hundreds of ms).
    this.walSync.syncNow()
    const size = this.db.transaction((name: string): StoredSize => {
      const rows = this.statements.updatesOf.all(name)
      if (rows.length === 0) return { updates: 0, bytes: 0 }
      if (rows.length === 1 && rows[0]!.updates_in_row === 1) return { updates: 1, bytes: rows[0]!.update_bytes.byteLength }
      const state = mergeStoredUpdates(name, updatesIn(name, rows), { compact: true })!
      this.statements.deleteRoom.run(name)
      this.statements.insert.run(name, state)
      return { updates: 1, bytes: state.byteLength }
    })(room)
    this.walSync.committed()
    return size
  }

  size(room: string): StoredSize {
    return this.statements.sizeOf.get(room) ?? { updates: 0, bytes: 0 }
  }

  planSize(planId: string): StoredSize {
    return this.statements.planSizeOf.get(...(roomsOfPlan(planId) as [string, string, string])) ?? { updates: 0, bytes: 0 }
  }

  addRevocation(planId: string, revocation: string): void {
    if (this.statements.addRevocation.run(planId, revocation, Date.now()).changes > 0) this.intoDatabaseFile()
  }

  revocationsOf(planId: string): string[] {
    return this.statements.revocationsOf.all(planId).map((row) => row.revocation)
  }

  /** Stores a handover as step `sequence` unless one is there; returns the text that holds that step. */
  addHandover(planId: string, sequence: number, handover: string): string {
    if (this.statements.addHandover.run(planId, sequence, handover, Date.now()).changes > 0) this.intoDatabaseFile()
    return this.statements.handoverAt.get(planId, sequence)!.handover
  }

  handoversOf(planId: string): string[] {
    return this.statements.handoversOf.all(planId).map((row) => row.handover)
  }

  addRegistration(planId: string, tokenId: string, registration: string): void {
    this.statements.addRegistration.run(planId, tokenId, registration)
    this.onDiskNow()
  }

  registrationsOf(planId: string): string[] {
    return this.statements.registrationsOf.all(planId).map((row) => row.registration)
  }

  deletePlan(planId: string): void {
    this.db.transaction(() => {
      this.statements.markDeleted.run(planId, Date.now())
      for (const room of roomsOfPlan(planId)) this.statements.deleteRoom.run(room)
      this.statements.deleteRevocations.run(planId)
      this.statements.deleteHandovers.run(planId)
      this.statements.deleteRegistrations.run(planId)
      this.statements.deleteMeetingCodes.run(planId)
    })()
    // Old versions of the deleted pages live on in the write-ahead log until a
    // checkpoint; fold it into the database file and empty it now.
    this.intoDatabaseFile()
  }

  /**
   * Folds the write-ahead log into the database file and empties it, after a
   * revocation, handover or deletion is committed. Committed is durable, but
   * while it lives only in the log it rests on every frame before it: a log
   * damaged after a crash (kill -9 at a bad moment, a bad sector) is read up
   * to the first frame that fails its checksum, and SQLite drops the rest
   * without a word, so a revocation would be forgotten and its token let in
   * again (issue 16, finding 5). In the database file it no longer depends on
   * the log. Edits are not folded in each time: they are many, and every
   * device that holds them sends them again; these decisions are few.
   */
  private intoDatabaseFile(): void {
    // On disk first, in the log: a checkpoint that another reader holds up ("busy") folds nothing in and syncs nothing.
    this.onDiskNow()
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  /** Plans with a revocation, handover or deletion stored within the last `ms` (PlanRecords.plansChangedWithin). */
  plansChangedWithin(ms: number): string[] {
    const since = Date.now() - ms
    return this.statements.changedSince.all(since, since, since).map((row) => row.plan_id)
  }

  isPlanDeleted(planId: string): boolean {
    return this.statements.isDeleted.get(planId) !== undefined
  }

  /** Lets a plan in by an admission, once per admission (PlanRecords.admitPlan). */
  admitPlan(planId: string, admissionId: string): boolean {
    const admitted = this.db.transaction((): boolean => {
      if (this.statements.isAdmitted.get(planId) !== undefined) return true
      this.statements.admit.run(planId, admissionId, Date.now())
      return this.statements.admittedBy.get(admissionId)?.plan_id === planId
    })()
    this.onDiskNow()
    return admitted
  }

  isPlanAdmitted(planId: string): boolean {
    return this.statements.isAdmitted.get(planId) !== undefined
  }

  /** Keeps a meeting code unless its link has one or its code is taken (PlanRecords.addMeetingCode). */
  addMeetingCode(code: MeetingCode, now: number): MeetingCode | undefined {
    const kept = this.db.transaction((): MeetingCode | undefined => {
      this.statements.removeExpiredCodes.run(now)
      this.statements.addMeetingCode.run(code.code, code.planId, code.tokenId, code.invitation, code.expiresAt)
      const row = this.statements.meetingCodeOfLink.get(code.planId, code.tokenId)
      return row === undefined ? undefined : meetingCodeOf(row)
    })()
    this.onDiskNow()
    return kept
  }

  meetingCode(code: string, now: number): MeetingCode | undefined {
    const row = this.statements.meetingCode.get(code, now)
    return row === undefined ? undefined : meetingCodeOf(row)
  }

  removeExpiredMeetingCodes(now: number): number {
    const removed = this.statements.removeExpiredCodes.run(now).changes
    if (removed > 0) this.walSync.committed()
    return removed
  }

  ping(): boolean {
    return this.statements.ping.get() !== undefined
  }

  /** One small write in a transaction of its own (Storage.probeWrite). */
  probeWrite(): void {
    this.statements.probe.run(Date.now())
    this.onDiskNow()
  }

  close(): void {
    if (!this.db.open) return
    try {
      this.walSync.close()
    } finally {
      this.db.close()
    }
  }

  /** Syncs the log now, with every commit before: for the few records whose caller is told they are stored. */
  private onDiskNow(): void {
    this.walSync.committed()
    this.walSync.syncNow()
  }
}

interface MeetingCodeRow {
  code: string
  plan_id: string
  token_id: string
  invitation: string
  expires_at: number
}

function meetingCodeOf(row: MeetingCodeRow): MeetingCode {
  return { code: row.code, planId: row.plan_id, tokenId: row.token_id, invitation: row.invitation, expiresAt: row.expires_at }
}

function prepare(db: Database.Database) {
  return {
    updatesOf: db.prepare<[string], UpdateRow>('SELECT update_bytes, updates_in_row FROM room_updates WHERE room = ? ORDER BY seq'),
    insert: db.prepare<[string, Uint8Array]>('INSERT INTO room_updates (room, update_bytes) VALUES (?, ?)'),
    sizeOf: db.prepare<[string], StoredSize>(
      'SELECT COALESCE(SUM(updates_in_row), 0) AS updates, COALESCE(SUM(LENGTH(update_bytes)), 0) AS bytes FROM room_updates WHERE room = ?',
    ),
    planSizeOf: db.prepare<[string, string, string], StoredSize>(
      'SELECT COALESCE(SUM(updates_in_row), 0) AS updates, COALESCE(SUM(LENGTH(update_bytes)), 0) AS bytes FROM room_updates WHERE room IN (?, ?, ?)',
    ),
    deleteRoom: db.prepare<[string]>('DELETE FROM room_updates WHERE room = ?'),
    appendUnlessDeleted: db.prepare<[string, Uint8Array, number, string]>(
      'INSERT INTO room_updates (room, update_bytes, updates_in_row) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM deleted_plans WHERE plan_id = ?)',
    ),
    addRevocation: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO plan_revocations (plan_id, revocation, stored_at) VALUES (?, ?, ?)'),
    revocationsOf: db.prepare<[string], { revocation: string }>('SELECT revocation FROM plan_revocations WHERE plan_id = ? ORDER BY seq'),
    deleteRevocations: db.prepare<[string]>('DELETE FROM plan_revocations WHERE plan_id = ?'),
    addHandover: db.prepare<[string, number, string, number]>('INSERT OR IGNORE INTO plan_handovers (plan_id, sequence, handover, stored_at) VALUES (?, ?, ?, ?)'),
    changedSince: db.prepare<[number, number, number], { plan_id: string }>(
      `SELECT plan_id FROM plan_revocations WHERE stored_at > ?
       UNION SELECT plan_id FROM plan_handovers WHERE stored_at > ?
       UNION SELECT plan_id FROM deleted_plans WHERE deleted_at > ?`,
    ),
    handoverAt: db.prepare<[string, number], { handover: string }>('SELECT handover FROM plan_handovers WHERE plan_id = ? AND sequence = ?'),
    handoversOf: db.prepare<[string], { handover: string }>('SELECT handover FROM plan_handovers WHERE plan_id = ? ORDER BY sequence'),
    deleteHandovers: db.prepare<[string]>('DELETE FROM plan_handovers WHERE plan_id = ?'),
    addRegistration: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO plan_invitations (plan_id, token_id, registration) VALUES (?, ?, ?)'),
    registrationsOf: db.prepare<[string], { registration: string }>('SELECT registration FROM plan_invitations WHERE plan_id = ? ORDER BY seq'),
    deleteRegistrations: db.prepare<[string]>('DELETE FROM plan_invitations WHERE plan_id = ?'),
    addMeetingCode: db.prepare<[string, string, string, string, number]>(
      'INSERT OR IGNORE INTO meeting_codes (code, plan_id, token_id, invitation, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    meetingCodeOfLink: db.prepare<[string, string], MeetingCodeRow>('SELECT * FROM meeting_codes WHERE plan_id = ? AND token_id = ?'),
    meetingCode: db.prepare<[string, number], MeetingCodeRow>('SELECT * FROM meeting_codes WHERE code = ? AND expires_at > ?'),
    removeExpiredCodes: db.prepare<[number]>('DELETE FROM meeting_codes WHERE expires_at <= ?'),
    deleteMeetingCodes: db.prepare<[string]>('DELETE FROM meeting_codes WHERE plan_id = ?'),
    markDeleted: db.prepare<[string, number]>('INSERT OR IGNORE INTO deleted_plans (plan_id, deleted_at) VALUES (?, ?)'),
    isDeleted: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM deleted_plans WHERE plan_id = ?'),
    admit: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO plan_admissions (plan_id, admission_id, admitted_at) VALUES (?, ?, ?)'),
    admittedBy: db.prepare<[string], { plan_id: string }>('SELECT plan_id FROM plan_admissions WHERE admission_id = ?'),
    isAdmitted: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM plan_admissions WHERE plan_id = ?'),
    ping: db.prepare<[], { one: number }>('SELECT 1 AS one'),
    probe: db.prepare<[number]>('INSERT OR REPLACE INTO kring_health (id, checked_at) VALUES (1, ?)'),
  }
}

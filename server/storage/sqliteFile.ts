import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { errorSummary } from '../log.ts'
import { StorageUnusableError } from './storage.ts'


/** Tables every Kring SQLite file has had since the first release. */
const KRING_TABLES = ['room_updates', 'plan_revocations', 'deleted_plans'] as const

/**
 * Checks the SQLite file at `path` before the relay opens it, so a relay
 * never starts as if new on a database that lost its contents: the plans'
 * revocations and deletions would be forgotten, a revoked token let in again
 * and a deleted plan taken back from a device that still holds it.
 *
 * - no file (and no write-ahead log left behind): a new relay, fine;
 * - a file of 0 bytes: refused (an emptied file is not a new database);
 * - a file SQLite cannot read (truncated, damaged header), or one without
 *   Kring's tables: refused, naming the problem.
 *
 * Cheap whatever the file's size: it reads the header and the schema, not
 * every page. Throws `StorageUnusableError`; returns whether the file is new.
 */
export function checkSqliteFile(path: string): { isNew: boolean } {
  if (!existsSync(path)) {
    const wal = `${path}-wal`
    if (existsSync(wal) && statSync(wal).size > 0) {
      throw new StorageUnusableError(
        `${path} is missing, but its write-ahead log ${wal} is there: the database was moved or deleted. ` +
          'Put it back (or restore it from a backup); to start with no plans at all, move the -wal and -shm files away too.',
      )
    }
    return { isNew: true }
  }
  if (statSync(path).size === 0) {
    throw new StorageUnusableError(
      `${path} exists but is empty (0 bytes): it lost its contents, and starting on it would forget every plan, revocation and deletion. ` +
        `Restore it from a backup; to start with no plans at all, move it away first (mv ${path} ${path}.empty).`,
    )
  }
  let db: Database.Database | undefined
  try {
    db = new Database(path, { fileMustExist: true })
    db.pragma('page_count')
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name))
    const missing = KRING_TABLES.filter((table) => !tables.has(table))
    if (missing.length > 0) {
      throw new StorageUnusableError(
        `${path} is not a Kring database, or lost its tables (missing: ${missing.join(', ')}). Restore it from a backup, or point DATA_DIR at the right folder.`,
      )
    }
    return { isNew: false }
  } catch (error) {
    if (error instanceof StorageUnusableError) throw error
    throw new StorageUnusableError(
      `${path} cannot be read (${errorSummary(error).message}). Restore it from a backup; the relay does not start on a damaged database.`,
      { cause: error },
    )
  } finally {
    db?.close()
  }
}

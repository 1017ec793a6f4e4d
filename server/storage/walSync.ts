import { closeSync, fdatasyncSync, fstatSync, openSync, statSync } from 'node:fs'

/**
 * Syncs SQLite's write-ahead log to disk right after a commit, once for every
 * commit made until then (the README's durability window), in the same
 * wake-up of the worker thread: a group of edits before the thread answers
 * for it (SqliteDatabase.append, so the time it reports, by which commits
 * are paced, includes the sync), other writes once it has answered for them
 * (setImmediate), before it waits for its next message. Edits are gathered
 * before they are committed (commitPacing.ts), so commits and syncs come at
 * most that often; a sync delayed further would only wake the thread a
 * second time.
 *
 * The database runs with `synchronous = NORMAL`: a commit is written to the
 * log (so a crash of the process loses nothing) but not synced, which SQLite
 * would otherwise do after every commit, holding each group of edits up for a
 * sync of its own. SQLite has no "sync the log now" of its own, so this opens
 * the log file and calls fdatasync on it: the same sync `synchronous = FULL`
 * makes after a commit, made once for many.
 *
 * A failed sync is final: Linux reports a write error once and may count the
 * lost pages as written, so a later sync that succeeds proves nothing. The
 * error is kept and thrown by every call after it (the storage then fails
 * every write, rooms close and /healthz says so), and when it runs on its own it
 * stops the worker thread, which the relay reports the same way (sqlite.ts).
 */
export class WalSync {
  private scheduled: NodeJS.Immediate | undefined
  private fd: number | undefined
  private inode: number | undefined
  /** Why a sync failed; from then on nothing more is taken as stored. */
  private failure: unknown
  /** How many times the log file was synced to disk (for tests). */
  syncs = 0

  constructor(
    /** The database file's write-ahead log: `<file>-wal`. */
    private readonly walFile: string,
  ) {}

  /** Whether a commit waits for its sync. */
  get pending(): boolean {
    return this.scheduled !== undefined
  }

  /** A commit was made: it is synced once the thread's present work is done, with every commit made until then. */
  committed(): void {
    this.throwIfFailed()
    this.scheduled ??= setImmediate(this.syncNow)
  }

  /** Syncs what was committed and not yet synced, now. Throws when this or an earlier sync failed. */
  readonly syncNow = (): void => {
    this.throwIfFailed()
    if (this.scheduled === undefined) return
    clearImmediate(this.scheduled)
    this.scheduled = undefined
    try {
      const fd = this.logFile()
      if (fd === undefined) return
      fdatasyncSync(fd)
      this.syncs++
    } catch (error) {
      this.failure = error
      throw error
    }
  }

  /** Syncs what waits and lets go of the log file, even when that sync fails; call before the database closes. */
  close(): void {
    try {
      this.syncNow()
    } finally {
      if (this.fd !== undefined) closeSync(this.fd)
      this.fd = undefined
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw new Error('An earlier sync of the write-ahead log to disk failed; nothing since can be taken as stored', { cause: this.failure })
  }

  /**
   * The log file, opened once; opened again should SQLite have made a new one
   * (it removes the log when the last connection to the file closes).
   * Undefined when there is none: then there is nothing unsynced in it.
   */
  private logFile(): number | undefined {
    let inode: number
    try {
      inode = statSync(this.walFile).ino
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    if (this.fd !== undefined && inode === this.inode) return this.fd
    if (this.fd !== undefined) closeSync(this.fd)
    // Read and write, though nothing is written through it: Windows flushes only a file opened for writing.
    this.fd = openSync(this.walFile, 'r+')
    this.inode = fstatSync(this.fd).ino
    return this.fd
  }
}

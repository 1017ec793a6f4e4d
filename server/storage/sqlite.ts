import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { CommitPacing } from './commitPacing.ts'
import { GroupCommit } from './groupCommit.ts'
import { PackedAppends, type Append } from './packedAppends.ts'
import type { MeetingCode } from './planRecords.ts'
import { StorageCorruptError, type StoredSize } from './roomLog.ts'
import { SQLITE_FILE_NAME } from './sqliteDatabase.ts'
import { checkSqliteFile } from './sqliteFile.ts'
import type { SqliteArgs, SqliteMethod, SqliteRequest, SqliteResult } from './sqliteWorker.ts'
import { StorageUnusableError, type Storage } from './storage.ts'
import { startTsWorker } from '../workers/startTsWorker.ts'
import { plainError, WorkerCalls, type WorkerError } from '../workers/workerCalls.ts'
import { waitAtMost } from '../waitAtMost.ts'

export { SQLITE_FILE_NAME, WAL_SIZE_LIMIT_BYTES } from './sqliteDatabase.ts'

/**
 * How long /healthz waits for the worker to answer: a worker busy with a long
 * compaction or a slow sync to disk is still healthy; one that has not
 * answered in this long is not.
 */
const HEALTH_TIMEOUT_MS = 5_000

/**
 * The embedded default backend: one SQLite file `<dataDir>/kring.sqlite`
 * (sqliteDatabase.ts), read and written in a worker thread (sqliteWorker.ts),
 * so a sync to disk or a compaction never holds up the relay's event loop
 * (architecture.md, decision 5).
 *
 * Appends are committed in groups (groupCommit.ts): one transaction for
 * every append made while a group gathers (as long as the durability window
 * allows, commitPacing.ts) or while the previous group was being written,
 * each synced to disk right after (walSync.ts). A group is packed into one
 * buffer as its appends are made and moves to the thread transferred, not
 * cloned item by item (packedAppends.ts). Every other
 * call first waits for the appends made before it, so calls take effect in
 * the order they are made.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite'
  /** Resolves once the file is open; rejects with why it cannot be. */
  readonly ready: Promise<void>
  private readonly worker = storageWorker()
  private readonly database = nextDatabase++
  private readonly pacing = new CommitPacing()
  private readonly appends = new GroupCommit<Append, PackedAppends>((group) => this.commit(group), {
    gatherMs: () => this.pacing.gatherMs,
    gatherInto: () => new PackedAppends(),
  })
  private closed: Promise<void> | undefined

  /**
   * Opens (and creates when missing) `<dataDir>/kring.sqlite`; see `ready`,
   * or use `open`. Throws `StorageUnusableError` at once for a file that
   * exists but is empty, cannot be read or is not Kring's (sqliteFile.ts):
   * the relay never starts on it as if new.
   */
  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    checkSqliteFile(join(dataDir, SQLITE_FILE_NAME))
    this.ready = this.call('open', dataDir)
    // Whoever waits on `ready` hears why; so does every call after it.
    this.ready.catch(() => {})
  }

  /** A storage whose file is open; rejects when it cannot be opened. */
  static async open(dataDir: string): Promise<SqliteStorage> {
    const storage = new SqliteStorage(dataDir)
    await storage.ready
    return storage
  }

  async load(room: string): Promise<Uint8Array | null> {
    await this.appends.flush()
    return this.call('load', room)
  }

  /** Resolves once the transaction holding this update is committed and synced to disk. */
  append(room: string, update: Uint8Array): Promise<void> {
    if (this.closed !== undefined) return Promise.reject(new Error('SQLite storage is closed'))
    return this.appends.add({ room, update })
  }

  /**
   * One group of appends in one transaction, synced; how long the thread
   * took for it paces the next (commitPacing.ts). The group, packed as it
   * gathered, moves to the thread as one transferred buffer.
   */
  private async commit(group: PackedAppends): Promise<void> {
    const packed = group.bytes()
    this.pacing.committed(await this.send('append', [packed], [packed.buffer]))
  }

  async compact(room: string): Promise<StoredSize> {
    await this.appends.flush()
    return this.call('compact', room)
  }

  async size(room: string): Promise<StoredSize> {
    await this.appends.flush()
    return this.call('size', room)
  }

  async planSize(planId: string): Promise<StoredSize> {
    await this.appends.flush()
    return this.call('planSize', planId)
  }

  async addRevocation(planId: string, revocation: string): Promise<void> {
    await this.appends.flush()
    return this.call('addRevocation', planId, revocation)
  }

  async revocationsOf(planId: string): Promise<string[]> {
    await this.appends.flush()
    return this.call('revocationsOf', planId)
  }

  async addHandover(planId: string, sequence: number, handover: string): Promise<string> {
    await this.appends.flush()
    return this.call('addHandover', planId, sequence, handover)
  }

  async handoversOf(planId: string): Promise<string[]> {
    await this.appends.flush()
    return this.call('handoversOf', planId)
  }

  async addRegistration(planId: string, tokenId: string, registration: string): Promise<void> {
    await this.appends.flush()
    return this.call('addRegistration', planId, tokenId, registration)
  }

  async registrationsOf(planId: string): Promise<string[]> {
    await this.appends.flush()
    return this.call('registrationsOf', planId)
  }

  async deletePlan(planId: string): Promise<void> {
    await this.appends.flush()
    return this.call('deletePlan', planId)
  }

  async plansChangedWithin(ms: number): Promise<string[]> {
    await this.appends.flush()
    return this.call('plansChangedWithin', ms)
  }

  async isPlanDeleted(planId: string): Promise<boolean> {
    await this.appends.flush()
    return this.call('isPlanDeleted', planId)
  }

  async admitPlan(planId: string, admissionId: string): Promise<boolean> {
    return this.call('admitPlan', planId, admissionId)
  }

  async isPlanAdmitted(planId: string): Promise<boolean> {
    return this.call('isPlanAdmitted', planId)
  }

  async addMeetingCode(code: MeetingCode, now: number): Promise<MeetingCode | undefined> {
    return this.call('addMeetingCode', code, now)
  }

  async meetingCode(code: string, now: number): Promise<MeetingCode | undefined> {
    return this.call('meetingCode', code, now)
  }

  async removeExpiredMeetingCodes(now: number): Promise<number> {
    return this.call('removeExpiredMeetingCodes', now)
  }

  async healthy(): Promise<boolean> {
    if (this.closed !== undefined) return false
    return waitAtMost(this.call('ping').catch(() => false), HEALTH_TIMEOUT_MS, false)
  }

  /** Writes one small row in a transaction of its own: tells whether writes work again after one failed (a full disk). */
  async probeWrite(): Promise<void> {
    await this.appends.flush()
    return this.call('probeWrite')
  }

  /** Finishes the appends asked for, syncs them and closes the file; rejects when the last sync or the worker failed. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      await this.appends.flush()
      // Closing syncs what waits: should that fail, the caller hears it (those edits may not be on disk).
      await this.call('close')
    })()
    return this.closed
  }

  private call<M extends SqliteMethod>(method: M, ...args: SqliteArgs<M>): Promise<SqliteResult<M>> {
    return this.send(method, args, [])
  }

  /** A call whose `transfer` buffers move to the worker rather than being copied (and are unusable here after). */
  private send<M extends SqliteMethod>(method: M, args: SqliteArgs<M>, transfer: readonly ArrayBuffer[]): Promise<SqliteResult<M>> {
    return this.worker.call({ database: this.database, method, args } satisfies Omit<SqliteRequest, 'id'>, transfer) as Promise<SqliteResult<M>>
  }
}

let nextDatabase = 0

let currentWorker: WorkerCalls | undefined

/**
 * The worker thread (sqliteWorker.ts) every SqliteStorage of this process
 * talks to, started on first use. Should it die, every waiting call fails,
 * and so does every later call of the storages it served (their databases
 * were open in it); the next storage opened starts a new one.
 */
function storageWorker(): WorkerCalls {
  if (currentWorker === undefined || currentWorker.stopped) currentWorker = new WorkerCalls(startTsWorker(new URL('./sqliteWorker.ts', import.meta.url)), {
      whose: "The SQLite storage's",
      afterwards: 'nothing can be stored, rooms close and /healthz reports it until the relay is restarted',
      toError: errorFromWorker,
    })
  return currentWorker
}

function errorFromWorker(error: WorkerError): Error {
  if (error.name === 'StorageCorruptError' && error.room !== undefined) return new StorageCorruptError(error.room, new Error(error.message))
  if (error.name === 'StorageUnusableError') return new StorageUnusableError(error.message)
  return plainError(error)
}

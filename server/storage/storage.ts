/**
 * Where the relay keeps each room's document (architecture.md, decision 5).
 * One small interface; one file per backend beside it (sqlite.ts, postgres.ts).
 *
 * Rooms are stored as a log of Yjs updates. An update counts as received only
 * once `append` has resolved; the relay broadcasts it after that. `compact`
 * folds a room's log into one update so stored size follows content, not the
 * number of edits.
 */
export interface RoomStorage {
  /** A short name for logs and /healthz ("sqlite", "postgres"). */
  readonly kind: string

  /**
   * The room's stored updates merged into one Yjs update, or null when nothing
   * is stored. Throws a `StorageCorruptError` naming the room when stored
   * bytes cannot be read as Yjs updates.
   */
  load(room: string): Promise<Uint8Array | null>

  /** Stores one update durably; resolves once it would survive a crash. */
  append(room: string, update: Uint8Array): Promise<void>

  /**
   * Replaces the room's stored updates with one update holding the same
   * content, atomically. Reads the log itself (rather than taking a state from
   * the caller) so that updates another relay instance appended meanwhile are
   * never lost. Returns the size after compaction.
   */
  compact(room: string): Promise<StoredSize>

  /** How much is stored for a room: number of rows and total bytes of update data. */
  size(room: string): Promise<StoredSize>

  /** Deletes every stored byte of a room. */
  deleteRoom(room: string): Promise<void>

  /** Whether the backend answers right now (for /healthz). */
  healthy(): Promise<boolean>

  /** Closes the backend; pending writes are finished first. */
  close(): Promise<void>
}

export interface StoredSize {
  updates: number
  bytes: number
}

/** Stored data for a room cannot be decoded. The relay refuses that room and keeps serving others. */
export class StorageCorruptError extends Error {
  constructor(
    readonly room: string,
    cause: unknown,
  ) {
    super(`Stored data for room "${room}" cannot be read as Yjs updates`, { cause })
    this.name = 'StorageCorruptError'
  }
}

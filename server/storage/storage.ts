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

  /**
   * Stores one update durably; resolves once it would survive a crash.
   * Stores nothing for a room of a deleted plan (see deletePlan), so an
   * update racing a deletion can never bring the plan's bytes back.
   */
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

  /**
   * Stores a verified revocation of one of a plan's invitations (its signed
   * text, shared/capabilities/revocation.ts) durably. Storing the same text
   * again keeps one copy.
   */
  addRevocation(planId: string, revocation: string): Promise<void>

  /** The signed texts of a plan's stored revocations, oldest first. */
  revocationsOf(planId: string): Promise<string[]>

  /**
   * The right to erasure (shared/capabilities/deletion.ts): deletes every
   * stored byte of the plan's rooms and its revocations and remembers only
   * the plan id and when, so it is refused from then on; all at once.
   * Deleting a deleted plan again changes nothing.
   */
  deletePlan(planId: string): Promise<void>

  /** Whether the plan was deleted. */
  isPlanDeleted(planId: string): Promise<boolean>

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

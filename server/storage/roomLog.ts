/**
 * A room's document as the relay stores it (architecture.md, decision 5): a
 * log of Yjs updates per room, folded into one update from time to time so
 * stored size follows content, not the number of edits.
 *
 * Every call sees the effect of every `append` made before it (read your
 * writes), however the backend batches them. An append is durable within
 * DURABILITY_WINDOW_MS of being made, as long as the disk keeps up.
 */
export interface RoomLog {
  /**
   * The room's stored updates merged into one Yjs update, or null when nothing
   * is stored. Throws a `StorageCorruptError` naming the room when stored
   * bytes cannot be read as Yjs updates.
   */
  load(room: string): Promise<Uint8Array | null>

  /**
   * Stores one update durably; resolves once it would survive a crash.
   * Stores nothing for a room of a deleted plan (see PlanRecords.deletePlan),
   * so an update racing a deletion can never bring the plan's bytes back.
   * Appends written in one commit may return one and the same promise.
   */
  append(room: string, update: Uint8Array): Promise<void>

  /**
   * Replaces the room's stored updates with one update holding the same
   * content, atomically. Reads the log itself (rather than taking a state from
   * the caller) so that updates another relay instance appended meanwhile are
   * never lost. Returns the size after compaction.
   */
  compact(room: string): Promise<StoredSize>

  /**
   * How much is stored for a room: how many updates (a compacted room: one)
   * and the bytes they take (in SQLite, with a byte or two per update that
   * shares a row with others, storedRun.ts).
   */
  size(room: string): Promise<StoredSize>

  /**
   * How much is stored for a plan: its three rooms together. For its quota
   * (KRING_MAX_PLAN_BYTES), and to tell a plan this relay holds from a new one.
   */
  planSize(planId: string): Promise<StoredSize>
}

/**
 * The relay's promise (README, "Durability"): an update it accepts is on
 * disk within this many milliseconds, typically one group commit.
 */
export const DURABILITY_WINDOW_MS = 100

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

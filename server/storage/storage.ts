import type { PlanRecords } from './planRecords.ts'
import type { RoomLog } from './roomLog.ts'

/**
 * One storage backend (architecture.md, decision 5): the rooms' logs and the
 * plans' records in one place, so that deleting a plan (its rooms and its
 * records) stays one atomic act. One file per backend beside this one
 * (`sqlite.ts`, `postgres.ts`); every backend runs `storageSuite.ts`.
 *
 * The relay's parts ask only for the half they use: rooms for a `RoomLog`,
 * access control for `PlanRecords`.
 */
export interface Storage extends RoomLog, PlanRecords {
  /** A short name for logs and /healthz ("sqlite", "postgres"). */
  readonly kind: string

  /** Whether the backend answers right now (for /healthz). */
  healthy(): Promise<boolean>

  /**
   * Makes one small write of its own and resolves once it is durable, or
   * rejects as a failing write would (a full disk): after a write failed,
   * /healthz asks this to learn when writes work again, even when no client
   * is writing.
   */
  probeWrite(): Promise<void>

  /** Closes the backend; writes already asked for are finished first. */
  close(): Promise<void>
}

/**
 * The relay's storage cannot be used as it is; the message says why and what
 * an operator can do. Thrown at start, so the relay never runs on it as if
 * it were new.
 */
export class StorageUnusableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StorageUnusableError'
  }
}

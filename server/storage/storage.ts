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

  /** Closes the backend; writes already asked for are finished first. */
  close(): Promise<void>
}

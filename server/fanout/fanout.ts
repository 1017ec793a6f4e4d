/**
 * Passes a room's messages to the other relay instances that hold the same
 * room (architecture.md, decision 6). Messages are y-websocket frames (sync
 * updates, awareness); an instance never receives its own publications.
 * `local.ts` is the single-process default, `redis.ts` passes them between
 * instances.
 */
export interface FanOut {
  /** A short name for logs ("local", "redis"). */
  readonly kind: string

  /** Sends one frame of `room` to the other instances; resolves once handed to the transport. */
  publish(room: string, message: Uint8Array): Promise<void>

  /**
   * Calls `handler` with every frame other instances publish for `room` from
   * now on. Returns a function that stops the subscription.
   */
  subscribe(room: string, handler: (message: Uint8Array) => void): () => void

  /** Tells the other instances of an access change this one has stored. */
  announceAccessChange(change: AccessChange): Promise<void>

  /**
   * Calls `handler` with every access change other instances announce, and
   * with `recheck` when announcements may have been missed (the link to the
   * other instances was down). Returns a function that stops it.
   */
  onAccessChange(handler: (change: AccessChange) => void): () => void

  /** Whether messages can reach other instances right now (for /healthz). */
  healthy(): Promise<boolean>

  /**
   * Since when (ms since 1970) the other instances have been out of reach,
   * or undefined while they can be reached (or there are none).
   */
  unavailableSince(): number | undefined

  /** Stops all subscriptions and releases connections. */
  close(): Promise<void>
}

/**
 * Access to a plan changed on one instance (issue 5): the others close the
 * connections it concerns that they hold. The change is already in storage,
 * which stays the source of truth; this only makes it take effect at once.
 */
export type AccessChange =
  /** A signed revocation, as the household sent it (it holds no secret). */
  | { kind: 'revocation'; planId: string; revocation: string }
  | { kind: 'deletion'; planId: string }
  /** Changes may have been missed: check every plan held against storage. */
  | { kind: 'recheck' }

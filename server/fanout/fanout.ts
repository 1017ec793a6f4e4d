/**
 * Passes a room's messages to the other relay instances that hold the same
 * room (architecture.md, decision 6). Messages are y-websocket frames (sync
 * updates, awareness); an instance never receives its own publications.
 * `local.ts` is the single-process default; a Redis implementation slots in
 * beside it.
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

  /** Whether messages can reach other instances right now (for /healthz). */
  healthy(): Promise<boolean>

  /** Stops all subscriptions and releases connections. */
  close(): Promise<void>
}

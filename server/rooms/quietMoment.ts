/** When a room's due compactions run: after how long without an edit, and at the latest how long after they fell due. */
export interface QuietTimes {
  /** A pause between edits this long lets them run (KRING_COMPACT_WHEN_QUIET_MS); 0: right after the turn they fell due in. */
  quietMs: number
  /** A room that never pauses this long runs them this long after they fell due (KRING_COMPACT_AT_LATEST_MS). */
  atLatestMs: number
}

/**
 * Waits for a pause in a room's editing to run work that can wait (its
 * compactions), so that the work takes a core between edits rather than
 * while people type, as Hocuspocus debounces its stores: on a small server
 * a compaction's milliseconds in a worker thread are felt as the slowest
 * edits passing through (bench/RESULTS.md). Work that falls due runs once
 * the room has had no edit for `quietMs`, or `atLatestMs` after it fell due
 * when the editing never pauses, so nothing grows without bound.
 *
 * An edit only notes the time (this runs for every edit); one timer looks
 * again when the pause could be long enough.
 */
export class QuietMoment {
  private lastEditAt = 0
  private dueSince: number | undefined
  private timer: NodeJS.Timeout | undefined
  private immediate: NodeJS.Immediate | undefined
  private stopped = false

  constructor(
    private readonly run: () => void,
    private readonly times: QuietTimes,
  ) {}

  /** An edit came in now. */
  edited(): void {
    this.lastEditAt = performance.now()
  }

  /** Something fell due: `run` is called in the next quiet moment (once, however often this is called meanwhile). */
  due(): void {
    if (this.stopped || this.dueSince !== undefined) return
    this.dueSince = performance.now()
    if (this.times.quietMs === 0) {
      this.immediate = setImmediate(this.fire)
      this.immediate.unref()
    } else this.lookAgainIn(Math.min(this.times.quietMs, this.times.atLatestMs))
  }

  /** Nothing runs any more, whatever falls due later (the room is closed). */
  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    clearImmediate(this.immediate)
    this.timer = undefined
    this.immediate = undefined
  }

  private lookAgainIn(ms: number): void {
    this.timer = setTimeout(this.look, ms)
    // Waiting work never keeps the process alive: shutdown and unloading compact a room anyway.
    this.timer.unref()
  }

  private readonly look = (): void => {
    const now = performance.now()
    const quietFor = now - this.lastEditAt
    const waited = now - this.dueSince!
    if (quietFor >= this.times.quietMs || waited >= this.times.atLatestMs) this.fire()
    else this.lookAgainIn(Math.min(this.times.quietMs - quietFor, this.times.atLatestMs - waited))
  }

  private readonly fire = (): void => {
    this.timer = undefined
    this.immediate = undefined
    this.dueSince = undefined
    this.run()
  }
}

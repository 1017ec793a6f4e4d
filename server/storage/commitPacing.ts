import { DURABILITY_WINDOW_MS } from './roomLog.ts'

/**
 * What the window always keeps for the commit and the sync after it, however
 * quick commits have been: on a healthy disk a commit and its sync take a
 * millisecond or two; the rest covers a storage thread that waits for a core
 * (it runs below the relay's priority, backgroundPriority.ts).
 */
export const COMMIT_MARGIN_MS = 20

/**
 * How many times the slowest recent commit the window keeps for the next:
 * the commit itself, the sync after it (walSync.ts, not in the time the
 * thread answers in), and a commit that takes longer than the last ones did.
 */
const SLOWEST_COMMITS_KEPT = 3

/** The shortest gathering: commits as slow as the window gain nothing from more wake-ups. */
const MIN_GATHER_MS = 5

/** How much of a slow commit is remembered at each commit after it: gone to a tenth in some twenty commits, two seconds of typing. */
const SLOW_COMMIT_MEMORY = 0.9

/**
 * How long the SQLite storage gathers appends before it commits them, so
 * that an edit is on disk within the README's 100 ms (DURABILITY_WINDOW_MS)
 * with as few commits as that allows.
 *
 * Every commit wakes the storage thread, which on a small server takes a
 * core from the relay's event loop or from whatever else runs there, and
 * costs the event loop a message each way; edits passed on while a commit
 * runs are among the relay's slowest. So a group gathers for as much of the
 * window as commits leave: 80 ms (COMMIT_MARGIN_MS kept) while commits are
 * quick, twelve wake-ups a second instead of the twenty of a fixed 50 ms;
 * less when they slow down (a busy disk, a compaction in the thread before
 * them), so the window holds where a fixed gathering time would overrun it.
 * What that did to the fan-out tail on one machine is in bench/RESULTS.md:
 * a few per cent, against a spread of 20% between identical servers.
 */
export class CommitPacing {
  /** The slowest recent commit in ms, fading as quicker ones follow. */
  private slowestMs = 0

  constructor(private readonly windowMs: number = DURABILITY_WINDOW_MS) {}

  /** How long to gather the next group, in ms. */
  get gatherMs(): number {
    const kept = Math.max(COMMIT_MARGIN_MS, SLOWEST_COMMITS_KEPT * this.slowestMs)
    return Math.max(MIN_GATHER_MS, this.windowMs - kept)
  }

  /** A commit took `ms` from being handed to the storage thread to its answer. */
  committed(ms: number): void {
    this.slowestMs = Math.max(ms, this.slowestMs * SLOW_COMMIT_MEMORY)
  }
}

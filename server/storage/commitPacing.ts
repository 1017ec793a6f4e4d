import { DURABILITY_WINDOW_MS } from './roomLog.ts'

/**
 * What the window always keeps for the commit and its sync, however quick
 * they have been: on a healthy disk the two take a millisecond or two; the
 * rest covers a storage thread that waits for a core (it runs below the
 * relay's priority, backgroundPriority.ts) and a commit slower than the
 * ones before it.
 */
export const COMMIT_MARGIN_MS = 20

/** How long a group gathers while commits are quick: 80 of the 100 ms. */
export const QUICK_GATHER_MS = DURABILITY_WINDOW_MS - COMMIT_MARGIN_MS

/**
 * How many times the slowest recent commit (with its sync) the window keeps
 * for the next: that commit, and one up to twice as slow.
 */
const SLOWEST_COMMITS_KEPT = 3

/**
 * Gathering never gets shorter than this: once commits take a third of the
 * window or more, it cannot be kept anyway, and gathering less would only
 * add wake-ups of a thread that is already slow.
 */
const MIN_GATHER_MS = 5

/** How much of a slow commit is remembered at each commit after it: a tenth after some twenty. */
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
 * window as commits leave: QUICK_GATHER_MS while commits are quick, twelve
 * wake-ups a second instead of the twenty of the fixed 50 ms before; less
 * when commits and their syncs slow down (a busy disk), keeping three times
 * the slowest recent one free, so the window holds where a fixed gathering
 * time would overrun it. It stretches still when a commit is suddenly more
 * than twice as slow as the ones before it, when commits take over a third
 * of the window, and behind a compaction in the thread (README,
 * "Durability"). The time is the storage thread's own (SqliteDatabase.append),
 * so a commit that waited behind a compaction does not count as slow.
 * What gathering 80 ms did to the fan-out tail is in bench/RESULTS.md.
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

  /** A commit and its sync took `ms` in the storage thread. */
  committed(ms: number): void {
    this.slowestMs = Math.max(ms, this.slowestMs * SLOW_COMMIT_MEMORY)
  }
}

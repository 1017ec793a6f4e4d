import { getPriority, setPriority } from 'node:os'
import { isMainThread } from 'node:worker_threads'

/**
 * How much lower than the event loop a worker thread runs (added to the
 * relay's own nice value; 19 is the lowest). Enough for the kernel to hand a
 * busy core to the event loop first, not so much that storage waits long on
 * a machine that is busy: at full load it still gets about a tenth of a core.
 */
export const BACKGROUND_NICE_STEP = 10

/** The nice value a worker thread of a relay running at `nice` takes. */
export function backgroundNice(nice: number): number {
  return Math.min(19, nice + BACKGROUND_NICE_STEP)
}

/**
 * Lowers the calling worker thread's priority with the operating system, so
 * that its work (writing to disk within the durability window, compacting)
 * yields the cores to the event loop passing edits on when a small server
 * is short of them. What it buys is hard to see: with 900 edits timed, the
 * slowest one in a hundred came 4.9 → 3.8 ms (one run, two cores); with
 * 4,500 timed, neither this nor the strongest yielding there is
 * (SCHED_IDLE) moved that tail (bench/RESULTS.md, "With 4,500 samples").
 *
 * Only on Linux: there a thread has a priority of its own (setpriority with
 * no process id is the calling thread). Elsewhere it would lower the whole
 * relay, so nothing changes. Lowering needs no privilege; should the system
 * refuse all the same, the thread runs as before. Returns whether it did.
 */
export function runInBackground(): boolean {
  if (isMainThread || process.platform !== 'linux') return false
  try {
    // A new thread starts at its creator's nice value (the relay's, as an operator set it).
    setPriority(backgroundNice(getPriority()))
    return true
  } catch {
    return false
  }
}

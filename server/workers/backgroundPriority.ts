import { execFileSync } from 'node:child_process'
import { readlinkSync } from 'node:fs'
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

/** Linux's scheduling policy for threads that do not preempt others when they wake (sched(7)); its number in /proc/<pid>/task/<tid>/stat. */
export const SCHED_BATCH = 3

/**
 * Lowers the calling worker thread's priority with the operating system, so
 * that its work (writing to disk within the durability window, compacting)
 * yields the cores to the event loop passing edits on when a small server
 * is short of them: a lower nice value, and Linux's SCHED_BATCH policy.
 *
 * The policy is what keeps the event loop from stalling. Handing the thread
 * work (postMessage) wakes it, and a thread woken under the normal policy
 * may take the core from the very event loop that woke it, in the middle of
 * that postMessage, however low its nice value: on two cores with one other
 * busy process, posts every 50 ms stalled the event loop up to 4–5 ms under
 * nice + 10, at most 0.35 ms under SCHED_BATCH (bench/RESULTS.md). A thread
 * under SCHED_BATCH never preempts another when it wakes; it runs on a free
 * core or at the scheduler's next tick, with its fair share (unlike
 * SCHED_IDLE, which may starve it while it holds a lock the event loop
 * needs). Node cannot set a policy itself, so this asks `chrt` (util-linux,
 * on every Debian system) once, when the thread starts.
 *
 * Only on Linux: there a thread has a priority of its own (setpriority with
 * no process id is the calling thread). Elsewhere it would lower the whole
 * relay, so nothing changes. Lowering needs no privilege; should the system
 * refuse all the same, or `chrt` be missing, the thread runs as before.
 * Returns what it did.
 */
export function runInBackground(): { nice: boolean; batch: boolean } {
  if (isMainThread || process.platform !== 'linux') return { nice: false, batch: false }
  // The policy first: setting it may reset the thread's nice value.
  const batch = scheduleAsBatch()
  return { nice: lowerNice(), batch }
}

function lowerNice(): boolean {
  try {
    // A new thread starts at its creator's nice value (the relay's, as an operator set it).
    setPriority(backgroundNice(getPriority()))
    return true
  } catch {
    return false
  }
}

function scheduleAsBatch(): boolean {
  try {
    // "<pid>/task/<tid>": this thread's id, which chrt takes as a pid.
    const threadId = readlinkSync('/proc/thread-self').split('/').pop()!
    execFileSync('chrt', ['--batch', '--pid', '0', threadId], { stdio: 'ignore', timeout: 5_000 })
    return true
  } catch {
    return false
  }
}

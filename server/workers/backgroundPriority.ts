import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readlinkSync } from 'node:fs'
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
 * The policy is what keeps the event loop from stalling when it hands the
 * thread work. Posting a message wakes the thread, and a thread woken under
 * the normal policy may take the core from the very event loop that woke
 * it, in the middle of that post, whatever its nice value: posting a commit
 * every 50 ms while another process kept a core busy held the event loop up
 * p99 2.8 ms under the normal policy, 2.3 ms at nice + 10 and 1.0 ms with
 * SCHED_BATCH as well (`npm run bench -- wake`, bench/workerWake.ts). A
 * thread under SCHED_BATCH never preempts another when it wakes (the
 * scheduler's tick may still switch to it), and keeps its fair share,
 * unlike SCHED_IDLE, which may starve it while it holds a lock the event
 * loop waits for. What either does to fan-out's slowest edits is hard to
 * see on a two-core machine: with 4,500 edits timed, neither nice + 10 nor
 * SCHED_IDLE moved that tail, and SCHED_BATCH did not in five runs against
 * nice + 10 alone (bench/RESULTS.md). Node cannot set a policy, so this asks
 * `chrt` (util-linux, on every Debian system) once, when the thread starts.
 *
 * Only on Linux: there a thread has a priority of its own (setpriority with
 * no process id is the calling thread). Elsewhere it would lower the whole
 * relay, so nothing changes. Lowering needs no privilege; should the system
 * refuse all the same, or `chrt` be missing, the thread runs as before and
 * says so once (a process warning, on stderr). Returns what it did.
 */
export function runInBackground(): { nice: boolean; batch: boolean } {
  if (isMainThread || process.platform !== 'linux') return { nice: false, batch: false }
  const done = lowerThread(ownThreadId())
  if (!done.batch || !done.nice) {
    const how = [done.nice ? undefined : "at the relay's own nice value", done.batch ? undefined : 'under the normal policy (chrt, from util-linux, is missing or refused)']
    process.emitWarning(`A worker thread runs ${how.filter(Boolean).join(' and ')}: when it is handed work it may hold up the relay passing edits on. Kring still works; for the relay's usual speed, ${remedyFor(done)}`, {
      code: 'KRING_BACKGROUND_PRIORITY',
    })
  }
  return done
}

/**
 * Lowers the threads Node and V8 run beside the event loop of process `pid`
 * (this one by default) as a worker lowers itself (runInBackground): V8's
 * platform threads, which compile hot code optimised and mark and sweep the
 * heap while the event loop runs, and whatever else runs by then (libuv's
 * threads, a module loader's). V8's work for the event loop is never on an
 * edit's way to the others, yet at normal priority a woken thread takes a
 * core like the event loop: during fan-out at 50 clients on a two-core
 * machine they ran about a tenth as long as the event loop, and over a
 * millisecond during each of the slowest edits in a hundred while the event
 * loop waited for a core (`npm run bench -- cores`, bench/RESULTS.md).
 * Lowered, the event loop waited for a core a fifth to nearly half less.
 *
 * libuv's threads read files, look up addresses and check signatures
 * (WebCrypto: an invitation's, as a device connects): lowered, these wait
 * behind the event loop when the cores are short, so that the devices
 * already in a plan keep getting each other's edits while a new one joins.
 * SCHED_BATCH keeps each its fair share at its nice value, about a tenth of
 * a busy core, so none of them starves.
 *
 * Call it before the relay starts (start.ts: before it listens, so the
 * blocking `chrt` calls meet no one), on Linux only (elsewhere nothing
 * changes). Threads started later are not touched: a worker lowers itself,
 * libuv starts its threads when first asked. The event loop's own thread
 * stays as it was. Says once, as a process warning, when a thread could not
 * be lowered, and never throws: the relay runs all the same.
 */
export function lowerHelperThreads(pid = process.pid): { lowered: number; of: number } {
  if ((pid === process.pid && !isMainThread) || process.platform !== 'linux') return { lowered: 0, of: 0 }
  let helpers: string[]
  try {
    helpers = readdirSync(`/proc/${pid}/task`).filter((thread) => Number(thread) !== pid)
  } catch {
    return { lowered: 0, of: 0 }
  }
  const nice = backgroundNice(mainThreadNice(pid))
  let lowered = 0
  let ended = 0
  let failed: { nice: boolean; batch: boolean } | undefined
  for (const thread of helpers) {
    const done = lowerThread(thread, nice)
    if (done.batch && done.nice) lowered++
    else if (!existsSync(`/proc/${pid}/task/${thread}`)) ended++
    else failed = done
  }
  if (failed !== undefined) {
    process.emitWarning(`${helpers.length - ended - lowered} of Node's ${helpers.length - ended} helper threads run at the relay's own priority: they may take a core from it while it passes edits on. Kring still works; for the relay's usual speed, ${remedyFor(failed)}`, {
      code: 'KRING_BACKGROUND_PRIORITY',
    })
  }
  return { lowered, of: helpers.length - ended }
}

/**
 * Puts `thread` (a thread id) under SCHED_BATCH at `nice`: the policy
 * first, the nice value after, since a chrt that sets the policy with a nice
 * value of its own (sched_setattr) cannot undo it. By default the nice value
 * is the main thread's plus BACKGROUND_NICE_STEP, not the thread's own plus
 * it, so lowering a thread twice lowers it once.
 */
function lowerThread(thread: string, nice = backgroundNice(mainThreadNice(process.pid))): { nice: boolean; batch: boolean } {
  const batch = scheduleAsBatch(thread)
  return { batch, nice: setNice(thread, nice) }
}

/** What to do when a thread could not be lowered. */
function remedyFor(done: { batch: boolean }): string {
  return done.batch ? "check that the relay may lower its own threads' priority (setpriority)" : 'install util-linux (it has chrt)'
}

/** The nice value of process `pid`'s main thread (on Linux a process id names its main thread), as the relay was started. */
function mainThreadNice(pid: number): number {
  return getPriority(pid)
}

/** This thread's id: "<pid>/task/<tid>". */
function ownThreadId(): string {
  return readlinkSync('/proc/thread-self').split('/').pop()!
}

function setNice(thread: string, nice: number): boolean {
  try {
    // On Linux a thread id names that one thread to setpriority.
    setPriority(Number(thread), nice)
    return true
  } catch {
    return false
  }
}

/** Lowers the calling thread's nice value by BACKGROUND_NICE_STEP; whether it could. */
export function lowerNice(): boolean {
  return setNice(ownThreadId(), backgroundNice(getPriority()))
}

/** Puts `thread` (a thread id, which chrt takes as a pid) under SCHED_BATCH; whether it could. */
function scheduleAsBatch(thread: string): boolean {
  try {
    // Short options: BusyBox's chrt has no long ones.
    execFileSync('chrt', ['-b', '-p', '0', thread], { stdio: 'ignore', timeout: 5_000 })
    return true
  } catch {
    return false
  }
}

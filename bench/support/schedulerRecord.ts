/**
 * Linux's scheduler as `perf` records it: every stretch a thread ran on a
 * core, and how long it waited for one once woken, on CLOCK_MONOTONIC (the
 * clock the benchmark reads: monotonicClock.ts). For `npm run bench --
 * cores` (coresDuringEdits.ts).
 */
import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'

/** One stretch of a thread on a core, as `perf sched timehist` lists it (ns on CLOCK_MONOTONIC). */
export interface OnCore {
  from: number
  to: number
  task: string
  thread: number
  process: number
  /** How long it waited for a core after it was woken, before this stretch (ns). */
  waitedNs: number
}

/** `perf sched timehist` lines: time, [cpu], task name[tid/pid], wait time, sch delay, run time (ms). */
const TIMEHIST_LINE = /^\s*([\d.]+)\s+\[\d+\]\s+(.*?)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$/
/** The "[tid/pid]" (or "[tid]") that ends a task's name; a name may hold brackets of its own. */
const TASK_IDS = /\[(\d+)(?:\/(\d+))?\]$/

function parseTimehist(text: string): OnCore[] {
  const stretches: OnCore[] = []
  for (const line of text.split('\n')) {
    const match = TIMEHIST_LINE.exec(line)
    if (match === null) continue
    const [, at, name, , delay, run] = match
    const ids = TASK_IDS.exec(name!)
    const thread = ids ? Number(ids[1]) : -1
    const to = Number(at) * 1e9
    stretches.push({ from: to - Number(run) * 1e6, to, task: name!.replace(TASK_IDS, ''), thread, process: ids?.[2] ? Number(ids[2]) : thread, waitedNs: Number(delay) * 1e6 })
  }
  return stretches.sort((a, b) => a.from - b.from)
}

/** How perf records: the scheduler's switches and wake-ups, on CLOCK_MONOTONIC. */
const RECORD = ['sched', 'record', '-k', 'mono']

/** Whether perf can trace the machine here; why not, when it cannot. */
export function perfMissing(): string | undefined {
  try {
    execFileSync('perf', [...RECORD, '-o', '/dev/null', '--', 'true'], { stdio: 'ignore', timeout: 30_000 })
    return undefined
  } catch {
    return 'perf cannot record the scheduler here (install linux-perf; run as root or with kernel.perf_event_paranoid ≤ 0)'
  }
}

/** Records the scheduler while `work` runs, into a file in `dir`; resolves with what perf sched timehist lists, by start. */
export async function recordScheduler(dir: string, work: () => Promise<void>): Promise<OnCore[]> {
  const file = join(dir, `sched-${Date.now()}.data`)
  const perf = spawn('perf', [...RECORD, '-o', file], { stdio: 'ignore' })
  const ended = new Promise<void>((resolve) => {
    perf.once('exit', () => resolve())
    perf.once('error', (error) => {
      process.stderr.write(`bench: perf failed: ${error.message}\n`)
      resolve()
    })
  })
  try {
    // perf needs a moment to open its buffers on every core before the first switch it sees.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await work()
  } finally {
    // Stopped whatever happened: a perf left running would trace the whole machine into a file nobody reads.
    perf.kill('SIGINT')
    await ended
  }
  const text = execFileSync('perf', ['sched', 'timehist', '-i', file], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] })
  return parseTimehist(text)
}
